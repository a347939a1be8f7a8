import { createHash } from 'node:crypto';

import { z } from 'zod';

import { pendingTransactionSchema, storeFileVersions } from '../../../shared/domain/store';

/**
 * The pending-transaction journal is a second, independent copy of every record. Each
 * line is `<sha256 hex of the JSON> <JSON>`, so a damaged line is recognised even when it
 * still parses, and a damaged line or file costs only itself.
 */
export const journalEntrySchema = z.discriminatedUnion('op', [
  z.strictObject({
    v: z.literal(storeFileVersions.pendingJournal),
    op: z.literal('put'),
    record: pendingTransactionSchema,
  }),
  z.strictObject({
    v: z.literal(storeFileVersions.pendingJournal),
    op: z.literal('remove'),
    id: z.uuid(),
    revision: z.int().nonnegative(),
  }),
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export interface JournalReadResult {
  entries: JournalEntry[];
  /** 1-based numbers of complete lines that failed their checksum or schema. */
  invalidLines: number[];
  /** True when the file ends in a partial line, as an interrupted append leaves it. */
  partialTail: boolean;
}

export function encodeJournalEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${sha256Hex(json)} ${json}`;
}

export function decodeJournal(text: string): JournalReadResult {
  const segments = text.split('\n');
  const tail = segments.pop() ?? '';
  const entries: JournalEntry[] = [];
  const invalidLines: number[] = [];

  segments.forEach((line, index) => {
    const entry = decodeJournalLine(line);
    if (entry === null) {
      invalidLines.push(index + 1);
    } else {
      entries.push(entry);
    }
  });
  return { entries, invalidLines, partialTail: tail !== '' };
}

function decodeJournalLine(line: string): JournalEntry | null {
  const separator = line.indexOf(' ');
  if (separator !== 64) {
    return null;
  }
  const json = line.slice(separator + 1);
  if (sha256Hex(json) !== line.slice(0, separator)) {
    return null;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const checked = journalEntrySchema.safeParse(parsed);
  return checked.success ? checked.data : null;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
