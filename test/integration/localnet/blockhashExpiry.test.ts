import { Connection, Keypair, SendTransactionError } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Localnet, startLocalnet } from '../../support/localnet';
import { buildTransaction, callRpc, SOL, transfer } from './support';

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

describe('localnet blockhash expiry', () => {
  it('reports 150 blocks of validity', async () => {
    const height = await connection.getBlockHeight();
    const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();

    expect(lastValidBlockHeight).toBe(height + 150);
    expect((await connection.isBlockhashValid(blockhash)).value).toBe(true);

    await localnet.advanceSlots(150);
    expect(await connection.getBlockHeight()).toBe(lastValidBlockHeight);
    expect((await connection.isBlockhashValid(blockhash)).value).toBe(true);

    await localnet.advanceSlots(1);
    expect(await connection.getBlockHeight()).toBe(lastValidBlockHeight + 1);
    expect((await connection.isBlockhashValid(blockhash)).value).toBe(false);
  });

  it('rejects an expired transaction in preflight', async () => {
    const transaction = await buildTransaction(
      connection,
      [transfer(payer, Keypair.generate().publicKey, SOL)],
      [payer],
    );
    await localnet.expireBlockhashes();

    const error = await connection.sendTransaction(transaction).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SendTransactionError);
    expect(String(error)).toContain('Transaction simulation failed: Blockhash not found');

    const raw = await callRpc(localnet.url, 'sendTransaction', [
      Buffer.from(transaction.serialize()).toString('base64'),
      { encoding: 'base64' },
    ]);
    expect(raw['error']).toMatchObject({
      code: -32002,
      message: 'Transaction simulation failed: Blockhash not found',
      data: { err: 'BlockhashNotFound', accounts: null },
    });
  });

  it('drops an expired transaction sent without preflight', async () => {
    const transaction = await buildTransaction(
      connection,
      [transfer(payer, Keypair.generate().publicKey, SOL)],
      [payer],
    );
    await localnet.expireBlockhashes();

    const signature = await connection.sendTransaction(transaction, { skipPreflight: true });
    const { value } = await connection.getSignatureStatuses([signature], {
      searchTransactionHistory: true,
    });
    expect(value[0]).toBeNull();
    expect(await connection.getBalance(payer.publicKey)).toBe(Number(10n * SOL));
  });

  it('keeps the status of a landed transaction', async () => {
    const transaction = await buildTransaction(
      connection,
      [transfer(payer, Keypair.generate().publicKey, SOL)],
      [payer],
    );
    const signature = await connection.sendTransaction(transaction);
    await localnet.expireBlockhashes();

    const { value } = await connection.getSignatureStatuses([signature], {
      searchTransactionHistory: true,
    });
    expect(value[0]?.err).toBeNull();
    expect(value[0]?.confirmationStatus).toBe('finalized');
    const resend = await connection.sendTransaction(transaction).catch((caught: unknown) => caught);
    expect(String(resend)).toContain('Blockhash not found');
  });

  it('forgets old statuses without history search', async () => {
    const transaction = await buildTransaction(
      connection,
      [transfer(payer, Keypair.generate().publicKey, SOL)],
      [payer],
    );
    const signature = await connection.sendTransaction(transaction);
    const fresh = await connection.getSignatureStatuses([signature]);
    expect(fresh.value[0]?.confirmationStatus).toBe('confirmed');

    await localnet.advanceSlots(301);
    const cached = await connection.getSignatureStatuses([signature]);
    const searched = await connection.getSignatureStatuses([signature], {
      searchTransactionHistory: true,
    });
    expect(cached.value[0]).toBeNull();
    expect(searched.value[0]?.slot).toBe(fresh.value[0]?.slot);
  });
});
