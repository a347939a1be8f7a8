import { Keypair, TransactionMessage, VersionedTransaction, SystemProgram } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';

import { encodeTransaction } from '../../../src/main/api/stake/flow-rpc';

describe('encodeTransaction', () => {
  it('matches web3.js for a signed message', () => {
    const payer = Keypair.generate();
    const message = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: 'GHtXQBsoZHVnNFa9YevAzFr17DJjgHXk3ycTKD5xD3Zi',
      instructions: [
        SystemProgram.transfer({
          fromPubkey: payer.publicKey,
          toPubkey: Keypair.generate().publicKey,
          lamports: 1,
        }),
      ],
    }).compileToLegacyMessage();
    const transaction = new VersionedTransaction(message);
    transaction.sign([payer]);

    const encoded = encodeTransaction(message.serialize(), [transaction.signatures[0] ?? null]);
    expect(Buffer.from(encoded)).toEqual(Buffer.from(transaction.serialize()));
  });

  it('leaves missing signatures as zeros', () => {
    const message = Uint8Array.from([1, 2, 3]);
    const encoded = encodeTransaction(message, [null, null]);
    expect(encoded.length).toBe(1 + 128 + 3);
    expect(encoded[0]).toBe(2);
    expect(encoded.slice(1, 129).every((byte) => byte === 0)).toBe(true);
    expect([...encoded.slice(129)]).toEqual([1, 2, 3]);
  });

  it('writes a two-byte count from 128 signatures', () => {
    const encoded = encodeTransaction(
      new Uint8Array(),
      Array.from({ length: 130 }, () => null),
    );
    expect([...encoded.slice(0, 2)]).toEqual([0x82, 0x01]);
  });
});
