import { mkdir, readdir, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';

import type { Logger } from 'pino';

import type { AuditChainBreak, StoreEvent } from '../../shared/domain/store';
import { WalletError } from '../../shared/errors';
import { AuditLogService } from './audit/audit-log-service';
import { temporaryFileSuffix } from './fs/durable-file';
import { acquireFolderLock, releaseFolderLock } from './fs/folder-lock';
import { KeyedQueue } from './fs/keyed-queue';
import { storeFolders, storeLayout } from './layout';
import { PendingTransactionService } from './pending/pending-transaction-service';
import { SnapshotService } from './snapshot-service';
import { describeFileError, resolveStorePath, type StoreContext } from './store-context';
import { StoredAccountsService } from './stored-accounts-service';
import { StoredSettingsService } from './stored-settings-service';

export interface StoreServiceOptions {
  /** The data folder: Electron's userData in the app, a folder of its own in tests. */
  directory: string;
  logger: Logger;
  /** Clock for record times and set-aside names, the system clock when absent. */
  now?: () => Date;
}

/** Findings and repairs of open(), for the UI to show. */
export interface StoreOpenReport {
  events: StoreEvent[];
  auditChainBreak: AuditChainBreak | null;
  pendingTransactions: number;
}

export type StoreEventListener = (event: StoreEvent) => void;

/**
 * The local store in one data folder: accounts, settings, chain snapshots, pending
 * transactions and the audit log. Only public data goes in: public keys, signatures,
 * message bytes and names the person typed, never keys.
 *
 * One process owns the folder at a time, because the write queue is per process: open()
 * takes a lock file and throws STORE_LOCKED while another running process holds it.
 */
export class StoreService {
  readonly accounts: StoredAccountsService;
  readonly settings: StoredSettingsService;
  readonly snapshots: SnapshotService;
  readonly pending: PendingTransactionService;
  readonly audit: AuditLogService;

  private readonly context: StoreContext;
  private readonly listeners = new Set<StoreEventListener>();

  constructor(options: StoreServiceOptions) {
    this.context = {
      directory: resolve(options.directory),
      logger: options.logger,
      queue: new KeyedQueue(),
      now: options.now ?? (() => new Date()),
      emit: (event) => this.emit(event),
    };
    this.accounts = new StoredAccountsService(this.context);
    this.settings = new StoredSettingsService(this.context);
    this.snapshots = new SnapshotService(this.context);
    this.pending = new PendingTransactionService(this.context);
    this.audit = new AuditLogService(this.context);
  }

  /** Subscribes to store events (a file moved aside, a record restored, a broken audit log). */
  onEvent(listener: StoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Takes the folder lock, creates the folders, clears temporary files left by a crash,
   * then loads and repairs every file. Other methods throw STORE_NOT_OPEN until this
   * resolves.
   */
  async open(): Promise<StoreOpenReport> {
    const events: StoreEvent[] = [];
    const stopCollecting = this.onEvent((event) => events.push(event));

    try {
      await mkdir(this.context.directory, { recursive: true, mode: 0o700 });
      const lock = await acquireFolderLock(resolveStorePath(this.context, storeLayout.lock));
      if (!lock.acquired) {
        this.context.logger.error({ ownerPid: lock.ownerPid }, 'data folder is locked');
        throw new WalletError('STORE_LOCKED', { ownerPid: lock.ownerPid });
      }
      for (const folder of storeFolders) {
        await mkdir(resolveStorePath(this.context, folder), { recursive: true, mode: 0o700 });
      }
      await this.removeTemporaryFiles();

      await this.settings.open();
      await this.accounts.open();
      await this.pending.open();
      const audit = await this.audit.open();

      this.context.logger.info(
        { repairs: events.length, pending: this.pending.list().length },
        'store opened',
      );
      return {
        events,
        auditChainBreak: audit.chainBreak,
        pendingTransactions: this.pending.list().length,
      };
    } finally {
      stopCollecting();
    }
  }

  /** Waits for every queued write to finish and releases the folder lock. */
  async close(): Promise<void> {
    await this.context.queue.drain();
    await releaseFolderLock(resolveStorePath(this.context, storeLayout.lock));
    this.context.logger.info('store closed');
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.context.logger.warn(
          { err: error, event: event.type },
          'a store event listener failed',
        );
      }
    }
  }

  private async removeTemporaryFiles(): Promise<void> {
    let removed = 0;
    for (const folder of storeFolders) {
      const path = resolveStorePath(this.context, folder);
      for (const name of await readdir(path)) {
        if (!name.startsWith('.') || !name.endsWith(temporaryFileSuffix)) {
          continue;
        }
        try {
          await unlink(resolveStorePath(this.context, folder === '' ? name : `${folder}/${name}`));
          removed += 1;
        } catch (error) {
          this.context.logger.warn(
            { file: name, reason: describeFileError(error) },
            'could not remove a temporary file',
          );
        }
      }
    }
    if (removed > 0) {
      this.context.logger.info({ removed }, 'removed temporary files left by an interrupted write');
    }
  }
}
