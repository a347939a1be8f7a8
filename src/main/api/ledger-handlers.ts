import type { ledgerMethods } from '../../shared/contract/ledger';
import type { Services } from '../compose';
import type { HandlersOf } from './handlers';
import { AccountDiscoveryService, type AccountActivity } from './ledger/account-discovery-service';
import { findStoredAccount, sortAccountViews, toAccountView } from './ledger/account-views';
import { deviceSigningFor } from './device-signing';
import { TransactionChainCheckService } from './ledger/transaction-chain-check';
import { WalletError } from '../../shared/errors';

type LedgerHandlers = HandlersOf<typeof ledgerMethods>;

export type LedgerHandlerServices = Pick<
  Services,
  'bus' | 'store' | 'settings' | 'ledger' | 'logger'
> & {
  /** Chain look-ups for account discovery; without them discovery cannot tell used accounts. */
  accountActivity?: AccountActivity;
  /** The cluster that reviews are checked against. Without it every check is `notChecked`. */
  chainHub?: Pick<Services['chainHub'], 'chain'>;
};

export type { AccountActivity };

/**
 * Binds the Ledger methods of the contract: device state, account discovery and the saved
 * accounts, address verification, and the review and signing of pasted transactions.
 * Device state changes are forwarded to the pages as deviceStateChanged events.
 */
export function createLedgerHandlers(services: LedgerHandlerServices): LedgerHandlers {
  const { bus, ledger, store } = services;
  const logger = services.logger.child({ subsystem: 'ledger-api' });

  ledger.subscribe('state', (change) => bus.emit('deviceStateChanged', change));

  const discovery = new AccountDiscoveryService({
    ledger,
    accounts: store.accounts,
    bus,
    logger,
    activity: () => services.accountActivity,
  });
  const chainHub = services.chainHub;
  const chainCheck =
    chainHub === undefined
      ? undefined
      : new TransactionChainCheckService({ chain: () => chainHub.chain(), logger });
  // Shared with the offline queue, so cancelSigning also stops a queue signing.
  const { reviews, signing } = deviceSigningFor({
    ledger,
    accounts: store.accounts,
    audit: store.audit,
    settings: services.settings,
    bus,
    logger,
    chainCheck,
    pending: store.pending,
  });

  const listAccounts = () => ({
    accounts: sortAccountViews(store.accounts.list().map(toAccountView)),
  });

  return {
    getDeviceState: () => {
      const device = ledger.getDevices()[0];
      return Promise.resolve({
        deviceId: device?.deviceId ?? null,
        state: device?.state ?? { status: 'no-device' },
      });
    },

    discoverAccounts: (input, { signal }) => discovery.discover(input, signal),

    cancelDiscovery: () => Promise.resolve({ cancelled: discovery.cancel() }),

    listAccounts: () => Promise.resolve(listAccounts()),

    renameAccount: async ({ address, name }) => {
      findStoredAccount(store.accounts.list(), address);
      await store.accounts.rename(address, name);
      return listAccounts();
    },

    removeAccount: async ({ address }) => {
      findStoredAccount(store.accounts.list(), address);
      await store.accounts.remove(address);
      return listAccounts();
    },

    verifyAddress: async ({ address }, { signal }) => {
      const account = findStoredAccount(store.accounts.list(), address);
      const path = account.derivationPath;

      // The device shows whatever key its seed gives for the path. Check first that it is
      // the saved address, because otherwise the person would compare two different ones.
      const onDevice = await ledger.getAddress(path, { signal });
      if (onDevice !== address) {
        throw new WalletError('LEDGER_ACCOUNT_MISMATCH', {
          path,
          expected: address,
          actual: onDevice,
        });
      }

      const approved = await ledger.verifyAddress(path, { signal });
      return { address, path, outcome: approved ? 'approved' : 'rejected' };
    },

    reviewTransaction: (input, { signal }) => reviews.review(input, signal),

    signReviewedTransaction: ({ reviewId }, { signal }) => signing.sign(reviewId, signal),

    cancelSigning: () => Promise.resolve({ cancelled: signing.cancel() }),
  };
}
