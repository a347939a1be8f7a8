import { randomUUID } from 'node:crypto';

import {
  pendingTransactionDraftSchema,
  pendingTransactionSchema,
  storeFileVersions,
  type PendingStatus,
  type PendingTransaction,
  type PendingTransactionDraft,
  type SignerSignature,
} from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import { appendLineDurably, writeFileAtomic } from '../fs/durable-file';
import { pendingTransactionFile, storeLayout } from '../layout';
import {
  describeFileError,
  resolveStorePath,
  toInvalidRecord,
  toWriteFailed,
  type StoreContext,
} from '../store-context';
import { writeDocument } from '../versioned-document';
import { encodeJournalEntry, type JournalEntry } from './journal';
import { deleteRecordFile, recordSpec } from './record-file';
import {
  assertSignaturesMatch,
  assertTransition,
  assertUniqueSigners,
  toStatus,
  type PendingStatusChange,
} from './record-rules';
import { recoverPendingTransactions } from './recovery';
import { isRemovable } from './transitions';

export type { PendingStatusChange } from './record-rules';

/** Journal lines beyond twice the live records (plus this margin) trigger a compaction. */
const compactionMargin = 100;

/**
 * Pending transactions, each kept twice: in its own file `pending/<id>.json` and as the
 * latest line for its id in `pending/journal.jsonl`. Every change is appended to the
 * journal and flushed first, then the record file is replaced atomically. At open the
 * newer copy of each record wins and the other is repaired, so one damaged file, or one
 * damaged journal line, loses nothing.
 */
export class PendingTransactionService {
  private readonly records = new Map<string, PendingTransaction>();
  private journalBytes = 0;
  private journalLines = 0;
  private opened = false;

  constructor(private readonly context: StoreContext) {}

  async open(): Promise<void> {
    const recovered = await recoverPendingTransactions(this.context);
    for (const [id, record] of recovered.records) {
      this.records.set(id, record);
    }
    this.journalLines = recovered.journalLines;
    this.journalBytes = recovered.journalBytes;
    if (recovered.journalNeedsRewrite) {
      await this.compactJournal();
    }

    this.opened = true;
    this.context.logger.info({ pending: this.records.size }, 'pending transactions loaded');
  }

  /** Returns every record, oldest first. */
  list(): PendingTransaction[] {
    this.assertOpen();
    return this.sortedRecords();
  }

  get(id: string): PendingTransaction {
    this.assertOpen();
    const record = this.records.get(id);
    if (record === undefined) {
      throw new WalletError('PENDING_TRANSACTION_NOT_FOUND', { id });
    }
    return record;
  }

  /**
   * Records a new transaction. It starts as signed when the draft already carries every
   * signature, so a transaction signed before it was recorded is stored in one step.
   */
  async create(draft: PendingTransactionDraft): Promise<PendingTransaction> {
    this.assertOpen();
    const checked = pendingTransactionDraftSchema.safeParse(draft);
    if (!checked.success) {
      throw toInvalidRecord(storeLayout.pendingFolder, checked.error);
    }
    const id = randomUUID();
    assertUniqueSigners(id, checked.data.signatures);

    const time = this.context.now().toISOString();
    const signed = checked.data.signatures.every((signer) => signer.signature !== null);
    const status: PendingStatus = signed
      ? { kind: 'signed', signedAt: time }
      : { kind: 'unsigned' };
    const record: PendingTransaction = {
      id,
      revision: 0,
      ...checked.data,
      createdAt: time,
      updatedAt: time,
      status,
    };

    return this.context.queue.run(recordKey(id), () => this.persist(record));
  }

  /** Stores the signatures returned by the device and marks the transaction signed. */
  async recordSignatures(id: string, signatures: SignerSignature[]): Promise<PendingTransaction> {
    return this.update(id, (current, time) => {
      assertTransition(current, 'signed');
      assertSignaturesMatch(current, signatures);
      return { ...current, signatures, status: { kind: 'signed', signedAt: time } };
    });
  }

  async transition(id: string, change: PendingStatusChange): Promise<PendingTransaction> {
    return this.update(id, (current, time) => {
      assertTransition(current, change.kind);
      return { ...current, status: toStatus(current.status, change, time) };
    });
  }

