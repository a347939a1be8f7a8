import type { Logger } from 'pino';

import type { PendingTransaction } from '../../shared/domain/store';
import type { EventBus } from '../event-bus';
import type { LedgerService } from '../ledger';
import type { SettingsService } from '../settings-service';
import type { AuditLogService, StoredAccountsService } from '../store';
import { AppStateTrackerService } from './ledger/app-state-tracker';
import type { TransactionChainCheckService } from './ledger/transaction-chain-check';
import { TransactionReviewService } from './ledger/transaction-review-service';
import { TransactionSigningService } from './ledger/transaction-signing-service';

export interface DeviceSigningDependencies {
  ledger: LedgerService;
  accounts: StoredAccountsService;
  audit: AuditLogService;
  settings: SettingsService;
  bus: EventBus;
  logger: Logger;
  /** Checks each reviewed message against the cluster. Without it no review is checked. */
  chainCheck?: Pick<TransactionChainCheckService, 'check'> | undefined;
  /** The send-later queue, so a review warns when a queued transaction reserves its nonce. */
  pending?: { list(): PendingTransaction[] } | undefined;
}

/** The review and signing services that every signature request of one device goes through. */
export interface DeviceSigning {
  reviews: TransactionReviewService;
  signing: TransactionSigningService;
}

const byDevice = new WeakMap<LedgerService, DeviceSigning>();

/**
 * Returns the one review and signing pair of this LedgerService, creating it on the first
 * call. The Ledger page and the send-later queue both sign through it, so one signing runs
 * at a time and either cancel method stops whichever is waiting for the device. The first
 * caller's logger and dependencies are the ones kept.
 */
export function deviceSigningFor(dependencies: DeviceSigningDependencies): DeviceSigning {
  const existing = byDevice.get(dependencies.ledger);
  if (existing !== undefined) {
    return existing;
  }

  const reviews = new TransactionReviewService({
    accounts: dependencies.accounts,
    appState: new AppStateTrackerService(dependencies.ledger),
    chainCheck: dependencies.chainCheck,
    pending: dependencies.pending,
  });
  const signing = new TransactionSigningService({
    ledger: dependencies.ledger,
    reviews,
    audit: dependencies.audit,
    settings: dependencies.settings,
    bus: dependencies.bus,
    logger: dependencies.logger,
  });
  const created = { reviews, signing };
  byDevice.set(dependencies.ledger, created);
  return created;
}
