import type { LedgerOperation } from '../../shared/domain/ledger';
import { WalletError, isWalletError } from '../../shared/errors';
import type { ledgerErrorContexts } from '../../shared/errors/ledger';
import { StatusWord, formatStatusWord } from './status-words';

export type LedgerErrorCode = keyof typeof ledgerErrorContexts;

/** Device facts at the time of an error, which some status words need to be classified. */
export interface ClassifyContext {
  operation?: LedgerOperation;
  /** Name of the app the device last reported as open (`Solana`, `BOLOS`, …), if known. */
  appName?: string;
}

/** Names the app-and-version request returns while the dashboard is shown. */
export const DASHBOARD_APP_NAMES: readonly string[] = ['BOLOS', 'OLOS\u0000'];
export const SOLANA_APP_NAME = 'Solana';

/** hw-app-solana 7.11 turns 0x6808 into a plain Error with this wording and no status word. */
const BLIND_SIGNING_MESSAGE = /blind signature/i;

/**
 * Turns any error from a transport, hw-app-solana or this service into a WalletError
 * with a stable code. Errors are recognised by `name`, `id` and `statusCode` rather
 * than by class, because the Ledger libraries ship several copies of each class.
 */
export function classifyLedgerError(error: unknown, context: ClassifyContext = {}): WalletError {
  if (isWalletError(error)) {
    return error;
  }

  const statusCode = readNumberField(error, 'statusCode');
  if (statusCode !== undefined) {
    return classifyStatusWord(statusCode, context, error);
  }

  const name = readStringField(error, 'name') ?? 'unknown';
  const id = readStringField(error, 'id');
  const message = readStringField(error, 'message') ?? '';
  const operation = context.operation;

  if (name === 'AbortError') {
    return new WalletError('CANCELLED', {}, undefined, { cause: error });
  }
  if (BLIND_SIGNING_MESSAGE.test(message)) {
    return new WalletError('LEDGER_BLIND_SIGNING_REQUIRED', {}, undefined, { cause: error });
  }
  if (name === 'DisconnectedDevice' || name === 'DisconnectedDeviceDuringOperation') {
    return new WalletError('LEDGER_DISCONNECTED', withOperation(operation), undefined, {
      cause: error,
    });
  }
  if (name === 'CantOpenDevice' || id === 'NoDevice' || /cannot open device/i.test(message)) {
    return new WalletError('LEDGER_NOT_CONNECTED', {}, undefined, { cause: error });
  }
  if (name === 'TransportRaceCondition' || id === 'TransportLocked') {
    return new WalletError('LEDGER_BUSY', withOperation(operation), undefined, { cause: error });
  }
  if (id === 'DataLengthTooBig') {
    return new WalletError('LEDGER_MESSAGE_TOO_LARGE', {}, undefined, { cause: error });
  }
  if (name === 'TransportExchangeTimeoutError') {
    return new WalletError('LEDGER_TIMEOUT', withOperation(operation), undefined, {
      cause: error,
    });
  }
  if (name === 'UserRefusedOnDevice' || name === 'UserRefusedAddress') {
    return new WalletError('LEDGER_REJECTED', withOperation(operation), undefined, {
      cause: error,
    });
  }

  return new WalletError('LEDGER_TRANSPORT_FAILED', { errorName: name }, undefined, {
    cause: error,
  });
}

