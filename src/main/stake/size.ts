import { PACKET_DATA_SIZE } from '@solana/web3.js';
import type { Message } from '@solana/web3.js';

import { WalletError } from '../../shared/errors';
import { encodeShortVec } from './bytes';

/** Largest serialized transaction the network accepts (IPv6 MTU minus headers), in bytes. */
export const MAX_TRANSACTION_BYTES = PACKET_DATA_SIZE;

const SIGNATURE_BYTES = 64;

/** Size of the signed transaction: signature count, the signatures, then the message. */
export function transactionSizeBytes(messageBytes: number, signatureCount: number): number {
  return encodeShortVec(signatureCount).length + signatureCount * SIGNATURE_BYTES + messageBytes;
}

const PUBKEY_BYTES = 32;
const HEADER_BYTES = 3;

/**
 * Size of a compiled legacy message in bytes, computed from its parts. web3.js
 * `Message.serialize` throws a RangeError for messages over 1232 bytes instead of returning
 * them, so the size is needed before serializing.
 */
export function legacyMessageSizeBytes(message: Message): number {
  const keys = message.accountKeys.length;
  const instructions = message.compiledInstructions.reduce(
    (sum, instruction) =>
      sum +
      1 +
      encodeShortVec(instruction.accountKeyIndexes.length).length +
      instruction.accountKeyIndexes.length +
      encodeShortVec(instruction.data.length).length +
      instruction.data.length,
    0,
  );
  return (
    HEADER_BYTES +
    encodeShortVec(keys).length +
    keys * PUBKEY_BYTES +
    PUBKEY_BYTES +
    encodeShortVec(message.compiledInstructions.length).length +
    instructions
  );
}

/** @throws WalletError TRANSACTION_TOO_LARGE above 1232 bytes. */
export function assertTransactionSize(sizeBytes: number): void {
  if (sizeBytes > MAX_TRANSACTION_BYTES) {
    throw new WalletError(
      'TRANSACTION_TOO_LARGE',
      { sizeBytes, maxBytes: MAX_TRANSACTION_BYTES },
      `The transaction is ${sizeBytes} bytes; the network accepts at most ${MAX_TRANSACTION_BYTES}.`,
    );
  }
}
