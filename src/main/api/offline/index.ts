import type { Logger } from 'pino';

import type { EventBus } from '../../event-bus';
import type { ChainService } from '../../chain';
import type { LedgerService } from '../../ledger';
import type { SettingsService } from '../../settings-service';
import type { StoreService } from '../../store';
import { deviceSigningFor } from '../device-signing';
import { ExportService } from './export-service';
import { NonceAccountService } from './nonce-account-service';
import { NonceOperationService } from './nonce-operation-service';
import { PendingSigningService } from './pending-signing-service';
import { StakeParametersService } from './stake-parameters-service';
import { SendQueueService } from './send-queue-service';
import { TransactionFileService } from './transaction-file-service';

export { NonceAccountService, DEFAULT_REVIEW_APP_VERSION } from './nonce-account-service';
export type {
  NonceAccountServiceDependencies,
  PreparedNonceAccount,
} from './nonce-account-service';
export { NonceOperationService } from './nonce-operation-service';
export type { NonceOperationRequest } from './nonce-operation-service';
export { StakeParametersService } from './stake-parameters-service';
export type { SavedStakeParameters } from './stake-parameters-service';
export { SendQueueService } from './send-queue-service';
export type { SendQueueServiceDependencies } from './send-queue-service';
export { PendingSigningService } from './pending-signing-service';
export { TransactionFileService } from './transaction-file-service';
export { ExportService } from './export-service';
export { applyDurableNonce } from './durable-nonce-message';
export { lifetimeOfMessage, readMessageNonce, requiredSignersOf } from './message-lifetime';
export type { MessageNonce } from './message-lifetime';
export {
  decodeNonceAccount,
  deriveNonceAddress,
  initializeNonceInstruction,
  NONCE_ACCOUNT_SPACE,
  nonceSeed,
} from './nonce-account';
export {
  decodeTransactionFile,
  encodeTransactionFile,
  TRANSACTION_FILE_FORMAT,
  TRANSACTION_FILE_VERSION,
} from './transaction-file';
export type { TransactionFile } from './transaction-file';

export interface OfflineDependencies {
  chain: () => Promise<ChainService>;
  settings: SettingsService;
  store: StoreService;
  ledger: LedgerService;
  bus: EventBus;
  logger: Logger;
  now?: () => Date;
  /** Waits between confirmation polls; tests pass one that returns at once. */
  delay?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface OfflineServices {
  /**
   * Cancels the device request of the current signing, whether the queue, an import or the
   * Ledger page started it, because they share one signing service.
   */
  cancelSigning: () => boolean;
  nonces: NonceAccountService;
  nonceOperations: NonceOperationService;
  stakeParameters: StakeParametersService;
  queue: SendQueueService;
  signing: PendingSigningService;
  files: TransactionFileService;
  exports: ExportService;
}

/** Builds the offline services on the store, the chain of the chosen cluster and the Ledger. */
export function createOfflineServices(dependencies: OfflineDependencies): OfflineServices {
  const { chain, settings, store, ledger, bus, logger, now } = dependencies;
  const appVersion = (): string | null => {
    const state = ledger.getState();
    return state.status === 'solana-app' ? state.version : null;
  };

  const stakeParameters = new StakeParametersService({
    snapshots: store.snapshots,
    logger,
    ...(now === undefined ? {} : { now }),
  });
  const nonces = new NonceAccountService({
    chain,
    settings,
    accounts: store.accounts,
    pending: store.pending,
    appVersion,
    snapshots: store.snapshots,
    stakeParameters,
    logger,
    ...(now === undefined ? {} : { now }),
  });
  const queue = new SendQueueService({
    chain,
    settings,
    accounts: store.accounts,
    pending: store.pending,
    audit: store.audit,
    nonces,
    bus,
    logger,
    ...(now === undefined ? {} : { now }),
    ...(dependencies.delay === undefined ? {} : { delay: dependencies.delay }),
  });

  // The same review and signing services as pasted transactions, so one signing path audits
  // all and the Ledger page's cancel also stops a queue signing.
  const { reviews, signing: ledgerSigning } = deviceSigningFor({
    ledger,
    accounts: store.accounts,
    audit: store.audit,
    settings,
    bus,
    logger,
    pending: store.pending,
  });

  const signing = new PendingSigningService({
    reviews,
    signing: ledgerSigning,
    pending: store.pending,
    accounts: store.accounts,
    queue,
  });

  return {
    cancelSigning: () => ledgerSigning.cancel(),
    nonces,
    nonceOperations: new NonceOperationService({
      chain,
      settings,
      accounts: store.accounts,
      pending: store.pending,
      snapshots: store.snapshots,
      stakeParameters,
      nonces,
      queue,
      signing,
      appVersion,
      logger,
    }),
    stakeParameters,
    queue,
    signing,
    files: new TransactionFileService({
      settings,
      accounts: store.accounts,
      pending: store.pending,
      queue,
      reviews,
      signing: ledgerSigning,
      ledger,
      appVersion,
      logger,
      ...(now === undefined ? {} : { now }),
    }),
    exports: new ExportService({
      chain,
      settings,
      accounts: store.accounts,
      audit: store.audit,
      snapshots: store.snapshots,
      logger,
      ...(now === undefined ? {} : { now }),
    }),
  };
}
