import type { DisplayLine } from '../app-version';
import type { ReviewableInstruction } from './reviewable';

const LAMPORTS_PER_SIGNATURE = 5000n;
const MAX_UNITS_PER_INSTRUCTION = 200_000n;
const MAX_UNITS_PER_TRANSACTION = 1_400_000n;
const MICRO_LAMPORTS_PER_LAMPORT = 1_000_000n;
const U64_MAX = (1n << 64n) - 1n;

export interface StrippedComputeBudget {
  /** Instructions left once the leading compute-budget instructions are removed. */
  readonly remaining: readonly ReviewableInstruction[];
  /** The "Max fees" value in lamports, or null when no limit or price was set. */
  readonly maxFee: bigint | null;
  /** The newer line rejects a transaction whose fee overflows 64 bits. */
  readonly overflow: boolean;
}

/**
 * Strips the compute-budget instructions at the front, as the app does when two or more
 * instructions remain, and computes the app's "Max fees". The fee is 5000 lamports per
 * signature plus price × units / 10^6. Units is the limit if set, else 200 000 per
 * instruction (compute-budget ones included) capped at 1 400 000.
 * NOTE: 1.9 keeps the fee in 32 bits; the emulator wraps the total, which is where a 32-bit
 * store would wrap it, but the exact intermediate widths of 1.9 were not read.
 */
export function stripComputeBudget(
  entries: readonly ReviewableInstruction[],
  numRequiredSignatures: number,
  displayLine: DisplayLine,
): StrippedComputeBudget {
  if (entries.length <= 1) {
    return { remaining: entries, maxFee: null, overflow: false };
  }

  let start = 0;
  let limit: bigint | null = null;
  let price: bigint | null = null;
  for (const entry of entries) {
    if (entry.program !== 'compute-budget') {
      break;
    }
    if (entry.instruction.kind === 'set-compute-unit-limit') {
      limit = BigInt(entry.instruction.units);
    }
    if (entry.instruction.kind === 'set-compute-unit-price') {
      price = entry.instruction.microLamports;
    }
    start += 1;
  }
  const remaining = entries.slice(start);

  if (limit === null && price === null) {
    return { remaining, maxFee: null, overflow: false };
  }

  let fee = LAMPORTS_PER_SIGNATURE * BigInt(numRequiredSignatures);
  if (price !== null) {
    const defaultUnits = MAX_UNITS_PER_INSTRUCTION * BigInt(entries.length);
    const units =
      limit ??
      (defaultUnits < MAX_UNITS_PER_TRANSACTION ? defaultUnits : MAX_UNITS_PER_TRANSACTION);
    fee += (price * units) / MICRO_LAMPORTS_PER_LAMPORT;
  }

  if (displayLine === 'legacy') {
    return { remaining, maxFee: BigInt.asUintN(32, fee), overflow: false };
  }
  return { remaining, maxFee: fee, overflow: fee > U64_MAX };
}
