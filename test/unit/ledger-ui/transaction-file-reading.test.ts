import { describe, expect, it } from 'vitest';

import { readTransactionFileBytes } from '../../../src/shared/text/transaction-file-reading';
import { REVIEW_TEXT_MAX_LENGTH } from '../../../src/shared/contract/ledger';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readTransactionFileBytes', () => {
  it('keeps base64 text, trimmed', () => {
    expect(readTransactionFileBytes('tx.b64', encode('  AQID\n'))).toEqual({
      kind: 'text',
      text: 'AQID',
    });
  });

  it('encodes a binary transaction as base64', () => {
    const bytes = Uint8Array.from([1, 0, 2, 255, 3]);

    expect(readTransactionFileBytes('tx.bin', bytes)).toEqual({
      kind: 'text',
      text: Buffer.from(bytes).toString('base64'),
    });
  });

  it('rejects an empty file', () => {
    expect(readTransactionFileBytes('empty.txt', new Uint8Array())).toEqual({
      kind: 'problem',
      message: 'empty.txt is empty. Choose a file with one transaction.',
    });
  });

  it('rejects binary data larger than a transaction', () => {
    const reading = readTransactionFileBytes('big.bin', new Uint8Array(1233));

    expect(reading).toMatchObject({
      kind: 'problem',
      message: expect.stringContaining('1233 bytes of binary data') as unknown,
    });
  });

  it('rejects text longer than one transaction', () => {
    const reading = readTransactionFileBytes(
      'long.txt',
      encode('A'.repeat(REVIEW_TEXT_MAX_LENGTH + 1)),
    );

    expect(reading).toMatchObject({
      kind: 'problem',
      message: expect.stringContaining('more than the 8192') as unknown,
    });
  });

  it('sends exported transaction files to Activity', () => {
    const reading = readTransactionFileBytes(
      'stake.json',
      encode('{ "format": "ledger-stake-desk/transaction", "version": 1 }'),
    );

    expect(reading).toMatchObject({
      kind: 'problem',
      message: expect.stringContaining('Activity page') as unknown,
    });
  });
});