/** Maps one status word to its error code; 0x9000 is not an error and must not reach here. */
export function classifyStatusWord(
  statusWord: number,
  context: ClassifyContext = {},
  cause?: unknown,
): WalletError {
  const formatted = formatStatusWord(statusWord);
  const options = cause === undefined ? undefined : { cause };
  const operation = context.operation;

  switch (statusWord) {
    case StatusWord.USER_REFUSED:
    case StatusWord.USER_REFUSED_ON_DEVICE:
      return new WalletError(
        'LEDGER_REJECTED',
        { ...withOperation(operation), statusWord: formatted },
        undefined,
        options,
      );

    case StatusWord.BLIND_SIGNING_REQUIRED:
      return new WalletError(
        'LEDGER_BLIND_SIGNING_REQUIRED',
        { statusWord: formatted },
        undefined,
        options,
      );

    case StatusWord.INVALID_MESSAGE:
    case StatusWord.INVALID_MESSAGE_HEADER:
    case StatusWord.INVALID_OFFCHAIN_MESSAGE_FORMAT:
    case StatusWord.INVALID_DERIVATION_PATH:
    case StatusWord.INCORRECT_LENGTH:
      return new WalletError('LEDGER_INVALID_DATA', { statusWord: formatted }, undefined, options);

    case StatusWord.INVALID_MESSAGE_SIZE:
      return new WalletError(
        'LEDGER_MESSAGE_TOO_LARGE',
        { statusWord: formatted },
        undefined,
        options,
      );

    case StatusWord.LOCKED_DEVICE:
    case StatusWord.SECURITY_STATUS_NOT_SATISFIED:
    case StatusWord.LOCKED_DEVICE_LEGACY:
      return new WalletError('LEDGER_LOCKED', { statusWord: formatted }, undefined, options);

    case StatusWord.CLA_NOT_SUPPORTED:
    case StatusWord.CLA_NOT_SUPPORTED_BOOTLOADER:
    case StatusWord.APP_NOT_OPEN:
    case StatusWord.UNIMPLEMENTED_INSTRUCTION:
      return classifyNotThisApp(formatted, context, options);

    case StatusWord.DEVICE_BUSY:
    case StatusWord.OS_UI_IN_FOREGROUND:
      return new WalletError(
        'LEDGER_BUSY',
        { ...withOperation(operation), statusWord: formatted },
        undefined,
        options,
      );

    default:
      return new WalletError(
        'LEDGER_UNKNOWN_STATUS',
        { statusWord: formatted },
        undefined,
        options,
      );
  }
}

const NOT_THIS_APP_STATUS_WORDS: ReadonlySet<number> = new Set([
  StatusWord.CLA_NOT_SUPPORTED,
  StatusWord.CLA_NOT_SUPPORTED_BOOTLOADER,
  StatusWord.APP_NOT_OPEN,
  StatusWord.UNIMPLEMENTED_INSTRUCTION,
]);

/** True for status words whose meaning depends on which app is open right now. */
export function isNotThisAppStatus(error: unknown): boolean {
  // Exchanges classify their errors early, so the status word may sit on the cause.
  const source: unknown = isWalletError(error) ? error.cause : error;
  const statusCode = readNumberField(source, 'statusCode');
  return statusCode !== undefined && NOT_THIS_APP_STATUS_WORDS.has(statusCode);
}

/**
 * These words mean "the open app does not take this command". Which app is open decides
 * the code: the dashboard, another app, or (for 0x6D00) a Solana app too old to know
 * the instruction.
 */
function classifyNotThisApp(
  statusWord: string,
  context: ClassifyContext,
  options: ErrorOptions | undefined,
): WalletError {
  const appName = context.appName;

  if (appName === SOLANA_APP_NAME) {
    return new WalletError('LEDGER_UNKNOWN_STATUS', { statusWord }, undefined, options);
  }
  if (appName === undefined || DASHBOARD_APP_NAMES.includes(appName)) {
    return new WalletError('LEDGER_APP_NOT_OPEN', { statusWord }, undefined, options);
  }
  return new WalletError('LEDGER_WRONG_APP', { appName, statusWord }, undefined, options);
}

function withOperation(operation: LedgerOperation | undefined): { operation?: LedgerOperation } {
  return operation === undefined ? {} : { operation };
}

function readNumberField(value: unknown, field: string): number | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const fieldValue: unknown = Reflect.get(value, field);
  return typeof fieldValue === 'number' ? fieldValue : undefined;
}

function readStringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const fieldValue: unknown = Reflect.get(value, field);
  return typeof fieldValue === 'string' ? fieldValue : undefined;
}
