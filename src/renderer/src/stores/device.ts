import { create } from 'zustand';

import type { DeviceState } from '../../../shared/domain/ledger';
import { call, subscribe } from '../bridge/wallet';
import { clearDeviceErrorsWhenReady } from './device-recovery';
import { useErrors } from './errors';

interface DeviceStoreState {
  /** Undefined until the main process first reports it. */
  state: DeviceState | undefined;
  load: () => Promise<void>;
}

/** State of the attached Ledger as the main process reports it. */
export const useDevice = create<DeviceStoreState>((set) => ({
  state: undefined,
  load: async () => {
    try {
      const { state } = await call('getDeviceState', {});
      set({ state });
    } catch (error) {
      useErrors.getState().show(error);
    }
  },
}));

export function followDevice(): () => void {
  return subscribe('deviceStateChanged', (change) => {
    useDevice.setState({ state: change.state });
    clearDeviceErrorsWhenReady(change.state);
  });
}
