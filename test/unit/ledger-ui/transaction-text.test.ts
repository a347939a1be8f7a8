import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';

import {
  decodeTransactionText,
  encodeTransaction,
} from '../../../src/main/api/ledger/transaction-text';
import {
  legacyMessageBytes,
  legacyTransactionBytes,
  transferInstruction,
} from './support/transactions';

const ACCOUNT0 = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';
const ACCOUNT1 = '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ';

const message = new Uint8Array(
  legacyMessageBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
);
const transaction = new Uint8Array(
  legacyTransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
);

describe('decodeTransactionText', () => {
  it.each([
    ['base64 transaction', Buffer.from(transaction).toString('base64'), 'base64', 'transaction'],
    ['base58 transaction', bs58.encode(transaction), 'base58', 'transaction'],
    ['base64 message', Buffer.from(message).toString('base64'), 'base64', 'message'],
    ['base58 message', bs58.encode(message), 'base58', 'message'],
  ] as const)('reads a %s', (_label, text, encoding, kind) => {
    const decoded = decodeTransactionText(text);

    expect(decoded.encoding).toBe(encoding);
    expect(decoded.kind).toBe(kind);
    expect(decoded.message).toEqual(message);
    expect(decoded.signatures).toEqual([new Uint8Array(64)]);
  });

  it('keeps the signatures a transaction carries', () => {
    const signed = Uint8Array.from(transaction);
    signed.fill(9, 1, 65);

    const decoded = decodeTransactionText(Buffer.from(signed).toString('base64'));

    expect(decoded.signatures).toEqual([new Uint8Array(64).fill(9)]);
  });

  it('rejects empty text', () => {
    expect(() => decodeTransactionText(' \n\t ')).toThrow(
      expect.objectContaining({
        code: 'TRANSACTION_TEXT_INVALID',
        context: { reason: 'empty', length: 0 },
      }),
    );
  });

  it('rejects base64 with bad padding', () => {
    expect(() => decodeTransactionText('AQAB=A==')).toThrow(
      expect.objectContaining({ code: 'TRANSACTION_TEXT_INVALID' }),
    );
  });

  it('rejects more bytes than a transaction may have', () => {
    const text = Buffer.from(new Uint8Array(1300).fill(1)).toString('base64');

    expect(() => decodeTransactionText(text)).toThrow(
      expect.objectContaining({
        code: 'PASTED_TRANSACTION_TOO_LARGE',
        context: { sizeBytes: 1300, maxBytes: 1232 },
      }),
    );
  });

  it('rejects trailing bytes after a message', () => {
    const text = Buffer.from([...message, 0]).toString('base64');

    expect(() => decodeTransactionText(text)).toThrow(
      expect.objectContaining({ code: 'MESSAGE_DECODE_FAILED' }),
    );
  });
});

describe('encodeTransaction', () => {
  it('writes the layout web3.js reads', () => {
    expect(encodeTransaction(message, [new Uint8Array(64)])).toEqual(transaction);
  });

  it('round-trips through decodeTransactionText', () => {
    const signatures = [new Uint8Array(64).fill(5)];
    const encoded = encodeTransaction(message, signatures);

    const decoded = decodeTransactionText(bs58.encode(encoded));

    expect(decoded.message).toEqual(message);
    expect(decoded.signatures).toEqual(signatures);
  });
});
