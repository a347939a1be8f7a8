import type Transport from '@ledgerhq/hw-transport';

import type { LedgerTransportProvider } from '../../../src/main/ledger';

/** A USB bus with no Ledger on it, for tests that do not use the device. */
export const noDeviceProvider: LedgerTransportProvider = {
  listen: () => () => undefined,
  open: (descriptor: string): Promise<Transport> =>
    Promise.reject(new Error(`No device is attached at ${descriptor}.`)),
};
