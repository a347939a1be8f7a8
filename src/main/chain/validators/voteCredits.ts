/** One vote account's `epochCredits` entry: epoch, credits at its end, credits at its start. */
export type EpochCreditsEntry = readonly [epoch: number, credits: bigint, previousCredits: bigint];

/** Sums the credits earned in epochs `fromEpoch` to `toEpoch`, both included. */
export function sumCreditsInEpochs(
  epochCredits: readonly EpochCreditsEntry[],
  fromEpoch: number,
  toEpoch: number,
): number {
  let total = 0n;
  for (const [epoch, credits, previousCredits] of epochCredits) {
    if (epoch >= fromEpoch && epoch <= toEpoch && credits > previousCredits) {
      total += credits - previousCredits;
    }
  }
  return Number(total);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) {
    return sorted[middle] ?? null;
  }
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Mean of `credits` weighted by `stake`, the reference the runtime's reward points follow. */
export function stakeWeightedMean(
  entries: readonly { credits: number; stake: bigint }[],
): number | null {
  let weightedSum = 0;
  let stakeSum = 0;
  for (const entry of entries) {
    const stake = Number(entry.stake);
    weightedSum += entry.credits * stake;
    stakeSum += stake;
  }
  return stakeSum > 0 ? weightedSum / stakeSum : null;
}
