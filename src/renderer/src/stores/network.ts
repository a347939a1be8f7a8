import { create } from 'zustand';

import type { NetworkStatus } from '../../../shared/contract/chain';
import { call, subscribe } from '../bridge/wallet';
import { useErrors } from './errors';

interface NetworkStore {
  status: NetworkStatus | undefined;
  /** Loads the status. With `check`, main first requests the slot from the cluster. */
  load: (check: boolean) => Promise<void>;
}

export const useNetwork = create<NetworkStore>((set) => ({
  status: undefined,
  load: async (check) => {
    try {
      set({ status: await call('getNetworkStatus', { check }) });
    } catch (error) {
      useErrors.getState().show(error);
    }
  },
}));

export function followNetwork(): () => void {
  return subscribe('networkStatusChanged', (status) => useNetwork.setState({ status }));
}

/**
 * Calls `refreshOnNewEpoch` with the network status whenever it or the page's store
 * changes, so a page can read its data again at a new epoch. Returns the unsubscribe
 * function.
 */
export function followNewEpochs(
  subscribeToStore: (listener: () => void) => () => void,
  refreshOnNewEpoch: (status: NetworkStatus | undefined) => Promise<void>,
): () => void {
  const check = () => {
    void refreshOnNewEpoch(useNetwork.getState().status);
  };
  const stopNetwork = useNetwork.subscribe(check);
  const stopStore = subscribeToStore(check);
  check();
  return () => {
    stopNetwork();
    stopStore();
  };
}
