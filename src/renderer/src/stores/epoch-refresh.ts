import type { NetworkStatus, PortfolioState } from '../../../shared/contract/chain';

/**
 * Returns the epoch for which the portfolio should be read again, or null when no refresh is
 * due. Activation and rewards change only at epoch boundaries, so a refresh is due when the
 * cluster reports a newer epoch than the snapshot's. `lastRefreshedEpoch` is the epoch of the
 * last refresh started this way: each epoch starts at most one, even when that one fails.
 */
export function findEpochToRefresh(
  status: NetworkStatus | undefined,
  portfolio: PortfolioState | undefined,
  lastRefreshedEpoch: number | null,
): number | null {
  if (status === undefined || portfolio === undefined) {
    return null;
  }
  if (status.connection !== 'online' || status.epoch === null) {
    return null;
  }
  // Without a snapshot, opening the page reads one anyway.
  const snapshot = portfolio.snapshot;
  if (snapshot === null || portfolio.refreshing || portfolio.cluster !== status.cluster) {
    return null;
  }
  if (status.epoch <= snapshot.meta.epoch) {
    return null;
  }
  if (lastRefreshedEpoch !== null && status.epoch <= lastRefreshedEpoch) {
    return null;
  }
  return status.epoch;
}
