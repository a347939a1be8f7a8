import { REVIEW_TEXT_MAX_LENGTH } from '../contract/ledger';

/** Largest raw (binary) transaction: the packet size limit of a Solana transaction. */
const MAX_RAW_TRANSACTION_BYTES = 1232;
/** Largest file read at all; a text transaction is at most REVIEW_TEXT_MAX_LENGTH characters. */
export const MAX_FILE_BYTES = 64 * 1024;
const TRANSACTION_FILE_FORMAT = 'ledger-stake-desk/transaction';

export type FileReading = { kind: 'text'; text: string } | { kind: 'problem'; message: string };

/**
 * Turns a file's bytes into review text: base64 or base58 text as it is, and a raw binary
 * transaction or message as base64. Exported transaction files belong to the Activity
 * page, which keeps their signatures and lifetime.
 */
export function readTransactionFileBytes(name: string, bytes: Uint8Array): FileReading {
  if (bytes.length === 0) {
    return { kind: 'problem', message: `${name} is empty. Choose a file with one transaction.` };
  }

  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const isText = !hasBinaryCharacters(text);
  if (!isText) {
    if (bytes.length > MAX_RAW_TRANSACTION_BYTES) {
      return {
        kind: 'problem',
        message: `${name} is ${bytes.length} bytes of binary data, more than the ${MAX_RAW_TRANSACTION_BYTES} bytes of a transaction. Choose a file with one transaction.`,
      };
    }
    let binary = '';
    for (const byte of bytes) {
      binary += String.fromCharCode(byte);
    }
    return { kind: 'text', text: btoa(binary) };
  }

  if (text.trimStart().startsWith('{') && text.includes(TRANSACTION_FILE_FORMAT)) {
    return {
      kind: 'problem',
      message: `${name} is a transaction file exported by this app. Import it on the Activity page, which keeps its signatures and sends it when it is complete.`,
    };
  }
  const trimmed = text.trim();
  if (trimmed.length > REVIEW_TEXT_MAX_LENGTH) {
    return {
      kind: 'problem',
      message: `${name} has ${trimmed.length} characters, more than the ${REVIEW_TEXT_MAX_LENGTH} of one transaction. Choose a file with one transaction.`,
    };
  }
  return { kind: 'text', text: trimmed };
}

/** Returns true for control characters other than whitespace, or bytes that are not UTF-8. */
function hasBinaryCharacters(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const isControl = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    if (isControl || code === 0xfffd) {
      return true;
    }
  }
  return false;
}
