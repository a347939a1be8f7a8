import { z } from 'zod';

import type { EventMessage } from '../../shared/contract';
import type { offlineMethods } from '../../shared/contract/offline';
import type { ChainHub } from '../chain-hub';
import type { Services } from '../compose';
import type { HandlersOf } from './handlers';
import { createOfflineServices, DEFAULT_REVIEW_APP_VERSION, type OfflineServices } from './offline';
import { applyDurableNonce } from './offline/durable-nonce-message';
import { requiredSignersOf } from './offline/message-lifetime';

const connectionSchema = z.object({ connection: z.string() });

type OfflineHandlers = HandlersOf<typeof offlineMethods>;

export type OfflineHandlerServices = Pick<
  Services,
  'bus' | 'store' | 'settings' | 'ledger' | 'logger'
> & {
  chainHub: Pick<ChainHub, 'chain'>;
  /** Prebuilt offline services; built from the others when absent. */
  offline?: OfflineServices;
};

/**
 * Binds the offline methods of the contract: nonce accounts, the send-later queue,
 * transaction files for air-gapped signing, and the audit log with its CSV exports. When the
 * cluster can be reached again after being unreachable, signed transactions in the queue are sent.
 */
export function createOfflineHandlers(services: OfflineHandlerServices): OfflineHandlers {
  const logger = services.logger.child({ subsystem: 'offline-api' });
  const offline =
    services.offline ??
    createOfflineServices({
      chain: () => services.chainHub.chain(),
      settings: services.settings,
      store: services.store,
      ledger: services.ledger,
      bus: services.bus,
      logger,
    });
  const { nonces, queue, signing, files, exports } = offline;

  services.bus.addSink(sendWhenOnlineAgain(offline, logger));

  return {
    listNonceAccounts: ({ refresh }, { signal }) => nonces.list({ refresh, signal }),

    prepareNonceAccount: async ({ authority }, { signal }) => {
      const prepared = await nonces.prepareCreate(authority, signal);
      const record = await queue.queue({
        message: prepared.message,
        intent: {
          kind: 'createNonceAccount',
          summary: `Create nonce account ${prepared.nonceAccount} (${prepared.seed})`,
        },
        lastValidBlockHeight: prepared.lastValidBlockHeight,
      });
      return { item: queue.item(record.id), review: prepared.review };
    },

    queueTransaction: async ({ messageBase64, intent, nonceAccount, lastValidBlockHeight }) => {
      let message: Uint8Array = Uint8Array.from(Buffer.from(messageBase64, 'base64'));
      if (nonceAccount !== undefined) {
        const authority = requiredSignersOf(message)[0] ?? '';
        const lifetime = await nonces.nonceLifetime({ nonceAccount, authority });
        message = applyDurableNonce(message, lifetime, deviceAppVersion(services));
      }
      const record = await queue.queue({
        message,
        intent,
        ...(lastValidBlockHeight === undefined ? {} : { lastValidBlockHeight }),
      });
      return queue.item(record.id);
    },

    prepareNonceUnstake: ({ account, stakeAccount, nonceAccount }, { signal }) =>
      offline.nonceOperations.prepare(
        {
          nonceAccount,
          operation: { operation: 'deactivate', input: { account, stakeAccount } },
        },
        signal,
      ),

    prepareNonceOperation: (input, { signal }) => offline.nonceOperations.prepare(input, signal),

    listPendingTransactions: () => Promise.resolve({ items: queue.list() }),

    reviewPendingTransaction: ({ id }, { signal }) => signing.review(id, signal),

    signPendingTransaction: async ({ id, reviewId }, { signal }) => {
      const record = await signing.sign(id, reviewId, signal);
      return queue.item(record.id);
    },

    cancelPendingSigning: () => Promise.resolve({ cancelled: offline.cancelSigning() }),

    sendPendingTransaction: async ({ id }, { signal }) => {
      const record = await queue.send(id, signal);
      return queue.item(record.id);
    },

    sendSignedTransactions: async (_input, { signal }) => {
      await queue.sendAll({ signal });
      return { items: queue.list() };
    },

    discardPendingTransaction: async ({ id }) => {
      await queue.discard(id);
      return { items: queue.list() };
    },

    exportTransactionFile: ({ id }) => Promise.resolve(files.exportPending(id)),

    importTransactionFile: ({ content }, { signal }) => files.importFile(content, signal),

    signImportedTransaction: ({ importId }, { signal }) => files.signImported(importId, signal),

    getAuditLog: () => exports.auditLog(),

    exportAuditCsv: () => exports.auditCsv(),

    exportRewardsCsv: ({ epochs }, { signal }) => exports.rewardsCsv(epochs, signal),
  };
}

/** Returns the Solana app version of the open device, else the version reviews assume. */
function deviceAppVersion(services: Pick<OfflineHandlerServices, 'ledger'>): string {
  const state = services.ledger.getState();
  return state.status === 'solana-app' ? state.version : DEFAULT_REVIEW_APP_VERSION;
}

/**
 * Returns an event sink that sends the queue's signed transactions when the network status
 * turns online after it was offline or unknown. Only records untouched for a minute are
 * sent this way, so a flow still sending its own transaction keeps control of it. Records
 * changed less than a minute before the network came back are sent once that minute has
 * passed, if the network is still up.
 */
function sendWhenOnlineAgain(
  offline: OfflineServices,
  logger: OfflineHandlerServices['logger'],
): (message: EventMessage) => void {
  let online = false;
  let retry: NodeJS.Timeout | null = null;

  const cancelRetry = (): void => {
    if (retry !== null) {
      clearTimeout(retry);
      retry = null;
    }
  };
  const sendQuiet = async (): Promise<void> => {
    await offline.queue.sendAll({ quietOnly: true });
    const wait = await offline.queue.msUntilNextQuiet();
    if (wait !== null && online) {
      cancelRetry();
      retry = setTimeout(() => {
        retry = null;
        if (online) {
          sendQuiet().catch(logFailure);
        }
      }, wait);
      // A pending retry must not keep a closing app or a test process alive.
      retry.unref();
    }
  };
  const logFailure = (error: unknown): void => {
    logger.warn({ err: error }, 'sending the queue after the network came back failed');
  };

  return (message) => {
    // Read by name and shape, so this domain does not depend on the chain contract's types.
    const status = connectionSchema.safeParse(message.payload);
    if (String(message.name) !== 'networkStatusChanged' || !status.success) {
      return;
    }
    const cameBack = status.data.connection === 'online' && !online;
    online = status.data.connection === 'online';
    if (!online) {
      cancelRetry();
    }
    if (!cameBack) {
      return;
    }
    sendQuiet().catch(logFailure);
  };
}
