import { create } from 'zustand';

import type { ConnectionState } from '../../../shared/contract/chain';
import type { TransactionReview } from '../../../shared/contract/ledger';
import type {
  AuditLogView,
  ImportResult,
  NonceAccountList,
  PendingItem,
} from '../../../shared/contract/offline';
import { call, subscribe } from '../bridge/wallet';
import { downloadFile } from '../components/offline/file-transfer';
import { nonceListOutdated } from '../components/offline/nonce-refresh';
import { describeError, useErrors, type ShownError } from './errors';

type ErrorDescription = Omit<ShownError, 'id'>;

/** A queued transaction being reviewed and signed in the queue's dialog. */
export interface QueueSigning {
  id: string;
  review: TransactionReview;
  stage: 'reviewing' | 'signing' | 'signed' | 'failed';
  error: ErrorDescription | undefined;
}

interface OfflineState {
  items: PendingItem[];
  nonces: NonceAccountList | undefined;
  audit: AuditLogView | undefined;
  /** Connection to the cluster, which decides whether sending can work now. */
  connection: ConnectionState;
  /** Ids of queue items with a request in flight, so their buttons wait. */
  busy: string[];
  signing: QueueSigning | undefined;
  imported: ImportResult | undefined;
  importError: ErrorDescription | undefined;
  /** Replaces the queue list, and reads the nonces again when the change affects them. */
  receiveItems: (items: PendingItem[]) => void;
  loadQueue: () => Promise<void>;
  loadConnection: () => Promise<void>;
  loadNonces: (refresh: boolean) => Promise<void>;
  loadAudit: () => Promise<void>;
  createNonceAccount: (authority: string) => Promise<void>;
  reviewItem: (id: string) => Promise<void>;
  signReviewed: () => Promise<void>;
  cancelSigning: () => Promise<void>;
  closeSigning: () => void;
  sendItem: (id: string) => Promise<void>;
  sendAll: () => Promise<void>;
  discardItem: (id: string) => Promise<void>;
  exportItem: (id: string) => Promise<void>;
  importFile: (content: string) => Promise<void>;
  signImported: () => Promise<void>;
  closeImport: () => void;
  exportAuditCsv: () => Promise<void>;
  exportRewardsCsv: () => Promise<void>;
}

function showError(error: unknown): void {
  useErrors.getState().show(error);
}

/**
 * The send-later queue, the nonce accounts and the audit log as the Activity page shows
 * them. Main keeps the records; this store keeps the last lists main sent.
 */
export const useOffline = create<OfflineState>((set, get) => {
  const withBusy = async (id: string, task: () => Promise<void>): Promise<void> => {
    set((state) => ({ busy: [...state.busy, id] }));
    try {
      await task();
    } catch (error) {
      showError(error);
    } finally {
      set((state) => ({ busy: state.busy.filter((entry) => entry !== id) }));
    }
  };

  return {
    items: [],
    nonces: undefined,
    audit: undefined,
    connection: 'unknown',
    busy: [],
    signing: undefined,
    imported: undefined,
    importError: undefined,

    receiveItems: (items) => {
      const previous = get().items;
      set({ items });
      if (nonceListOutdated(previous, items)) {
        void get().loadNonces(true);
      }
    },

    loadQueue: async () => {
      try {
        set({ items: (await call('listPendingTransactions', {})).items });
      } catch (error) {
        showError(error);
      }
    },

    loadConnection: async () => {
      try {
        set({ connection: (await call('getNetworkStatus', { check: false })).connection });
      } catch (error) {
        showError(error);
      }
    },

    loadNonces: async (refresh) => {
      try {
        set({ nonces: await call('listNonceAccounts', { refresh }) });
      } catch (error) {
        showError(error);
      }
    },

    loadAudit: async () => {
      try {
        set({ audit: await call('getAuditLog', {}) });
      } catch (error) {
        showError(error);
      }
    },

    createNonceAccount: (authority) =>
      withBusy(authority, async () => {
        const prepared = await call('prepareNonceAccount', { authority });
        await get().reviewItem(prepared.item.id);
      }),

    reviewItem: (id) =>
      withBusy(id, async () => {
        const review = await call('reviewPendingTransaction', { id });
        set({ signing: { id, review, stage: 'reviewing', error: undefined } });
      }),

    signReviewed: async () => {
      const signing = get().signing;
      if (signing === undefined) {
        return;
      }
      set({ signing: { ...signing, stage: 'signing' } });
      try {
        await call('signPendingTransaction', {
          id: signing.id,
          reviewId: signing.review.reviewId,
        });
        set({ signing: { ...signing, stage: 'signed' } });
      } catch (error) {
        set({ signing: { ...signing, stage: 'failed', error: describeError(error) } });
      }
    },

    cancelSigning: async () => {
      try {
        await call('cancelPendingSigning', {});
      } catch (error) {
        showError(error);
      }
    },

    closeSigning: () => set({ signing: undefined }),

    sendItem: (id) =>
      withBusy(id, async () => {
        await call('sendPendingTransaction', { id });
      }),

    sendAll: () =>
      withBusy('all', async () => {
        get().receiveItems((await call('sendSignedTransactions', {})).items);
      }),

    discardItem: (id) =>
      withBusy(id, async () => {
        get().receiveItems((await call('discardPendingTransaction', { id })).items);
      }),

    exportItem: (id) =>
      withBusy(id, async () => {
        downloadFile(await call('exportTransactionFile', { id }));
      }),

    importFile: async (content) => {
      set({ imported: undefined, importError: undefined });
      try {
        set({ imported: await call('importTransactionFile', { content }) });
      } catch (error) {
        set({ importError: describeError(error) });
      }
    },

    signImported: async () => {
      const imported = get().imported;
      if (imported?.kind !== 'toSign') {
        return;
      }
      await withBusy(imported.importId, async () => {
        downloadFile(await call('signImportedTransaction', { importId: imported.importId }));
        set({ imported: undefined });
      });
    },

    closeImport: () => set({ imported: undefined, importError: undefined }),

    exportAuditCsv: () =>
      withBusy('audit-csv', async () => {
        downloadFile(await call('exportAuditCsv', {}));
      }),

    exportRewardsCsv: () =>
      withBusy('rewards-csv', async () => {
        downloadFile(await call('exportRewardsCsv', { epochs: 5 }));
      }),
  };
});

/** Keeps the queue and the connection current from main's events; returns the unsubscribe function. */
export function followOffline(): () => void {
  const stops = [
    subscribe('pendingTransactionsChanged', ({ items }) => {
      useOffline.getState().receiveItems(items);
      void useOffline.getState().loadAudit();
    }),
    subscribe('networkStatusChanged', ({ connection }) => {
      useOffline.setState({ connection });
      // A read that failed while offline leaves an error on the table until a read succeeds.
      if (connection === 'online' && useOffline.getState().nonces?.error != null) {
        void useOffline.getState().loadNonces(true);
      }
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
