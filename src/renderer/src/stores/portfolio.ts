import { create } from 'zustand';

import type { NetworkStatus, OwnerBalance, PortfolioState } from '../../../shared/contract/chain';
import type { StakeAccountView } from '../../../shared/domain/chain';
import { call, subscribe } from '../bridge/wallet';
import { findEpochToRefresh } from './epoch-refresh';
import { useErrors } from './errors';
import { followNewEpochs } from './network';

export interface PortfolioStore {
  /** The last state main sent; undefined until the first load returns. */
  state: PortfolioState | undefined;
  /** True from a refresh request until its result arrives. */
  refreshing: boolean;
  /** Shows the saved portfolio at once, then refreshes it when main reports it out of date. */
  open: () => Promise<void>;
  /** Reads the portfolio again; `afterChange` after a transaction landed, so the read follows it. */
  refresh: (options?: { afterChange?: boolean }) => Promise<void>;
  /** Epoch of the last refresh started because the cluster entered a new epoch. */
  epochRefreshedFor: number | null;
  /** Starts one refresh when the network status reports an epoch newer than the snapshot's. */
  refreshOnNewEpoch: (status: NetworkStatus | undefined) => Promise<void>;
}

export const usePortfolio = create<PortfolioStore>((set, get) => ({
  state: undefined,
  refreshing: false,
  epochRefreshedFor: null,
  open: async () => {
    try {
      const state = await call('getPortfolio', {});
      set({ state });
      if (state.needsRefresh && !state.refreshing) {
        await get().refresh();
      }
    } catch (error) {
      useErrors.getState().show(error);
    }
  },
  refresh: async (options = {}) => {
    set({ refreshing: true });
    try {
      // A chain failure comes back as state.lastRefresh, not as an error.
      const input = options.afterChange === true ? { afterChange: true } : {};
      set({ state: await call('refreshPortfolio', input) });
    } catch (error) {
      useErrors.getState().show(error);
    } finally {
      set({ refreshing: false });
    }
  },
  refreshOnNewEpoch: async (status) => {
    const { state, refreshing, epochRefreshedFor } = get();
    const epoch = refreshing ? null : findEpochToRefresh(status, state, epochRefreshedFor);
    if (epoch !== null) {
      set({ epochRefreshedFor: epoch });
      await get().refresh();
    }
  },
}));

/** Keeps the store in step with portfolioUpdated events; returns the unsubscribe function. */
export function followPortfolio(): () => void {
  return subscribe('portfolioUpdated', (state) => usePortfolio.setState({ state }));
}

/**
 * Refreshes the portfolio once per new epoch that the status bar's periodic check reports,
 * so activation figures and rewards move without a press on Refresh. Returns the
 * unsubscribe function.
 */
export function followEpochs(): () => void {
  return followNewEpochs(usePortfolio.subscribe, (status) =>
    usePortfolio.getState().refreshOnNewEpoch(status),
  );
}

// Selectors must return the same value while the store is unchanged, or React re-renders
// without end (zustand 5 compares with Object.is). These return one shared empty list when
// there is no snapshot, where `?? []` would build a new one on every call.
const noOwners: readonly OwnerBalance[] = [];
const noStakeAccounts: readonly StakeAccountView[] = [];

export function selectOwners(store: PortfolioStore): readonly OwnerBalance[] {
  return store.state?.snapshot?.owners ?? noOwners;
}

export function selectStakeAccounts(store: PortfolioStore): readonly StakeAccountView[] {
  return store.state?.snapshot?.stakeAccounts ?? noStakeAccounts;
}
