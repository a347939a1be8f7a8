import { create } from 'zustand';

import type { AccountView, DiscoveryProgressEvent } from '../../../shared/contract/ledger';
import type { DerivationScheme } from '../../../shared/domain/ledger';
import { call, subscribe } from '../bridge/wallet';
import { describeError, useErrors, type ShownError } from './errors';

export type ErrorDescription = Omit<ShownError, 'id'>;

export interface SchemeProgress {
  checked: number;
  found: number;
}

/** Connect panel view of the current or last account search. */
export interface DiscoveryView {
  running: boolean;
  accountsChecked: number;
  accountsFound: number;
  perScheme: Record<DerivationScheme, SchemeProgress>;
  /** Path checked last, shown so that the search visibly moves on. */
  lastPath: string | null;
  /** Null until the first progress event or result reports whether chain data was used. */
  activityKnown: boolean | null;
  outcome: 'completed' | 'cancelled' | 'failed' | null;
  error: ErrorDescription | null;
}

export type Verification =
  | { status: 'waiting' }
  | { status: 'approved' }
  | { status: 'rejected' }
  | { status: 'failed'; error: ErrorDescription };

interface AccountsState {
  accounts: AccountView[];
  discovery: DiscoveryView;
  /** Address verification on the device, by account address. */
  verifications: Record<string, Verification>;
  load: () => Promise<void>;
  discover: () => Promise<void>;
  cancelDiscovery: () => Promise<void>;
  rename: (address: string, name: string) => Promise<void>;
  remove: (address: string) => Promise<void>;
  verify: (address: string) => Promise<void>;
}

export function emptyDiscovery(running: boolean): DiscoveryView {
  return {
    running,
    accountsChecked: 0,
    accountsFound: 0,
    perScheme: {
      root: { checked: 0, found: 0 },
      bip44: { checked: 0, found: 0 },
      'bip44-change': { checked: 0, found: 0 },
    },
    lastPath: null,
    activityKnown: null,
    outcome: null,
    error: null,
  };
}

/** The saved Ledger accounts, the account search and address verification. */
export const useAccounts = create<AccountsState>((set, get) => ({
  accounts: [],
  discovery: emptyDiscovery(false),
  verifications: {},

  load: async () => {
    try {
      set({ accounts: (await call('listAccounts', {})).accounts });
    } catch (error) {
      useErrors.getState().show(error);
    }
  },

  discover: async () => {
    set({ discovery: emptyDiscovery(true) });
    try {
      const result = await call('discoverAccounts', {});
      set((state) => ({
        discovery: {
          ...state.discovery,
          running: false,
          accountsChecked: result.accountsChecked,
          activityKnown: result.activityKnown,
          outcome: result.outcome,
        },
      }));
    } catch (error) {
      set((state) => ({
        discovery: {
          ...state.discovery,
          running: false,
          outcome: 'failed',
          error: describeError(error),
        },
      }));
    }
    await get().load();
  },

  cancelDiscovery: async () => {
    try {
      await call('cancelDiscovery', {});
    } catch (error) {
      useErrors.getState().show(error);
    }
  },

  rename: async (address, name) => {
    try {
      set({ accounts: (await call('renameAccount', { address, name })).accounts });
    } catch (error) {
      useErrors.getState().show(error);
    }
  },

  remove: async (address) => {
    try {
      set({ accounts: (await call('removeAccount', { address })).accounts });
    } catch (error) {
      useErrors.getState().show(error);
    }
  },

  verify: async (address) => {
    const setVerification = (verification: Verification) =>
      set((state) => ({ verifications: { ...state.verifications, [address]: verification } }));

    setVerification({ status: 'waiting' });
    try {
      const { outcome } = await call('verifyAddress', { address });
      setVerification({ status: outcome });
    } catch (error) {
      setVerification({ status: 'failed', error: describeError(error) });
    }
  },
}));

function applyProgress(discovery: DiscoveryView, event: DiscoveryProgressEvent): DiscoveryView {
  const scheme = discovery.perScheme[event.scheme];
  return {
    ...discovery,
    accountsChecked: event.accountsChecked,
    accountsFound: event.accountsFound,
    perScheme: {
      ...discovery.perScheme,
      [event.scheme]: {
        checked: scheme.checked + 1,
        found: scheme.found + (event.used ? 1 : 0),
      },
    },
    lastPath: event.path,
    activityKnown: event.activityKnown,
  };
}

export function followDiscovery(): () => void {
  return subscribe('discoveryProgress', (event) =>
    useAccounts.setState((state) => ({ discovery: applyProgress(state.discovery, event) })),
  );
}
