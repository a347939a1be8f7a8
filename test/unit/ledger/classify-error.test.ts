import {
  DisconnectedDeviceDuringOperation,
  LockedDeviceError,
  TransportError,
  TransportRaceCondition,
  TransportStatusError,
} from '@ledgerhq/hw-transport/errors';
import { describe, expect, it } from 'vitest';

import { classifyLedgerError, classifyStatusWord } from '../../../src/main/ledger/classify-error';
import { WalletError, errorText } from '../../../src/shared/errors';
import { ledgerErrorContexts } from '../../../src/shared/errors/ledger';

/** Every status word of the reference tables, with the code it must map to. */
const statusWordCases: Array<[statusWord: number, code: string]> = [
  [0x6985, 'LEDGER_REJECTED'],
  [0x5501, 'LEDGER_REJECTED'],
  [0x6808, 'LEDGER_BLIND_SIGNING_REQUIRED'],
  [0x6a80, 'LEDGER_INVALID_DATA'],
  [0x6a81, 'LEDGER_INVALID_DATA'],
  [0x6a82, 'LEDGER_INVALID_DATA'],
  [0x6a84, 'LEDGER_INVALID_DATA'],
  [0x6700, 'LEDGER_INVALID_DATA'],
  [0x6a83, 'LEDGER_MESSAGE_TOO_LARGE'],
  [0x5515, 'LEDGER_LOCKED'],
  [0x6982, 'LEDGER_LOCKED'],
  [0x6b0c, 'LEDGER_LOCKED'],
  [0x6601, 'LEDGER_BUSY'],
  [0x6901, 'LEDGER_BUSY'],
  [0x6f00, 'LEDGER_UNKNOWN_STATUS'],
  [0x6f01, 'LEDGER_UNKNOWN_STATUS'],
  [0x6c00, 'LEDGER_UNKNOWN_STATUS'],
  [0x6ca0, 'LEDGER_UNKNOWN_STATUS'],
  [0x6802, 'LEDGER_UNKNOWN_STATUS'],
  [0x6807, 'LEDGER_UNKNOWN_STATUS'],
  [0x6b00, 'LEDGER_UNKNOWN_STATUS'],
  [0x6cb0, 'LEDGER_UNKNOWN_STATUS'],
  [0x6d10, 'LEDGER_UNKNOWN_STATUS'],
  [0x6d20, 'LEDGER_UNKNOWN_STATUS'],
  [0x6d30, 'LEDGER_UNKNOWN_STATUS'],
  [0x6f10, 'LEDGER_UNKNOWN_STATUS'],
];

const hex = (statusWord: number): string => `0x${statusWord.toString(16).padStart(4, '0')}`;
const labelledCases = statusWordCases.map(([statusWord, code]) => ({
  label: hex(statusWord),
  statusWord,
  code,
}));

/** Words that mean "the open app does not take this command"; the open app decides the code. */
const notThisAppWords = [0x6e00, 0x6e01, 0x6d00, 0x6511];

describe('classifyStatusWord', () => {
  it.each(labelledCases)('maps $label to $code', ({ statusWord, code }) => {
    const error = classifyStatusWord(statusWord);

    expect(error.code).toBe(code);
  });

  it.each(labelledCases)('keeps $label in the context', ({ statusWord, label }) => {
    const error = classifyStatusWord(statusWord);

    expect(error.context).toMatchObject({ statusWord: label });
  });

  it.each(notThisAppWords.map(hex))('reads %s on the dashboard as app not open', (label) => {
    const error = classifyStatusWord(Number.parseInt(label, 16), { appName: 'BOLOS' });

    expect(error.code).toBe('LEDGER_APP_NOT_OPEN');
  });

  it.each(notThisAppWords.map(hex))('reads %s with no app known as app not open', (label) => {
    expect(classifyStatusWord(Number.parseInt(label, 16)).code).toBe('LEDGER_APP_NOT_OPEN');
  });

  it.each(notThisAppWords.map(hex))('reads %s in another app as wrong app', (label) => {
    const statusWord = Number.parseInt(label, 16);
    const error = classifyStatusWord(statusWord, { appName: 'Ethereum' });

    expect(error.code).toBe('LEDGER_WRONG_APP');
    expect(error.context).toMatchObject({ appName: 'Ethereum' });
  });

  it('reads 0x6d00 in the Solana app as an unknown status', () => {
    expect(classifyStatusWord(0x6d00, { appName: 'Solana' }).code).toBe('LEDGER_UNKNOWN_STATUS');
  });

  it('names the operation of a rejection', () => {
    const error = classifyStatusWord(0x6985, { operation: 'sign-message' });

    expect(error.context).toEqual({ operation: 'sign-message', statusWord: '0x6985' });
  });
});

