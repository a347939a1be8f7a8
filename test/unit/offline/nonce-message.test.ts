import { PublicKey, SystemProgram, TransactionMessage } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';

import { applyDurableNonce } from '../../../src/main/api/offline/durable-nonce-message';
import {
  lifetimeOfMessage,
  readMessageNonce,
  requiredSignersOf,
} from '../../../src/main/api/offline/message-lifetime';
import {
  decodeNonceAccount,
  deriveNonceAddress,
  nonceSeed,
} from '../../../src/main/api/offline/nonce-account';
import { parseMessage } from '../../../src/main/stake';
import {
  setComputeUnitLimitInstruction,
  setComputeUnitPriceInstruction,
} from '../../../src/main/stake/instructions/compute-budget';
import { blockhash, nonceAccount, nonceValue, payer, recipient, transferMessage } from './messages';

const SYSTEM = SystemProgram.programId.toBase58();

function nonceData(
  options: { version?: number; state?: number; length?: number } = {},
): Uint8Array {
  const data = new Uint8Array(80);
  const view = new DataView(data.buffer);
  view.setUint32(0, options.version ?? 1, true);
  view.setUint32(4, options.state ?? 1, true);
  data.set(payer.publicKey.toBytes(), 8);
  data.set(new PublicKey(nonceValue).toBytes(), 40);
  view.setBigUint64(72, 5000n, true);
  return data.slice(0, options.length ?? 80);
}

describe('decodeNonceAccount', () => {
  it('reads authority, nonce and fee', () => {
    const state = decodeNonceAccount('N', SYSTEM, nonceData());

    expect(state.authority).toBe(payer.publicKey.toBase58());
    expect(state.nonceValue).toBe(nonceValue);
    expect(state.lamportsPerSignature).toBe(5000n);
  });

  it.each([
    ['another owner', { owner: 'Stake11111111111111111111111111111111111111' }],
    ['short data', { length: 79 }],
    ['legacy version', { version: 0 }],
    ['uninitialized state', { state: 0 }],
  ])('rejects %s', (_name, variant) => {
    const owner = 'owner' in variant ? variant.owner : SYSTEM;
    const data = nonceData(variant as { version?: number; state?: number; length?: number });

    expect(() => decodeNonceAccount('N', owner, data)).toThrow(
      expect.objectContaining({ code: 'NONCE_ACCOUNT_INVALID' }),
    );
  });

  it('derives addresses from numbered seeds', () => {
    const first = deriveNonceAddress(payer.publicKey, 0);

    expect(nonceSeed(3)).toBe('nonce:3');
    expect(first.equals(deriveNonceAddress(payer.publicKey, 1))).toBe(false);
  });
});

describe('message lifetime', () => {
  it('finds the nonce of a nonce message', () => {
    expect(readMessageNonce(transferMessage({ nonce: true }))).toEqual({
      nonceAccount: nonceAccount.toBase58(),
      nonceAuthority: payer.publicKey.toBase58(),
      nonceValue,
    });
  });

  it('returns null for a blockhash message', () => {
    expect(readMessageNonce(transferMessage({ nonce: false }))).toBeNull();
  });

  it('keeps the last valid block height', () => {
    expect(lifetimeOfMessage(transferMessage({ nonce: false }), 420)).toEqual({
      kind: 'blockhash',
      blockhash,
      lastValidBlockHeight: 420,
    });
  });

  it('lists required signers', () => {
    expect(requiredSignersOf(transferMessage({ nonce: false }))).toEqual([
      payer.publicKey.toBase58(),
    ]);
  });
});

describe('applyDurableNonce', () => {
  it('puts the nonce advance first', () => {
    const message = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: blockhash,
      instructions: [
        setComputeUnitLimitInstruction(10_000),
        setComputeUnitPriceInstruction(5n),
        SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: recipient, lamports: 1 }),
      ],
    })
      .compileToLegacyMessage()
      .serialize();

    const rebuilt = applyDurableNonce(message, { nonceAccount, nonceValue }, '1.16.0');
    const parsed = parseMessage(rebuilt);

    expect(readMessageNonce(rebuilt)?.nonceAccount).toBe(nonceAccount.toBase58());
    expect(parsed.recentBlockhash).toBe(nonceValue);
    expect(parsed.instructions).toHaveLength(4);
  });

  it('drops the unit limit on 1.9', () => {
    const message = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: blockhash,
      instructions: [
        setComputeUnitLimitInstruction(10_000),
        setComputeUnitPriceInstruction(5n),
        SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: recipient, lamports: 1 }),
        SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: recipient, lamports: 2 }),
      ],
    })
      .compileToLegacyMessage()
      .serialize();

    const rebuilt = applyDurableNonce(message, { nonceAccount, nonceValue }, '1.9.0');

    expect(parseMessage(rebuilt).instructions).toHaveLength(4);
  });

  it('rejects a message that already uses a nonce', () => {
    expect(() =>
      applyDurableNonce(transferMessage({ nonce: true }), { nonceAccount, nonceValue }, '1.9.0'),
    ).toThrow(expect.objectContaining({ code: 'MESSAGE_DECODE_FAILED' }));
  });
});
