import { Connection, Keypair } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Localnet, startLocalnet } from '../../support/localnet';
import { callRpc, SOL } from './support';

let localnet: Localnet;
let connection: Connection;

beforeEach(async () => {
  localnet = await startLocalnet();
  connection = new Connection(localnet.url, 'confirmed');
});

afterEach(async () => {
  await localnet.close();
});

interface SupplyFigures {
  total: bigint;
  circulating: bigint;
  nonCirculating: bigint;
}

async function readSupply(): Promise<SupplyFigures> {
  const { value } = await connection.getSupply({ excludeNonCirculatingAccountsList: true });
  return {
    total: BigInt(value.total),
    circulating: BigInt(value.circulating),
    nonCirculating: BigInt(value.nonCirculating),
  };
}

describe('localnet getSupply', () => {
  it('lists the faucet as non-circulating', async () => {
    const { context, value } = await connection.getSupply();
    const faucetBalance = BigInt(await connection.getBalance(localnet.faucet));

    expect(context.slot).toBe(await connection.getSlot());
    expect(value.nonCirculatingAccounts.map((key) => key.toBase58())).toEqual([
      localnet.faucet.toBase58(),
    ]);
    expect(BigInt(value.nonCirculating)).toBe(faucetBalance);
    expect(BigInt(value.circulating) + BigInt(value.nonCirculating)).toBe(BigInt(value.total));
    // Genesis contains 3M SOL, and the warm-up epochs add inflation rewards to it.
    expect(BigInt(value.total)).toBeGreaterThan(3_000_000n * SOL);
  });

  it('omits the account list on request', async () => {
    const response = await callRpc(localnet.url, 'getSupply', [
      { excludeNonCirculatingAccountsList: true },
    ]);
    const result = response['result'] as { value: Record<string, unknown> };

    expect(result.value['nonCirculatingAccounts']).toEqual([]);
    expect(result.value['nonCirculating']).toBeGreaterThan(0);
  });

  it('moves a faucet transfer into circulation', async () => {
    const before = await readSupply();
    await localnet.fund(Keypair.generate().publicKey, 2n * SOL);
    const after = await readSupply();

    const fee = before.nonCirculating - after.nonCirculating - 2n * SOL;
    expect(fee).toBeGreaterThan(0n);
    expect(fee).toBeLessThan(SOL / 1000n);
    expect(after.circulating - before.circulating).toBeGreaterThanOrEqual(2n * SOL);
    expect(after.total).toBeLessThanOrEqual(before.total);
  });

  it('grows by the rewards of an epoch', async () => {
    const before = await readSupply();
    await localnet.advanceEpochs(1);
    const after = await readSupply();

    expect(after.total).toBeGreaterThan(before.total);
    expect(after.nonCirculating).toBe(before.nonCirculating);
  });

  it('rejects a non-boolean exclude flag', async () => {
    const response = await callRpc(localnet.url, 'getSupply', [
      { excludeNonCirculatingAccountsList: 'yes' },
    ]);

    expect(response['error']).toMatchObject({ code: -32602 });
  });
});

interface RawSample {
  slot: number;
  numTransactions: number;
  numNonVoteTransactions: number;
}

describe('localnet getRecentPerformanceSamples', () => {
  it('returns 60-second windows newest first', async () => {
    const slot = BigInt(await connection.getSlot());
    const samples = await connection.getRecentPerformanceSamples();

    expect(samples.length).toBe(Number(slot / 150n));
    expect(samples[0]?.slot).toBe(Number((slot / 150n) * 150n));
    for (const [index, sample] of samples.entries()) {
      expect(sample.numSlots).toBe(150);
      expect(sample.samplePeriodSecs).toBe(60);
      expect(sample.slot).toBe((samples[0]?.slot ?? 0) - index * 150);
    }
  });

  it('counts a landed transaction in its window', async () => {
    const signature = await localnet.fund(Keypair.generate().publicKey, SOL);
    const landed = await connection.getTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    const landedSlot = BigInt(landed?.slot ?? -1);
    const windowEnd = (landedSlot / 150n + 1n) * 150n;
    const before = await connection.getRecentPerformanceSamples(720);
    await localnet.advanceSlots(Number(windowEnd - BigInt(await connection.getSlot())) + 1);
    // web3.js 1.x drops numNonVoteTransactions, so the raw response is read.
    const response = await callRpc(localnet.url, 'getRecentPerformanceSamples', [720]);
    const after = response['result'] as RawSample[];

    expect(before.find((sample) => BigInt(sample.slot) === windowEnd)).toBeUndefined();
    const sample = after.find((entry) => BigInt(entry.slot) === windowEnd);
    expect(sample?.numTransactions).toBeGreaterThanOrEqual(1);
    expect(sample?.numNonVoteTransactions).toBe(sample?.numTransactions);
  });

  it('honours the limit', async () => {
    await localnet.advanceSlots(400);
    const samples = await connection.getRecentPerformanceSamples(2);

    expect(samples.length).toBe(2);
  });

  it('rejects a limit above 720', async () => {
    const response = await callRpc(localnet.url, 'getRecentPerformanceSamples', [721]);

    expect(response['error']).toMatchObject({ code: -32602, message: 'Invalid limit; max 720' });
  });
});
