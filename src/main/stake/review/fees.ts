import type { FeeEstimate, ReviewAction } from '../../../shared/domain/stake';
import { isComputeBudgetAction } from './action-kinds';

const DEFAULT_UNITS_PER_INSTRUCTION = 200_000n;
const MAX_COMPUTE_UNITS = 1_400_000n;
const MICRO_LAMPORTS_PER_LAMPORT = 1_000_000n;

/**
 * Estimates the fee the network charges: the signature fee plus the priority fee, which is
 * price × compute unit limit, rounded up to whole lamports. Without a SetComputeUnitLimit the
 * limit is taken as 200 000 units per instruction other than compute budget ones, at most
 * 1 400 000. The runtime may reserve fewer units for builtin programs, so the priority part
 * is then an upper bound.
 */
export function estimateFee(
  actions: readonly ReviewAction[],
  requiredSignatures: number,
  lamportsPerSignature: bigint,
): FeeEstimate {
  let limit: bigint | null = null;
  let price = 0n;
  for (const action of actions) {
    if (action.kind === 'computeBudgetSetComputeUnitLimit') {
      limit = BigInt(action.units);
    }
    if (action.kind === 'computeBudgetSetComputeUnitPrice') {
      price = BigInt(action.microLamports);
    }
  }

  const counted = BigInt(actions.filter((action) => !isComputeBudgetAction(action)).length);
  const defaultLimit = DEFAULT_UNITS_PER_INSTRUCTION * counted;
  const units = limit ?? (defaultLimit < MAX_COMPUTE_UNITS ? defaultLimit : MAX_COMPUTE_UNITS);

  const priority = (price * units + MICRO_LAMPORTS_PER_LAMPORT - 1n) / MICRO_LAMPORTS_PER_LAMPORT;
  const signatures = lamportsPerSignature * BigInt(requiredSignatures);
  return {
    signatureLamports: signatures.toString(),
    priorityLamports: priority.toString(),
    totalLamports: (signatures + priority).toString(),
    computeUnitLimit: Number(units),
    computeUnitPriceMicroLamports: price.toString(),
  };
}
