import { EPOCH_NOT_SET, decodeStakeState } from '../../src/main/chain/decode/stakeState';
import { decodeStakeHistory } from '../../src/main/chain/decode/stakeHistory';
import { computeStakeBalances } from '../../src/main/chain/stake/stakeBalances';
import {
  encodeDelegated,
  encodeInitialized,
  encodeStakeHistory,
  testKey,
} from '../../test/unit/chain/support/stakeAccountBytes';

export interface DecodeBenchResult {
  accounts: number;
  totalMs: number;
  microsecondsPerAccount: number;
  heapUsedBeforeMb: number;
  heapUsedAfterMb: number;
  /** Heap growth while the decoded results are still referenced. */
  heapGrowthMb: number;
}

const CURRENT_EPOCH = 700n;

/**
 * Encodes a full 512-epoch history of a steady cluster, so warmup and cooldown loops can run
 * over as many epochs as a real account's.
 */
function buildHistory(): Uint8Array {
  const rows: [bigint, bigint, bigint, bigint][] = [];
  for (let epoch = CURRENT_EPOCH - 1n; epoch > CURRENT_EPOCH - 513n; epoch -= 1n) {
    rows.push([epoch, 400_000_000_000_000_000n, 3_000_000_000_000_000n, 2_000_000_000_000_000n]);
  }
  return encodeStakeHistory(rows);
}

/** Mixes the states a large holder has: mostly active, some warming, cooling and idle. */
function buildAccounts(count: number): { data: Uint8Array; lamports: bigint }[] {
  const staker = testKey(1);
  const withdrawer = testKey(2);
  const meta = { rentExemptReserve: 2_282_880n, staker, withdrawer };
  const accounts: { data: Uint8Array; lamports: bigint }[] = [];

  for (let index = 0; index < count; index += 1) {
    const stake = 1_000_000_000n + BigInt(index);
    const lamports = stake + 2_282_880n + BigInt(index % 7);
    const voter = testKey(10 + (index % 50));
    const kind = index % 10;
    let data: Uint8Array;
    if (kind === 0) {
      data = encodeInitialized(meta);
    } else if (kind === 1) {
      data = encodeDelegated(meta, {
        voter,
        stake,
        activationEpoch: CURRENT_EPOCH - 3n,
        deactivationEpoch: EPOCH_NOT_SET,
      });
    } else if (kind === 2) {
      data = encodeDelegated(meta, {
        voter,
        stake,
        activationEpoch: CURRENT_EPOCH - 400n,
        deactivationEpoch: CURRENT_EPOCH - 2n,
      });
    } else {
      data = encodeDelegated(meta, {
        voter,
        stake,
        activationEpoch: CURRENT_EPOCH - 100n - BigInt(index % 300),
        deactivationEpoch: EPOCH_NOT_SET,
      });
    }
    accounts.push({ data, lamports });
  }
  return accounts;
}

/**
 * Times decoding plus activation of `count` stake accounts against a 512-entry history, the
 * work a refresh does after the data has arrived. The history is decoded inside the timed
 * section too, once, as a refresh does.
 */
export function runDecodeBench(count: number): DecodeBenchResult {
  const historyData = buildHistory();
  const accounts = buildAccounts(count);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;

  const started = performance.now();
  const history = decodeStakeHistory(historyData);
  const context = {
    epoch: CURRENT_EPOCH,
    unixTimestamp: 1_700_000_000n,
    history,
    newRateActivationEpoch: 550n,
  };
  const results = [];
  for (const account of accounts) {
    const state = decodeStakeState(account.data);
    if (state.kind === 'initialized' || state.kind === 'delegated') {
      results.push(computeStakeBalances(state, account.lamports, context));
    }
  }
  const totalMs = performance.now() - started;

  const heapAfter = process.memoryUsage().heapUsed;
  if (results.length !== count) {
    throw new Error(`expected ${count} results, got ${results.length}`);
  }
  return {
    accounts: count,
    totalMs: round(totalMs),
    microsecondsPerAccount: round((totalMs * 1000) / count),
    heapUsedBeforeMb: round(heapBefore / 2 ** 20),
    heapUsedAfterMb: round(heapAfter / 2 ** 20),
    heapGrowthMb: round((heapAfter - heapBefore) / 2 ** 20),
  };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
