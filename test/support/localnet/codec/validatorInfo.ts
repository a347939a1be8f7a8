import { PublicKey } from '@solana/web3.js';

import { BincodeWriter } from './bincode';

/** Key the Solana CLI lists first in every validator-info Config account. */
export const VALIDATOR_INFO_KEY = new PublicKey('Va1idator1nfo111111111111111111111111111111');

/** Maximum serialized size of `ValidatorInfo` (`MAX_VALIDATOR_INFO`): u64 length and JSON text. */
const MAX_VALIDATOR_INFO = 576;

/**
 * Account size the config program's `create_account` allocates: the serialized `ConfigKeys`
 * of two keys (short-vec length 1, then 33 bytes per key) plus `ValidatorInfo::max_space()`.
 */
export const VALIDATOR_INFO_ACCOUNT_SIZE = 1 + 2 * 33 + MAX_VALIDATOR_INFO;

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
  if (8 + info.length > MAX_VALIDATOR_INFO) {
    throw new RangeError(
      `validator info JSON is ${info.length} bytes; the maximum is ${MAX_VALIDATOR_INFO - 8}`,
    );
  }

  const writer = new BincodeWriter(VALIDATOR_INFO_ACCOUNT_SIZE);
  writer.u8(2);
  writer.pubkey(VALIDATOR_INFO_KEY).bool(false);
  writer.pubkey(identity).bool(true);
  writer.u64(BigInt(info.length)).raw(info);
  return writer.bytes;
}
