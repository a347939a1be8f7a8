import { readdir } from 'node:fs/promises';

import type { PendingTransaction } from '../../../shared/domain/store';
import { readTextFile } from '../fs/read-text';
import { setAsideFile } from '../fs/set-aside';
import { parsePendingTransactionFileName, storeLayout } from '../layout';
import { resolveStorePath, type StoreContext } from '../store-context';
import { readDocument, writeDocument } from '../versioned-document';
import { decodeJournal, type JournalEntry } from './journal';
import { deleteRecordFile, recordSpec } from './record-file';

type FileReadOutcome = { status: 'ok'; record: PendingTransaction } | { status: 'setAside' };

interface JournalState {
  latest: Map<string, JournalEntry>;
  lineCount: number;
  /** Size of the journal file as read, so appends know where a failed write must be cut. */
  byteLength: number;
  needsRewrite: boolean;
}

export interface RecoveredPending {
  records: Map<string, PendingTransaction>;
  journalLines: number;
  journalBytes: number;
  /** True when the journal must be rewritten from the records before the next append. */
  journalNeedsRewrite: boolean;
}

/**
 * Loads every pending transaction from its two copies, the record file and the latest
 * journal line for its id. The newer copy wins, and the journal wins a tie because its
 * lines carry checksums. A record file that is missing, older or damaged is rewritten from
 * the journal, and a removal the journal recorded is finished.
 */
export async function recoverPendingTransactions(context: StoreContext): Promise<RecoveredPending> {
  const journal = await readJournal(context);
  const files = await readRecordFiles(context);
  const ids = new Set([...journal.latest.keys(), ...files.keys()]);
  const records = new Map<string, PendingTransaction>();
  let journalBehind = journal.needsRewrite;

  for (const id of ids) {
    const chosen = await reconcile(context, id, journal.latest.get(id), files.get(id));
    if (chosen === null) {
      continue;
    }
    records.set(id, chosen.record);
    journalBehind ||= !chosen.fromJournal;
  }

  return {
    records,
    journalLines: journal.lineCount,
    journalBytes: journal.byteLength,
    journalNeedsRewrite: journalBehind || journal.lineCount !== records.size,
  };
}

async function readJournal(context: StoreContext): Promise<JournalState> {
  const file = storeLayout.pendingJournal;
  const read = await readTextFile(resolveStorePath(context, file));
  const latest = new Map<string, JournalEntry>();

  switch (read.kind) {
    case 'missing':
      return { latest, lineCount: 0, byteLength: 0, needsRewrite: false };
    case 'unreadable':
      await setAsideFile(context, file, 'unreadable', read.detail);
      return { latest, lineCount: 0, byteLength: 0, needsRewrite: true };
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
      context,
      file,
      'invalidSchema',
      `lines ${lines} failed their checksum or schema, and the other lines were kept`,
    );
  }
  if (journal.partialTail) {
    context.logger.warn('pending transaction journal ends in a partial line, which is dropped');
  }
  return {
    latest,
    lineCount: journal.entries.length,
    byteLength: Buffer.byteLength(read.text, 'utf8'),
    needsRewrite: journal.invalidLines.length > 0 || journal.partialTail,
  };
}

async function readRecordFiles(context: StoreContext): Promise<Map<string, FileReadOutcome>> {
  const folder = resolveStorePath(context, storeLayout.pendingFolder);
  const outcomes = new Map<string, FileReadOutcome>();

  for (const name of await readdir(folder)) {
    const id = parsePendingTransactionFileName(name);
    if (id === null) {
      continue;
    }
    const spec = recordSpec(id);
    const read = await readDocument(context, spec);
    if (read.status === 'ok' && read.value.id !== id) {
      await setAsideFile(context, spec.file, 'invalidSchema', 'contains another record id');
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
async function reconcile(
  context: StoreContext,
  id: string,
  fromJournal: JournalEntry | undefined,
  fromFile: FileReadOutcome | undefined,
): Promise<{ record: PendingTransaction; fromJournal: boolean } | null> {
  const fileRecord = fromFile?.status === 'ok' ? fromFile.record : null;

  if (fromJournal?.op === 'remove') {
    if (fileRecord === null || fileRecord.revision <= fromJournal.revision) {
      // The removal was flushed to the journal, so finish deleting the file it left behind.
      if (fileRecord !== null) {
        await deleteRecordFile(context, id);
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
      context.logger.error(
        { id },
        'pending transaction lost: its file was damaged and the journal has no copy',
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
    await writeDocument(context, recordSpec(id), journalRecord);
    context.logger.warn({ id, cause }, 'pending transaction file restored from the journal');
    context.emit({ type: 'pendingTransactionRestored', id, cause });
  }
  return { record: journalRecord, fromJournal: true };
}
