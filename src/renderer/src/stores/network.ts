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
