import { StatusWord } from '../status-words';
import { SOLANA_CLA, isDeprecatedIns, isKnownIns } from './instruction-codes';

/** One APDU addressed to the Solana app, after the app's header checks. */
export interface SolanaApdu {
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data: Uint8Array;
  /** Deprecated instructions carry a 2-byte big-endian Lc and data from offset 6. */
  readonly deprecated: boolean;
}

export type ApduHeaderResult =
  | { readonly ok: true; readonly apdu: SolanaApdu }
  | { readonly ok: false; readonly statusWord: number };

const MODERN_DATA_OFFSET = 5;
const DEPRECATED_DATA_OFFSET = 6;

/**
 * Checks an APDU the way the app's `parse_apdu_header` does: a wrong CLA is 0x6A81 (the app
 * returns it, not the OS), an unknown INS 0x6D00, and any length mismatch 0x6A83.
 */
export function parseSolanaApdu(bytes: Uint8Array): ApduHeaderResult {
  const fail = (statusWord: number): ApduHeaderResult => ({ ok: false, statusWord });

  if (bytes.length < 2) {
    return fail(StatusWord.INVALID_MESSAGE_SIZE);
  }
  if (bytes[0] !== SOLANA_CLA) {
    return fail(StatusWord.INVALID_MESSAGE_HEADER);
  }
  const ins = bytes[1] ?? 0;
  if (!isKnownIns(ins)) {
    return fail(StatusWord.UNIMPLEMENTED_INSTRUCTION);
  }

  const deprecated = isDeprecatedIns(ins);
  const dataOffset = deprecated ? DEPRECATED_DATA_OFFSET : MODERN_DATA_OFFSET;
  const maxLength = deprecated ? 0xffff : 0xff + MODERN_DATA_OFFSET;
  if (bytes.length < dataOffset || bytes.length > maxLength) {
    return fail(StatusWord.INVALID_MESSAGE_SIZE);
  }

  const view = Buffer.from(bytes);
  const dataLength = deprecated ? view.readUInt16BE(4) : view.readUInt8(4);
  if (bytes.length !== dataOffset + dataLength) {
    return fail(StatusWord.INVALID_MESSAGE_SIZE);
  }

  return {
    ok: true,
    apdu: {
      ins,
      p1: bytes[2] ?? 0,
      p2: bytes[3] ?? 0,
      data: bytes.slice(dataOffset),
      deprecated,
    },
  };
}
