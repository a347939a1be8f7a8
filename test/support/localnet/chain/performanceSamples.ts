import { VoteProgram } from '@solana/web3.js';

import { SLOT_DURATION_MS } from './localChain';
import type { TransactionRecord } from './transactionLog';

/** Length of one performance sample window, as Agave's sampling service takes them. */
export const SAMPLE_PERIOD_SECS = 60;

/** Slots in one sample window at the local chain's fixed 400 ms per slot. */
const SLOTS_PER_SAMPLE = (BigInt(SAMPLE_PERIOD_SECS) * 1000n) / SLOT_DURATION_MS;

/** One entry of the getRecentPerformanceSamples result. */
export interface PerformanceSample {
  /** Slot the sample was taken at: the last slot of its window. */
  slot: bigint;
  numTransactions: bigint;
  numNonVoteTransactions: bigint;
  numSlots: bigint;
  samplePeriodSecs: number;
}

/**
 * Builds up to `limit` performance samples, newest first, from the transactions that landed
 * on the local chain. Windows end at each multiple of 150 slots up to `currentSlot`, so a
 * window still in progress has no sample yet, as on a cluster.
 *
 * NOTE: the window is 60 seconds of chain time (400 ms per slot), not wall time. A cluster
 * measures wall time, and under `--slot-ms` or `advanceSlots` the two differ.
 */
export function buildPerformanceSamples(
  records: readonly Pick<TransactionRecord, 'slot' | 'transaction'>[],
  currentSlot: bigint,
  limit: number,
): PerformanceSample[] {
  const newestEnd = (currentSlot / SLOTS_PER_SAMPLE) * SLOTS_PER_SAMPLE;
  const samples: PerformanceSample[] = [];
  for (let end = newestEnd; end > 0n && samples.length < limit; end -= SLOTS_PER_SAMPLE) {
    samples.push({
      slot: end,
      numTransactions: 0n,
      numNonVoteTransactions: 0n,
      numSlots: SLOTS_PER_SAMPLE,
      samplePeriodSecs: SAMPLE_PERIOD_SECS,
    });
  }

  const oldestStart = newestEnd - BigInt(samples.length) * SLOTS_PER_SAMPLE;
  for (const record of records) {
    if (record.slot <= oldestStart || record.slot > newestEnd) {
      continue;
    }
    const sample = samples[Number((newestEnd - record.slot) / SLOTS_PER_SAMPLE)];
    if (sample === undefined) {
      continue;
    }
    sample.numTransactions += 1n;
    if (!isVoteTransaction(record)) {
      sample.numNonVoteTransactions += 1n;
    }
  }
  return samples;
}

/** Returns whether every instruction calls the Vote program, as in a validator vote. */
function isVoteTransaction(record: Pick<TransactionRecord, 'transaction'>): boolean {
  const message = record.transaction.message;
  const instructions = message.compiledInstructions;
  return (
    instructions.length > 0 &&
    instructions.every((instruction) =>
      message.staticAccountKeys[instruction.programIdIndex]?.equals(VoteProgram.programId),
    )
  );
}
