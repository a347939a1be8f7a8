import { Keypair, SystemProgram, TransactionMessage, VersionedTransaction } from '@solana/web3.js';
import { beforeAll, describe, expect, it } from 'vitest';

import { LocalChainService } from '../../support/localnet/chain/localChain';
import { TransactionProcessor } from '../../support/localnet/chain/transactionProcessor';
import { SOL } from './support';

let chain: LocalChainService;
let processor: TransactionProcessor;

beforeAll(async () => {
  chain = await LocalChainService.start();
  processor = new TransactionProcessor(chain);
});

function transferFromPayer(blockhash: string, lamports: bigint): VersionedTransaction {
  const message = new TransactionMessage({
    payerKey: chain.payer.publicKey,
    recentBlockhash: blockhash,
    instructions: [
      SystemProgram.transfer({
        fromPubkey: chain.payer.publicKey,
        toPubkey: Keypair.generate().publicKey,
        lamports,
      }),
    ],
  }).compileToV0Message();
  const transaction = new VersionedTransaction(message);
  transaction.sign([chain.payer]);
  return transaction;
}

/** Waits until bankrun itself rejects `blockhash`, about a second after it was returned. */
async function untilBankRejects(blockhash: string): Promise<void> {
  const probe = new TransactionMessage({
    payerKey: chain.payer.publicKey,
    recentBlockhash: blockhash,
    instructions: [],
  }).compileToLegacyMessage();
  for (;;) {
    if ((await chain.banks.getFeeForMessage(probe.serialize())) === null) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('local node blockhash lifetime', () => {
  it('accepts after bankrun rejects it', async () => {
    const { blockhash } = await chain.latestBlockhash();
    await untilBankRejects(blockhash);

    const transaction = transferFromPayer(blockhash, SOL);
    expect(await processor.fee(transaction.message)).toBe(5000n);
    expect((await processor.simulate(transaction)).err).toBeNull();
    const result = await processor.submit(transaction);

    expect(result.kind).toBe('landed');
    if (result.kind === 'landed') {
      // The log keeps the message that was signed, not the bank's copy.
      expect(result.record.transaction.message.recentBlockhash).toBe(blockhash);
      expect(result.record.err).toBeNull();
    }
  });

  it('lands one intent signed twice', async () => {
    const first = transferFromPayer((await chain.latestBlockhash()).blockhash, 2n * SOL);
    await untilBankRejects(first.message.recentBlockhash);
    const second = transferFromPayer((await chain.latestBlockhash()).blockhash, 2n * SOL);

    expect((await processor.submit(first)).kind).toBe('landed');
    expect((await processor.submit(second)).kind).toBe('landed');
  });

  it('rejects an unknown blockhash', async () => {
    const unknown = Keypair.generate().publicKey.toBase58();
    const result = await processor.submit(transferFromPayer(unknown, SOL));

    expect(result).toMatchObject({ kind: 'dropped', err: 'BlockhashNotFound' });
  });
});
