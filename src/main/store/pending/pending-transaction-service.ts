import { randomUUID } from 'node:crypto';
import { readdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

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
import { appendLineDurably, syncDirectory, writeFileAtomic } from '../fs/durable-file';
import { readTextFile } from '../fs/read-text';
import { setAsideFile } from '../fs/set-aside';
import { parsePendingTransactionFileName, pendingTransactionFile, storeLayout } from '../layout';
import {
  describeFileError,
  resolveStorePath,
  toInvalidRecord,
  toWriteFailed,
  type StoreContext,
} from '../store-context';
import { readDocument, writeDocument, type DocumentSpec } from '../versioned-document';
import { decodeJournal, encodeJournalEntry, type JournalEntry } from './journal';
import { canTransition, isRemovable } from './transitions';

/** A status change requested by a caller. The store fills in times and counters. */
export type PendingStatusChange =
  | { kind: 'sent' }
  | { kind: 'confirmed'; slot: number }
  | { kind: 'finalized'; slot: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'stale'; reason: string }
  | { kind: 'expired' };

type FileReadOutcome = { status: 'ok'; record: PendingTransaction } | { status: 'setAside' };

interface JournalState {
  latest: Map<string, JournalEntry>;
  lineCount: number;
  needsRewrite: boolean;
}

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
    const journal = await this.readJournal();
    const files = await this.readRecordFiles();
    const ids = new Set([...journal.latest.keys(), ...files.keys()]);
    let journalBehind = journal.needsRewrite;

    for (const id of ids) {
      const chosen = await this.reconcile(id, journal.latest.get(id), files.get(id));
      if (chosen === null) {
        continue;
      }
      this.records.set(id, chosen.record);
      journalBehind ||= !chosen.fromJournal;
    }

    if (journalBehind || journal.lineCount !== this.records.size) {
      await this.compactJournal();
    } else {
      this.journalLines = journal.lineCount;
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
      await this.deleteRecordFile(id);
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
        'pending transaction file not written; the journal holds the change and open() repairs it',
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

  private async readJournal(): Promise<JournalState> {
    const file = storeLayout.pendingJournal;
    const read = await readTextFile(resolveStorePath(this.context, file));
    const latest = new Map<string, JournalEntry>();

    switch (read.kind) {
      case 'missing':
        return { latest, lineCount: 0, needsRewrite: false };
      case 'unreadable':
        await setAsideFile(this.context, file, 'unreadable', read.detail);
        return { latest, lineCount: 0, needsRewrite: true };
      case 'text':
        break;
    }

    const journal = decodeJournal(read.text);
    for (const entry of journal.entries) {
      latest.set(entry.op === 'put' ? entry.record.id : entry.id, entry);
    }
    if (journal.invalidLines.length > 0) {
      const lines = journal.invalidLines.slice(0, 10).join(', ');
      await setAsideFile(
        this.context,
        file,
        'invalidSchema',
        `lines ${lines} failed their checksum or schema; the other lines were kept`,
      );
    }
    if (journal.partialTail) {
      this.context.logger.warn('pending transaction journal ends in a partial line; dropping it');
    }
    return {
      latest,
      lineCount: journal.entries.length,
      needsRewrite: journal.invalidLines.length > 0 || journal.partialTail,
    };
  }

  private async readRecordFiles(): Promise<Map<string, FileReadOutcome>> {
    const folder = resolveStorePath(this.context, storeLayout.pendingFolder);
    const outcomes = new Map<string, FileReadOutcome>();

    for (const name of await readdir(folder)) {
      const id = parsePendingTransactionFileName(name);
      if (id === null) {
        continue;
      }
      const spec = recordSpec(id);
      const read = await readDocument(this.context, spec);
      if (read.status === 'ok' && read.value.id !== id) {
        await setAsideFile(this.context, spec.file, 'invalidSchema', 'holds another record id');
        outcomes.set(id, { status: 'setAside' });
      } else if (read.status === 'ok') {
        outcomes.set(id, { status: 'ok', record: read.value });
      } else if (read.status === 'setAside') {
        outcomes.set(id, { status: 'setAside' });
      }
    }
    return outcomes;
  }

  /** Chooses the newer of the two copies of one record and repairs the other. */
  private async reconcile(
    id: string,
    fromJournal: JournalEntry | undefined,
    fromFile: FileReadOutcome | undefined,
  ): Promise<{ record: PendingTransaction; fromJournal: boolean } | null> {
    const fileRecord = fromFile?.status === 'ok' ? fromFile.record : null;

    if (fromJournal?.op === 'remove') {
      if (fileRecord === null || fileRecord.revision <= fromJournal.revision) {
        // The removal was flushed to the journal, so finish deleting the file it left behind.
        if (fileRecord !== null) {
          await this.deleteRecordFile(id);
        }
        return null;
      }
    }

    const journalRecord = fromJournal?.op === 'put' ? fromJournal.record : null;
    if (
      journalRecord === null ||
      (fileRecord !== null && fileRecord.revision > journalRecord.revision)
    ) {
      if (fileRecord === null) {
        this.context.logger.error(
          { id },
          'pending transaction file was damaged and the journal has no copy; it is lost',
        );
        return null;
      }
      return { record: fileRecord, fromJournal: false };
    }

    if (fileRecord === null || JSON.stringify(fileRecord) !== JSON.stringify(journalRecord)) {
      const cause =
        fromFile === undefined
          ? 'fileMissing'
          : fileRecord !== null && fileRecord.revision < journalRecord.revision
            ? 'fileOlder'
            : 'fileDamaged';
      await writeDocument(this.context, recordSpec(id), journalRecord);
      this.context.logger.warn({ id, cause }, 'pending transaction file restored from the journal');
      this.context.emit({ type: 'pendingTransactionRestored', id, cause });
    }
    return { record: journalRecord, fromJournal: true };
  }

  private async deleteRecordFile(id: string): Promise<void> {
    const path = resolveStorePath(this.context, pendingTransactionFile(id));
    try {
      await this.context.queue.run(path, () => unlink(path));
      await syncDirectory(dirname(path));
    } catch (error) {
      // The journal already records the removal, so open() finishes it later.
      this.context.logger.warn(
        { id, reason: describeFileError(error) },
        'could not delete a removed pending transaction file',
      );
    }
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

function recordSpec(id: string): DocumentSpec<PendingTransaction> {
  return {
    file: pendingTransactionFile(id),
    version: storeFileVersions.pendingTransaction,
    schema: pendingTransactionSchema,
    migrations: [],
  };
}

function recordKey(id: string): string {
  return `pending-record:${id}`;
}

function toStatus(
  previous: PendingStatus,
  change: PendingStatusChange,
  time: string,
): PendingStatus {
  switch (change.kind) {
    case 'sent':
      return {
        kind: 'sent',
        sentAt: time,
        sendCount: previous.kind === 'sent' ? previous.sendCount + 1 : 1,
      };
    case 'confirmed':
    case 'finalized':
    case 'failed':
    case 'stale':
    case 'expired':
      return change;
  }
}

function assertTransition(current: PendingTransaction, to: PendingStatus['kind']): void {
  if (!canTransition(current.status.kind, to)) {
    throw new WalletError(
      'PENDING_TRANSACTION_INVALID_TRANSITION',
      { id: current.id, from: current.status.kind, to },
      `pending transaction ${current.id} cannot go from ${current.status.kind} to ${to}`,
    );
  }
}

function assertUniqueSigners(id: string, signatures: SignerSignature[]): void {
  const keys = new Set(signatures.map((signer) => signer.publicKey));
  if (keys.size !== signatures.length) {
    throw new WalletError('PENDING_TRANSACTION_SIGNATURES_INVALID', {
      id,
      reason: 'a signer appears twice',
    });
  }
}

function assertSignaturesMatch(current: PendingTransaction, signatures: SignerSignature[]): void {
  const expected = current.signatures.map((signer) => signer.publicKey).join(',');
  const received = signatures.map((signer) => signer.publicKey).join(',');
  if (expected !== received) {
    throw new WalletError('PENDING_TRANSACTION_SIGNATURES_INVALID', {
      id: current.id,
      reason: `signers ${received} do not match the message signers ${expected}`,
    });
  }
  if (signatures.some((signer) => signer.signature === null)) {
    throw new WalletError('PENDING_TRANSACTION_SIGNATURES_INVALID', {
      id: current.id,
      reason: 'a required signature is missing',
    });
  }
}
