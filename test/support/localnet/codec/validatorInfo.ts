import { PublicKey } from '@solana/web3.js';

import { BincodeWriter } from './bincode';

/** Key the Solana CLI lists first in every validator-info Config account. */
export const VALIDATOR_INFO_KEY = new PublicKey('Va1idator1nfo111111111111111111111111111111');

/** Longest `info` JSON string the CLI accepts (`MAX_VALIDATOR_INFO`). */
const MAX_VALIDATOR_INFO = 576;

/** Account size the CLI allocates: two config keys (1 + 2 × 33) plus the u64-prefixed string. */
export const VALIDATOR_INFO_ACCOUNT_SIZE = 1 + 2 * 33 + 8 + MAX_VALIDATOR_INFO;

export interface ValidatorInfoFields {
  name: string;
  website?: string;
  details?: string;
  iconUrl?: string;
}

/**
 * Encodes validator-info Config account data as `solana validator-info publish` writes it:
 * `ConfigKeys` (short-vec of key and signer flag, with the identity marked as signer),
 * then the JSON text as a bincode string (u64 length and UTF-8 bytes), zero padded.
 */
export function encodeValidatorInfo(identity: PublicKey, fields: ValidatorInfoFields): Uint8Array {
  const info = new TextEncoder().encode(JSON.stringify(fields));
  if (info.length > MAX_VALIDATOR_INFO) {
    throw new RangeError(`validator info is ${info.length} bytes, above ${MAX_VALIDATOR_INFO}`);
  }

  const writer = new BincodeWriter(VALIDATOR_INFO_ACCOUNT_SIZE);
  writer.u8(2);
  writer.pubkey(VALIDATOR_INFO_KEY).bool(false);
  writer.pubkey(identity).bool(true);
  writer.u64(BigInt(info.length)).raw(info);
  return writer.bytes;
}
