import { create } from 'zustand';

import type { PortfolioState } from '../../../shared/contract/chain';
import { call, subscribe } from '../bridge/wallet';
import { useErrors } from './errors';

interface PortfolioStore {
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