describe('classifyLedgerError', () => {
  it('classifies TransportStatusError by its status word', () => {
    expect(classifyLedgerError(new TransportStatusError(0x6985)).code).toBe('LEDGER_REJECTED');
  });

  it('classifies LockedDeviceError as locked', () => {
    expect(classifyLedgerError(new LockedDeviceError()).code).toBe('LEDGER_LOCKED');
  });

  it('classifies the plain blind-signing Error of hw-app-solana', () => {
    const error = new Error('Missing a parameter. Try enabling blind signature in the app');

    expect(classifyLedgerError(error).code).toBe('LEDGER_BLIND_SIGNING_REQUIRED');
  });

  it('classifies an unplug during an exchange as disconnected', () => {
    const error = new DisconnectedDeviceDuringOperation('could not read from HID device');

    expect(classifyLedgerError(error, { operation: 'sign-message' }).toData()).toMatchObject({
      code: 'LEDGER_DISCONNECTED',
      context: { operation: 'sign-message' },
    });
  });

  it('classifies a transport race as busy', () => {
    expect(classifyLedgerError(new TransportRaceCondition('pending')).code).toBe('LEDGER_BUSY');
  });

  it('classifies the app API lock as busy', () => {
    const error = new TransportError('Ledger Device is busy (lock getAddress)', 'TransportLocked');

    expect(classifyLedgerError(error).code).toBe('LEDGER_BUSY');
  });

  it('classifies an oversized APDU as too large', () => {
    const error = new TransportError('data.length exceed 256 bytes limit', 'DataLengthTooBig');

    expect(classifyLedgerError(error).code).toBe('LEDGER_MESSAGE_TOO_LARGE');
  });

  it('classifies a missing device as not connected', () => {
    expect(classifyLedgerError(new TransportError('NoDevice', 'NoDevice')).code).toBe(
      'LEDGER_NOT_CONNECTED',
    );
    expect(classifyLedgerError(new Error('cannot open device with path /dev/hidraw3')).code).toBe(
      'LEDGER_NOT_CONNECTED',
    );
  });

  it('keeps a WalletError unchanged', () => {
    const original = new WalletError('LEDGER_TIMEOUT', { operation: 'get-address' });

    expect(classifyLedgerError(original)).toBe(original);
  });

  it('names an unknown failure by its error name', () => {
    class OddFailure extends Error {
      override name = 'OddFailure';
    }

    expect(classifyLedgerError(new OddFailure('strange')).toData()).toMatchObject({
      code: 'LEDGER_TRANSPORT_FAILED',
      context: { errorName: 'OddFailure' },
    });
  });

  it('keeps the original error as the cause', () => {
    const original = new TransportStatusError(0x6a80);

    expect(classifyLedgerError(original).cause).toBe(original);
  });
});

describe('ledger error table', () => {
  it.each(Object.keys(ledgerErrorContexts))('gives %s a title and a next step', (code) => {
    const text = errorText[code as keyof typeof errorText];

    expect(text.title.length).toBeGreaterThan(0);
    expect(text.nextStep.length).toBeGreaterThan(0);
  });

  it('accepts the context of every classified status word', () => {
    for (const [statusWord] of statusWordCases) {
      const error = classifyStatusWord(statusWord);
      const schema = ledgerErrorContexts[error.code as keyof typeof ledgerErrorContexts];

      expect(schema.safeParse(error.context).success, hex(statusWord)).toBe(true);
    }
  });
});
