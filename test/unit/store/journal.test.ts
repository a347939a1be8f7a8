import { describe, expect, it } from 'vitest';

import {
  decodeJournal,
  encodeJournalEntry,
  type JournalEntry,
} from '../../../src/main/store/pending/journal';
import type { PendingTransaction } from '../../../src/shared/domain/store';

const record: PendingTransaction = {
  id: '0b6f8f7e-2a43-4c1e-9d55-3f1d2b6a7c80',
  revision: 3,
  intent: { kind: 'delegate', summary: 'Delegate 1 SOL' },
  cluster: 'devnet',
  messageBase64: Buffer.from('message bytes').toString('base64'),
  signatures: [{ publicKey: '7nYabs9dUhvxYwdTnrWVBL9MYviKSfrEbdWCUbcnwkpF', signature: null }],
  lifetime: {
    kind: 'durableNonce',
    nonceAccount: 'GvZEwtCHZ7YtCkQCaLRVEXsyVTqkVGnqcCzBeTKCvL8s',
    nonceAuthority: '7nYabs9dUhvxYwdTnrWVBL9MYviKSfrEbdWCUbcnwkpF',
    nonceValue: 'EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG',
  },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  status: { kind: 'unsigned' },
};

const put: JournalEntry = { v: 1, op: 'put', record };
const remove: JournalEntry = { v: 1, op: 'remove', id: record.id, revision: 4 };

describe('pending transaction journal', () => {
  it('reads back what it encodes', () => {
    const text = `${encodeJournalEntry(put)}\n${encodeJournalEntry(remove)}\n`;
    expect(decodeJournal(text)).toEqual({
      entries: [put, remove],
      invalidLines: [],
      partialTail: false,
    });
  });

  it('rejects a line that still parses after a change', () => {
    const line = encodeJournalEntry(put).replace('"revision":3', '"revision":9');
    const result = decodeJournal(`${line}\n${encodeJournalEntry(remove)}\n`);
    expect(result.invalidLines).toEqual([1]);
    expect(result.entries).toEqual([remove]);
  });

  it('rejects garbage and empty lines by number', () => {
    const text = `${encodeJournalEntry(put)}\nnot a line\n\n${encodeJournalEntry(remove)}\n`;
    expect(decodeJournal(text).invalidLines).toEqual([2, 3]);
  });

  it('reports a partial last line without counting it', () => {
    const whole = encodeJournalEntry(put);
    const result = decodeJournal(`${whole}\n${whole.slice(0, 40)}`);
    expect(result.entries).toEqual([put]);
    expect(result.invalidLines).toEqual([]);
    expect(result.partialTail).toBe(true);
  });
});