  /** Deletes a record that can no longer land or was never signed. */
  async remove(id: string): Promise<void> {
    this.assertOpen();
    await this.context.queue.run(recordKey(id), async () => {
      const current = this.get(id);
      if (!isRemovable(current.status.kind)) {
        throw new WalletError('PENDING_TRANSACTION_NOT_REMOVABLE', {
          id,
          status: current.status.kind,
        });
      }

      const revision = current.revision + 1;
      await this.appendJournal(
        { v: storeFileVersions.pendingJournal, op: 'remove', id, revision },
        () => this.records.delete(id),
      );
      await deleteRecordFile(this.context, id);
      this.context.logger.info({ id, status: current.status.kind }, 'pending transaction removed');
    });
  }

  private async update(
    id: string,
    change: (current: PendingTransaction, time: string) => PendingTransaction,
  ): Promise<PendingTransaction> {
    this.assertOpen();
    return this.context.queue.run(recordKey(id), async () => {
      const current = this.get(id);
      const time = this.context.now().toISOString();
      const next = { ...change(current, time), revision: current.revision + 1, updatedAt: time };
      return this.persist(next);
    });
  }

  private async persist(record: PendingTransaction): Promise<PendingTransaction> {
    const file = pendingTransactionFile(record.id);
    const checked = pendingTransactionSchema.safeParse(record);
    if (!checked.success) {
      throw toInvalidRecord(file, checked.error);
    }

    // The journal line is the durable copy: once it is flushed the change survives a
    // crash, so the record file below is allowed to fail.
    await this.appendJournal(
      { v: storeFileVersions.pendingJournal, op: 'put', record: checked.data },
      () => this.records.set(record.id, checked.data),
    );
    this.context.logger.info(
      { id: record.id, status: record.status.kind, revision: record.revision },
      'pending transaction saved',
    );

    try {
      await writeDocument(this.context, recordSpec(record.id), checked.data);
    } catch (error) {
      this.context.logger.error(
        { id: record.id, err: error },
        'pending transaction file not written, but the journal has the change and open() repairs it',
      );
    }
    await this.compactJournalIfLong();
    return checked.data;
  }

  /**
   * Appends and flushes one journal line, then applies the change in memory inside the
   * same queued task, so a compaction queued behind it always includes the change.
   */
  private async appendJournal(entry: JournalEntry, apply: () => void): Promise<void> {
    const path = resolveStorePath(this.context, storeLayout.pendingJournal);
    try {
      await this.context.queue.run(path, async () => {
        this.journalBytes = await appendLineDurably(
          path,
          encodeJournalEntry(entry),
          this.journalBytes,
        );
        this.journalLines += 1;
        apply();
      });
    } catch (error) {
      this.context.logger.error(
        { reason: describeFileError(error) },
        'pending transaction journal append failed',
      );
      throw toWriteFailed(storeLayout.pendingJournal, error);
    }
  }

  private async compactJournalIfLong(): Promise<void> {
    if (this.journalLines <= 2 * this.records.size + compactionMargin) {
      return;
    }
    try {
      await this.compactJournal();
    } catch (error) {
      // The long journal is still complete, so the next append or open retries.
      this.context.logger.warn({ err: error }, 'pending transaction journal compaction failed');
    }
  }

  /** Rewrites the journal as one line per live record. */
  private async compactJournal(): Promise<void> {
    const path = resolveStorePath(this.context, storeLayout.pendingJournal);
    await this.context.queue.run(path, async () => {
      const lines = this.sortedRecords().map((record) =>
        encodeJournalEntry({ v: storeFileVersions.pendingJournal, op: 'put', record }),
      );
      const text = lines.map((line) => `${line}\n`).join('');
      try {
        await writeFileAtomic(path, text);
      } catch (error) {
        throw toWriteFailed(storeLayout.pendingJournal, error);
      }
      this.journalBytes = Buffer.byteLength(text, 'utf8');
      this.journalLines = lines.length;
    });
  }

  private sortedRecords(): PendingTransaction[] {
    return [...this.records.values()].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
  }

  private assertOpen(): void {
    if (!this.opened) {
      throw new WalletError('STORE_NOT_OPEN', {});
    }
  }
}

function recordKey(id: string): string {
  return `pending-record:${id}`;
}
