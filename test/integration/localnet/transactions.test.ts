import {
  ComputeBudgetProgram,
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Localnet, startLocalnet } from '../../support/localnet';
import { buildTransaction, callRpc, sendAndConfirm, SOL, transfer } from './support';

let localnet: Localnet;
let connection: Connection;
let payer: Keypair;

beforeEach(async () => {
  localnet = await startLocalnet();
  connection = new Connection(localnet.url, 'confirmed');
  payer = Keypair.generate();
  await localnet.fund(payer.publicKey, 10n * SOL);
});

afterEach(async () => {
  await localnet.close();
});

async function buildV0Transfer(lamports: bigint): Promise<VersionedTransaction> {
  const { blockhash } = await connection.getLatestBlockhash();
  const message = new TransactionMessage({
    payerKey: payer.publicKey,
    recentBlockhash: blockhash,
    instructions: [transfer(payer, Keypair.generate().publicKey, lamports)],
  }).compileToV0Message();
  const transaction = new VersionedTransaction(message);
  transaction.sign([payer]);
  return transaction;
}

describe('localnet simulateTransaction', () => {
  it('simulates an unsigned transaction', async () => {
    const { blockhash } = await connection.getLatestBlockhash();
    const message = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: blockhash,
      instructions: [transfer(payer, Keypair.generate().publicKey, SOL)],
    }).compileToLegacyMessage();
    const unsigned = new VersionedTransaction(message);

    const { value } = await connection.simulateTransaction(unsigned, {
      sigVerify: false,
      accounts: { addresses: [payer.publicKey.toBase58()], encoding: 'base64' },
    });
    expect(value.err).toBeNull();
    expect(value.unitsConsumed).toBeGreaterThan(0);
    expect(value.logs).toContain('Program 11111111111111111111111111111111 success');
    expect(value.accounts?.[0]?.lamports).toBe(Number(10n * SOL));
    expect(await connection.getBalance(payer.publicKey)).toBe(Number(10n * SOL));

    const verified = await callRpc(localnet.url, 'simulateTransaction', [
      Buffer.from(unsigned.serialize()).toString('base64'),
      { encoding: 'base64', sigVerify: true },
    ]);
    expect(verified['error']).toMatchObject({ code: -32003 });
  });

  it('replaces an expired blockhash', async () => {
    const transaction = await buildTransaction(
      connection,
      [transfer(payer, Keypair.generate().publicKey, SOL)],
      [payer],
    );
    await localnet.expireBlockhashes();

    const encoded = Buffer.from(transaction.serialize()).toString('base64');
    const stale = await connection.simulateTransaction(transaction);
    const before = await connection.getLatestBlockhash();
    const replaced = await callRpc(localnet.url, 'simulateTransaction', [
      encoded,
      { encoding: 'base64', replaceRecentBlockhash: true },
    ]);
    const after = await connection.getLatestBlockhash();

    expect(stale.value.err).toBe('BlockhashNotFound');
    expect(replaced['result']).toMatchObject({ value: { err: null } });
    // The chain may produce a block between the calls, so the replacement is the latest
    // blockhash of either moment, and it must still be valid.
    const replacement = (
      replaced['result'] as { value: { replacementBlockhash: { blockhash: string } } }
    ).value.replacementBlockhash;
    expect([before.blockhash, after.blockhash]).toContain(replacement.blockhash);
    expect((await connection.isBlockhashValid(replacement.blockhash)).value).toBe(true);
    const both = await callRpc(localnet.url, 'simulateTransaction', [
      encoded,
      { encoding: 'base64', sigVerify: true, replaceRecentBlockhash: true },
    ]);
    expect(both['error']).toEqual({
      code: -32602,
      message: 'sigVerify may not be used with replaceRecentBlockhash',
    });
  });
});

