import bs58 from 'bs58';

import { WalletError } from '../../../shared/errors';
import { MAX_TRANSACTION_BYTES, parseMessage } from '../../stake';

export type TransactionTextEncoding = 'base64' | 'base58';

/** Message bytes taken from pasted text, with the signatures the text already carried. */
export interface DecodedTransactionText {
  encoding: TransactionTextEncoding;
  kind: 'transaction' | 'message';
  message: Uint8Array;
  /** One 64-byte slot per required signer, in signer order; all zeros where unsigned. */
  signatures: Uint8Array[];
}

export const SIGNATURE_BYTES = 64;

const BASE64_TEXT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE58_TEXT = /^[1-9A-HJ-NP-Za-km-z]+$/;

/**
 * Decodes a pasted transaction or message. Whitespace is ignored, so line-wrapped text
 * works. Text that is valid in both alphabets is tried as base58 first: base64 of a few
 * hundred random bytes almost always contains `+` or `/`, which base58 lacks.
 *
 * @throws WalletError TRANSACTION_TEXT_INVALID when the text is in neither encoding,
 *   PASTED_TRANSACTION_TOO_LARGE when the bytes exceed a transaction's size limit, and
 *   MESSAGE_DECODE_FAILED when they are neither a transaction nor a message.
 */
export function decodeTransactionText(text: string): DecodedTransactionText {
  const compact = text.replace(/\s+/g, '');
  if (compact === '') {
    throw new WalletError('TRANSACTION_TEXT_INVALID', { reason: 'empty', length: 0 });
  }

  const candidates: { encoding: TransactionTextEncoding; decode: () => Uint8Array }[] = [];
  if (BASE58_TEXT.test(compact)) {
    candidates.push({ encoding: 'base58', decode: () => bs58.decode(compact) });
  }
  if (BASE64_TEXT.test(compact)) {
    candidates.push({
      encoding: 'base64',
      decode: () => Uint8Array.from(Buffer.from(compact, 'base64')),
    });
  }
  if (candidates.length === 0) {
    throw new WalletError('TRANSACTION_TEXT_INVALID', {
      reason: 'notBase64OrBase58',
      length: compact.length,
    });
  }

  let firstError: unknown;
  for (const candidate of candidates) {
    try {
      return { encoding: candidate.encoding, ...interpretBytes(candidate.decode()) };
    } catch (error) {
      firstError ??= error;
    }
  }
  throw firstError;
}

/** Serializes a transaction: the signature count, the signatures, then the message. */
export function encodeTransaction(message: Uint8Array, signatures: Uint8Array[]): Uint8Array {
  const count = encodeShortVec(signatures.length);
  const bytes = new Uint8Array(count.length + signatures.length * SIGNATURE_BYTES + message.length);

  bytes.set(count, 0);
  signatures.forEach((signature, index) => {
    bytes.set(signature, count.length + index * SIGNATURE_BYTES);
  });
  bytes.set(message, count.length + signatures.length * SIGNATURE_BYTES);
  return bytes;
}

function interpretBytes(bytes: Uint8Array): Omit<DecodedTransactionText, 'encoding'> {
  if (bytes.length > MAX_TRANSACTION_BYTES) {
    throw new WalletError('PASTED_TRANSACTION_TOO_LARGE', {
      sizeBytes: bytes.length,
      maxBytes: MAX_TRANSACTION_BYTES,
    });
  }

  const transaction = splitTransaction(bytes);
  if (transaction !== undefined) {
    return { kind: 'transaction', ...transaction };
  }

  const parsed = parseMessage(bytes);
  return {
    kind: 'message',
    message: bytes,
    signatures: Array.from(
      { length: parsed.header.numRequiredSignatures },
      () => new Uint8Array(SIGNATURE_BYTES),
    ),
  };
}

/**
 * Reads bytes as a whole transaction. Returns undefined unless they hold a signature count,
 * that many signatures, and a message that parses and requires exactly that many signers.
 */
function splitTransaction(
  bytes: Uint8Array,
): { message: Uint8Array; signatures: Uint8Array[] } | undefined {
  const count = decodeShortVec(bytes);
  if (count === undefined || count.value === 0) {
    return undefined;
  }
  const messageStart = count.length + count.value * SIGNATURE_BYTES;
  if (messageStart >= bytes.length) {
    return undefined;
  }

  const message = bytes.slice(messageStart);
  try {
    if (parseMessage(message).header.numRequiredSignatures !== count.value) {
      return undefined;
    }
  } catch {
    return undefined;
  }

  const signatures = Array.from({ length: count.value }, (_, index) => {
    const start = count.length + index * SIGNATURE_BYTES;
    return bytes.slice(start, start + SIGNATURE_BYTES);
  });
  return { message, signatures };
}

/** Decodes Solana's compact-u16 length prefix: 7 bits per byte, at most 3 bytes. */
function decodeShortVec(bytes: Uint8Array): { value: number; length: number } | undefined {
  let value = 0;
  for (let index = 0; index < 3; index += 1) {
    const byte = bytes[index];
    if (byte === undefined) {
      return undefined;
    }
    value |= (byte & 0x7f) << (7 * index);
    if ((byte & 0x80) === 0) {
      return { value, length: index + 1 };
    }
  }
  return undefined;
}

function encodeShortVec(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>= 7;
    if (rest > 0) {
      byte |= 0x80;
    }
    bytes.push(byte);
  } while (rest > 0);
  return Uint8Array.from(bytes);
}
