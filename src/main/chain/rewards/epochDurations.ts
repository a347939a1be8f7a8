import { isWalletError } from '../../../shared/errors';
import type { ReadOptions } from '../rpc/accountReads';
import { mapWithConcurrency } from '../rpc/mapWithConcurrency';
import type { RpcService } from '../rpc/rpcService';
import {
  blockTimeSchema,
  performanceSamplesSchema,
  type RpcEpochSchedule,
} from '../rpc/rpcSchemas';
import { getFirstSlotOfEpoch } from '../stake/epochSchedule';

/** Target slot time of Solana clusters (400 ms), used when no measurement is available. */
export const NOMINAL_SECONDS_PER_SLOT = 0.4;

export interface EpochDurations {
  /** Seconds per epoch, by epoch number. */
  seconds: Map<number, number>;
  /** Epochs whose duration is slots × average slot time rather than measured block times. */
  estimated: number[];
}

/**
 * Measures each epoch's duration as the difference between the block times of its first slot
 * and of the next epoch's first slot. Where a block time is missing (a skipped first slot, a
 * pruned ledger, a node without block times) the duration is estimated from the average slot
 * time of recent performance samples.
 */
export async function fetchEpochDurations(
  rpc: RpcService,
  schedule: RpcEpochSchedule,
  epochs: readonly number[],
  options: ReadOptions = {},
): Promise<EpochDurations> {
  const boundaries = [...new Set(epochs.flatMap((epoch) => [epoch, epoch + 1]))];
  const times = await mapWithConcurrency(boundaries, 3, async (epoch) => {
    const slot = Number(getFirstSlotOfEpoch(schedule, BigInt(epoch)));
    return [epoch, await readBlockTime(rpc, slot, options)] as const;
  });
  const startTime = new Map(times);

  const seconds = new Map<number, number>();
  const estimated: number[] = [];
  let secondsPerSlot: number | null = null;
  for (const epoch of epochs) {
    const start = startTime.get(epoch) ?? null;
    const end = startTime.get(epoch + 1) ?? null;
    if (start !== null && end !== null && end > start) {
      seconds.set(epoch, end - start);
      continue;
    }
    secondsPerSlot ??= await readAverageSecondsPerSlot(rpc, options);
    const slots =
      getFirstSlotOfEpoch(schedule, BigInt(epoch + 1)) -
      getFirstSlotOfEpoch(schedule, BigInt(epoch));
    seconds.set(epoch, Number(slots) * secondsPerSlot);
    estimated.push(epoch);
  }
  return { seconds, estimated };
}

async function readBlockTime(
  rpc: RpcService,
  slot: number,
  options: ReadOptions,
): Promise<number | null> {
  try {
    const response = await rpc.request('getBlockTime', [slot], blockTimeSchema, options);
    return response.value;
  } catch (error) {
    if (isWalletError(error) && error.code !== 'CANCELLED') {
      return null;
    }
    throw error;
  }
}

/** Averages recent performance samples, falling back to the nominal 400 ms per slot. */
export async function readAverageSecondsPerSlot(
  rpc: RpcService,
  options: ReadOptions = {},
): Promise<number> {
  try {
    const response = await rpc.request(
      'getRecentPerformanceSamples',
      [60],
      performanceSamplesSchema,
      options,
    );
    const slots = response.value.reduce((sum, sample) => sum + sample.numSlots, 0);
    const secondsTotal = response.value.reduce((sum, sample) => sum + sample.samplePeriodSecs, 0);
    return slots > 0 && secondsTotal > 0 ? secondsTotal / slots : NOMINAL_SECONDS_PER_SLOT;
  } catch (error) {
    if (isWalletError(error) && error.code !== 'CANCELLED') {
      return NOMINAL_SECONDS_PER_SLOT;
    }
    throw error;
  }
}
