import { create } from 'zustand';

import type { ValidatorsState } from '../../../shared/contract/chain';
import type { ValidatorView } from '../../../shared/domain/chain';
import { call, subscribe } from '../bridge/wallet';
import { useErrors } from './errors';

/** A saved list older than this is read again when a page opens. */
const REFRESH_AFTER_SECONDS = 300;

export interface ValidatorsStore {
  state: ValidatorsState | undefined;
  refreshing: boolean;
  /** Shows the saved list at once, then reads a new one when there is none or it is old. */
  open: () => Promise<void>;
  refresh: () => Promise<void>;
}

export const useValidators = create<ValidatorsStore>((set, get) => ({
  state: undefined,
  refreshing: false,
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

/** Shared empty list, so the selector below returns the same value while nothing changes. */
const noValidators: readonly ValidatorView[] = [];

/** Returns the validators of the saved list, or one shared empty list when there is none. */
export function selectValidatorViews(store: ValidatorsStore): readonly ValidatorView[] {
  return store.state?.snapshot?.validators ?? noValidators;
}
