import { z } from 'zod';

import { WalletError } from '../../../shared/errors';
import { VALIDATOR_INFO_KEY } from '../programIds';
import { ByteLayoutError, ByteReader } from './byteReader';

/** Self-reported validator details published through the Config program. */
export interface ValidatorInfo {
  /** Identity (node) public key that signed the info. */
  identity: string;
  name: string | null;
  website: string | null;
  details: string | null;
  iconUrl: string | null;
  keybaseUsername: string | null;
}

/** Maximum info string length read. Solana's `MAX_VALIDATOR_INFO` is 576 bytes, so this leaves room. */
const MAX_INFO_BYTES = 64 * 1024;

const infoJsonSchema = z
  .object({
    name: z.string().optional(),
    website: z.string().optional(),
    details: z.string().optional(),
    iconUrl: z.string().optional(),
    keybaseUsername: z.string().optional(),
  })
  .strip();

/**
 * Decodes a Config program account that contains validator info. The data starts with a
 * `ConfigKeys` list: a compact-u16 count of 33-byte entries, each a public key and a signer
 * flag. The first key is `Va1idator1nfo…` and the signing key is the validator identity. A
 * bincode string (u64 length and UTF-8 bytes) of JSON follows.
 *
 * Returns null for a Config account of another kind. Website and icon URLs that are not
 * http or https are dropped, because the values are chosen by the validator.
 *
 * @throws WalletError ACCOUNT_DECODE_FAILED for truncated data or invalid JSON.
 */
export function decodeValidatorInfo(data: Uint8Array, address: string): ValidatorInfo | null {
  try {
    return readValidatorInfo(new ByteReader(data));
  } catch (error) {
    if (error instanceof ByteLayoutError) {
      throw new WalletError(
        'ACCOUNT_DECODE_FAILED',
        { address, layout: 'ValidatorInfo', reason: error.message },
        `Validator info account ${address} could not be decoded: ${error.message}`,
      );
    }
    throw error;
  }
}

function readValidatorInfo(reader: ByteReader): ValidatorInfo | null {
  const keyCount = reader.shortVecLength('config key count');
  const keys: { key: string; signer: boolean }[] = [];
  for (let index = 0; index < keyCount; index += 1) {
    const key = reader.address(`config key ${index}`);
    const signer = reader.bool(`config key ${index} signer flag`);
    keys.push({ key, signer });
  }

  if (keys[0]?.key !== VALIDATOR_INFO_KEY.toBase58()) {
    return null;
  }
  const identity = keys.find((entry, index) => index > 0 && entry.signer);
  if (identity === undefined) {
    throw new ByteLayoutError('validator info has no signing identity key');
  }

  const length = reader.u64('info string length');
  if (length > BigInt(MAX_INFO_BYTES)) {
    throw new ByteLayoutError(`info string length ${length} is above ${MAX_INFO_BYTES}`);
  }
  const text = decodeUtf8(reader.bytesOf(Number(length), 'info string'));
  const info = parseInfoJson(text);

  return {
    identity: identity.key,
    name: nonEmpty(info.name),
    website: toWebUrl(info.website),
    details: nonEmpty(info.details),
    iconUrl: toWebUrl(info.iconUrl),
    keybaseUsername: nonEmpty(info.keybaseUsername),
  };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ByteLayoutError('info string is not valid UTF-8');
  }
}

function parseInfoJson(text: string): z.infer<typeof infoJsonSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ByteLayoutError('info string is not valid JSON');
  }
  const parsed = infoJsonSchema.safeParse(json);
  if (!parsed.success) {
    throw new ByteLayoutError('info JSON is not an object of string fields');
  }
  return parsed.data;
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}

function toWebUrl(value: string | undefined): string | null {
  const trimmed = nonEmpty(value);
  if (trimmed === null) {
    return null;
  }
  // "example.com" and "example.com:8080" have no scheme, so they are read as https.
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed);
  const candidate = hasScheme ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
