import { ed25519 } from '@noble/curves/ed25519.js';
import { PublicKey } from '@solana/web3.js';
import bs58 from 'bs58';

import { WalletError } from '../../shared/errors';

export const PUBLIC_KEY_LENGTH = 32;
export const SIGNATURE_LENGTH = 64;

export function encodeAddress(publicKey: Uint8Array): string {
  return new PublicKey(publicKey).toBase58();
}

/** Encodes a signature the way Solana shows transaction ids: base58 of the 64 bytes. */
export function encodeSignature(signature: Uint8Array): string {
  return bs58.encode(signature);
}

/** Decodes a base58 address into its 32 key bytes, throwing INVALID_REQUEST when it is not one. */
export function decodeAddress(address: string, field: string): Uint8Array {
  try {
    return new PublicKey(address).toBytes();
  } catch {
    throw new WalletError(
      'INVALID_REQUEST',
      { method: 'ledger', issues: [{ path: field, message: 'Expected a base58 Solana address' }] },
      `Invalid ${field} "${address}": expected a base58 Solana address`,
    );
  }
}

/**
 * Checks an Ed25519 signature with RFC 8032 strict rules (ZIP-215 off). A signature the
 * Ledger computed honestly always passes; anything else must never be used.
 */
export function isValidSignature(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (signature.length !== SIGNATURE_LENGTH || publicKey.length !== PUBLIC_KEY_LENGTH) {
    return false;
  }
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

export function bytesEqual(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}