describe('localnet transaction history', () => {
  it('returns a landed transaction', async () => {
    const recipient = Keypair.generate().publicKey;
    const signature = await sendAndConfirm(connection, [transfer(payer, recipient, SOL)], [payer]);

    const found = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(found?.meta?.err).toBeNull();
    expect(found?.meta?.fee).toBe(5000);
    expect(found?.meta?.preBalances[0]).toBe(Number(10n * SOL));
    expect(found?.meta?.postBalances[0]).toBe(Number(9n * SOL) - 5000);
    expect(found?.meta?.postBalances[1]).toBe(LAMPORTS_PER_SOL);
    expect(found?.transaction.message.staticAccountKeys[1]?.equals(recipient)).toBe(true);
    expect(found?.version).toBe('legacy');
    expect(found?.blockTime).toBeGreaterThan(0);
  });

  it('records a failed transaction with its fee', async () => {
    const recipient = Keypair.generate().publicKey;
    // One lamport leaves the new account below its rent-exempt minimum.
    const transaction = await buildTransaction(
      connection,
      [transfer(payer, recipient, 1n)],
      [payer],
    );
    const signature = await connection.sendTransaction(transaction, { skipPreflight: true });

    const { value } = await connection.getSignatureStatuses([signature]);
    const found = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(value[0]?.err).toEqual({ InsufficientFundsForRent: { account_index: 1 } });
    expect(found?.meta?.err).toEqual({ InsufficientFundsForRent: { account_index: 1 } });
    expect(await connection.getBalance(payer.publicKey)).toBe(Number(10n * SOL) - 5000);
  });

  it('needs maxSupportedTransactionVersion for v0', async () => {
    const transaction = await buildV0Transfer(SOL);
    const signature = await connection.sendTransaction(transaction);

    const refused = await callRpc(localnet.url, 'getTransaction', [
      signature,
      { encoding: 'json' },
    ]);
    const found = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
    expect(refused['error']).toMatchObject({ code: -32015 });
    expect(found?.version).toBe(0);
    expect(found?.meta?.err).toBeNull();
  });

  it('lists signatures newest first', async () => {
    const first = await sendAndConfirm(
      connection,
      [transfer(payer, Keypair.generate().publicKey, SOL)],
      [payer],
    );
    const second = await sendAndConfirm(
      connection,
      [transfer(payer, Keypair.generate().publicKey, SOL)],
      [payer],
    );

    const all = await connection.getSignaturesForAddress(payer.publicKey);
    const limited = await connection.getSignaturesForAddress(payer.publicKey, { limit: 1 });
    const before = await connection.getSignaturesForAddress(payer.publicKey, { before: second });
    const none = await connection.getSignaturesForAddress(Keypair.generate().publicKey);

    expect(all.map((entry) => entry.signature).slice(0, 2)).toEqual([second, first]);
    expect(all).toHaveLength(3);
    expect(limited.map((entry) => entry.signature)).toEqual([second]);
    expect(before.map((entry) => entry.signature)[0]).toBe(first);
    expect(none).toEqual([]);
  });
});

describe('localnet fees', () => {
  it('prices messages like the runtime', async () => {
    const { blockhash } = await connection.getLatestBlockhash();
    const plain = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: blockhash,
      instructions: [transfer(payer, Keypair.generate().publicKey, SOL)],
    });
    const prioritized = new TransactionMessage({
      payerKey: payer.publicKey,
      recentBlockhash: blockhash,
      instructions: [
        ComputeBudgetProgram.setComputeUnitLimit({ units: 200_000 }),
        ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 10_000 }),
        transfer(payer, Keypair.generate().publicKey, SOL),
      ],
    });

    expect((await connection.getFeeForMessage(plain.compileToLegacyMessage())).value).toBe(5000);
    // 200,000 units at 10,000 micro-lamports each add 2,000 lamports.
    expect((await connection.getFeeForMessage(prioritized.compileToLegacyMessage())).value).toBe(
      7000,
    );
    expect((await connection.getFeeForMessage(prioritized.compileToV0Message())).value).toBe(7000);

    await localnet.expireBlockhashes();
    expect((await connection.getFeeForMessage(plain.compileToLegacyMessage())).value).toBeNull();
  });

  it('reports recent prioritization fees', async () => {
    const recipient = Keypair.generate().publicKey;
    const transaction = await buildTransaction(
      connection,
      [
        ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 2_500 }),
        transfer(payer, recipient, SOL),
      ],
      [payer],
    );
    await connection.sendTransaction(transaction);
    const slot = await connection.getSlot();

    const forRecipient = await connection.getRecentPrioritizationFees({
      lockedWritableAccounts: [recipient],
    });
    // The faucet transfer in the same block paid no priority fee, so the block minimum is 0.
    const forBlock = await connection.getRecentPrioritizationFees();
    expect(forRecipient.find((entry) => entry.slot === slot)?.prioritizationFee).toBe(2_500);
    expect(forBlock.find((entry) => entry.slot === slot)?.prioritizationFee).toBe(0);
    expect(forBlock.length).toBeLessThanOrEqual(150);
  });

  it('reads the minimum delegation from the stake program', async () => {
    expect(await connection.getStakeMinimumDelegation()).toEqual({
      context: { slot: await connection.getSlot(), apiVersion: '1.18.0' },
      value: LAMPORTS_PER_SOL,
    });
  });

  it('airdrops from the faucet', async () => {
    const recipient = Keypair.generate().publicKey;
    const signature = await connection.requestAirdrop(recipient, LAMPORTS_PER_SOL);
    const { value } = await connection.getSignatureStatuses([signature]);

    expect(value[0]?.err).toBeNull();
    expect(await connection.getBalance(recipient)).toBe(LAMPORTS_PER_SOL);
  });
});
