import { create } from 'zustand';

import type { NetworkStatus, ValidatorsState } from '../../../shared/contract/chain';
import type { ValidatorView } from '../../../shared/domain/chain';
import { call, subscribe } from '../bridge/wallet';
import { findEpochToRefresh } from './epoch-refresh';
import { useErrors } from './errors';
import { followNewEpochs } from './network';

/** A saved list older than this is read again when a page opens. */
const REFRESH_AFTER_SECONDS = 300;

export interface ValidatorsStore {
  state: ValidatorsState | undefined;
  refreshing: boolean;
  /** Shows the saved list at once, then reads a new one when there is none or it is old. */
  open: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Epoch of the last refresh started because the cluster entered a new epoch. */
  epochRefreshedFor: number | null;
  /** Starts one refresh when the network status reports an epoch newer than the list's. */
  refreshOnNewEpoch: (status: NetworkStatus | undefined) => Promise<void>;
}

export const useValidators = create<ValidatorsStore>((set, get) => ({
  state: undefined,
  refreshing: false,
  epochRefreshedFor: null,
  refreshOnNewEpoch: async (status) => {
    const { state, refreshing, epochRefreshedFor } = get();
    const epoch = refreshing ? null : findEpochToRefresh(status, state, epochRefreshedFor);
    if (epoch !== null) {
      set({ epochRefreshedFor: epoch });
      await get().refresh();
    }
  },
  open: async () => {
    try {
      const state = await call('listValidators', { refresh: false });
      set({ state });
      const isOld = state.ageSeconds === null || state.ageSeconds > REFRESH_AFTER_SECONDS;
      if (isOld && !state.refreshing) {
        await get().refresh();
      }
    } catch (error) {
      useErrors.getState().show(error);
    }
  },
  refresh: async () => {
    set({ refreshing: true });
    try {
      set({ state: await call('listValidators', { refresh: true }) });
    } catch (error) {
      useErrors.getState().show(error);
    } finally {
      set({ refreshing: false });
    }
  },
}));

export function followValidators(): () => void {
  return subscribe('validatorsUpdated', (state) => useValidators.setState({ state }));
}

/**
 * Reads the validator list again once per new epoch that the status bar's periodic check
 * reports, since credits, stake and skip rates change per epoch. Returns the unsubscribe
 * function.
 */
export function followValidatorEpochs(): () => void {
  return followNewEpochs(useValidators.subscribe, (status) =>
    useValidators.getState().refreshOnNewEpoch(status),
  );
}

/** Shared empty list, so the selector below returns the same value while nothing changes. */
const noValidators: readonly ValidatorView[] = [];

/** Returns the validators of the saved list, or one shared empty list when there is none. */
export function selectValidatorViews(store: ValidatorsStore): readonly ValidatorView[] {
  return store.state?.snapshot?.validators ?? noValidators;
}
