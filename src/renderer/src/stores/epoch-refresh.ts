import type { NetworkStatus } from '../../../shared/contract/chain';

/** The part of a page state (portfolio or validators) that decides an epoch refresh. */
export interface EpochRefreshable {
  cluster: NetworkStatus['cluster'];
  snapshot: { meta: { epoch: number } } | null;
  refreshing: boolean;
}

/**
 * Returns the epoch for which the portfolio (or the validator list) should be read again, or null when no refresh is
 * due. Activation and rewards change only at epoch boundaries, so a refresh is due when the
 * cluster reports a newer epoch than the snapshot's. `lastRefreshedEpoch` is the epoch of the
 * last refresh started this way, so an epoch starts no second refresh after a failed one.
 */
export function findEpochToRefresh(
  status: NetworkStatus | undefined,
  portfolio: EpochRefreshable | undefined,
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
  // Compared for equality, not order: after a switch to another cluster, its epoch may be
  // lower than the one refreshed for before.
  if (status.epoch === lastRefreshedEpoch) {
    return null;
  }
  return status.epoch;
}
