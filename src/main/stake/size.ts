import { PACKET_DATA_SIZE } from '@solana/web3.js';

import { WalletError } from '../../shared/errors';
import { encodeShortVec } from './bytes';

/** Largest serialized transaction the network accepts (IPv6 MTU minus headers), in bytes. */
export const MAX_TRANSACTION_BYTES = PACKET_DATA_SIZE;

const SIGNATURE_BYTES = 64;

/** Size of the signed transaction: signature count, the signatures, then the message. */
export function transactionSizeBytes(messageBytes: number, signatureCount: number): number {
  return encodeShortVec(signatureCount).length + signatureCount * SIGNATURE_BYTES + messageBytes;
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
