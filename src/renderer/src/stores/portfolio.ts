import { create } from 'zustand';

import type { OwnerBalance, PortfolioState } from '../../../shared/contract/chain';
import type { StakeAccountView } from '../../../shared/domain/chain';
import { call, subscribe } from '../bridge/wallet';
import { useErrors } from './errors';

export interface PortfolioStore {
  /** The last state main sent; undefined until the first load returns. */
  state: PortfolioState | undefined;
  /** True from a refresh request until its result arrives. */
  refreshing: boolean;
  /** Shows the saved portfolio at once, then refreshes it when main reports it out of date. */
  open: () => Promise<void>;
  refresh: () => Promise<void>;
}

export const usePortfolio = create<PortfolioStore>((set, get) => ({
  state: undefined,
  refreshing: false,
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
  refresh: async () => {
    set({ refreshing: true });
    try {
      // A chain failure comes back as state.lastRefresh, not as an error.
      set({ state: await call('refreshPortfolio', {}) });
    } catch (error) {
      useErrors.getState().show(error);
    } finally {
      set({ refreshing: false });
    }
  },
}));

/** Keeps the store in step with portfolioUpdated events; returns the unsubscribe function. */
export function followPortfolio(): () => void {
  return subscribe('portfolioUpdated', (state) => usePortfolio.setState({ state }));
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
