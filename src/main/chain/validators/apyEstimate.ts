import { SECONDS_PER_YEAR } from '../rewards/apr';

export interface NetworkYieldInputs {
  /** Annual inflation paid to stakers, as a fraction of total supply (getInflationRate). */
  validatorInflation: number;
  totalSupply: bigint;
  totalActiveStake: bigint;
  /** Epoch length in seconds, for compounding once per epoch. */
  epochSeconds: number;
}

/**
 * Estimates the annual yield of staking with one validator. Inflation rewards are split by
 * points, stake × vote credits, so a validator earning fewer credits than the stake-weighted
 * average earns proportionally less, and commission takes its share before the staker.
 * Rewards are restaked each epoch, so the rate compounds per epoch.
 *
 * NOTE: an estimate only. It ignores MEV and block rewards, future inflation changes and
 * commission changes, and assumes the recent credits continue.
 */
export function estimateApy(
  network: NetworkYieldInputs,
  commission: number,
  creditsRatioToWeightedMean: number | null,
): number | null {
  if (
    network.totalActiveStake === 0n ||
    network.epochSeconds <= 0 ||
    creditsRatioToWeightedMean === null
  ) {
    return null;
  }

  const baseApr =
    (network.validatorInflation * Number(network.totalSupply)) / Number(network.totalActiveStake);
  const apr = baseApr * (1 - commission / 100) * creditsRatioToWeightedMean;
  const epochsPerYear = SECONDS_PER_YEAR / network.epochSeconds;
  return (1 + apr / epochsPerYear) ** epochsPerYear - 1;
}
