import { sha256 } from '@noble/hashes/sha2.js';
import type { AppProfile } from '../app-version';
import { ByteReader, MalformedBytesError, bytesEqual, encodeBase58Key } from '../bytes';
import { StatusWord } from '../status-words';
import { formatPubkey, type PubkeyDisplay } from './format';
import type { ReviewField } from './transaction-summary';

/** 0xFF followed by "solana offchain": the 16-byte signing domain of every off-chain message. */
export const OFFCHAIN_SIGNING_DOMAIN = new Uint8Array([
  0xff,
  ...new TextEncoder().encode('solana offchain'),
]);

export interface OffchainSettings {
  readonly profile: AppProfile;
  readonly expertMode: boolean;
  readonly blindSigning: boolean;
  readonly pubkeyDisplay: PubkeyDisplay;
  /** Raw public key of the signing path. */
  readonly signer: Uint8Array;
}

/** Screens of an off-chain message, or the status word the app returns instead. */
export type OffchainReview =
  | {
      readonly kind: 'review';
      readonly fields: readonly ReviewField[];
      readonly blindSigning: boolean;
    }
  | { readonly kind: 'refused'; readonly statusWord: number };

interface OffchainHeader {
  readonly version: number;
  readonly applicationDomain: Uint8Array | null;
  readonly format: number;
  readonly signers: readonly Uint8Array[];
  readonly length: number;
}

/** Off-chain header from 1.8 on: version 0, application domain, format, signer list, length. */
function readFullHeader(reader: ByteReader): OffchainHeader {
  const version = reader.readU8();
  const applicationDomain = reader.readBytes(32);
  const format = reader.readU8();
  const signerCount = reader.readU8();
  const signers: Uint8Array[] = [];
  for (let index = 0; index < signerCount; index++) {
    signers.push(reader.readPubkey());
  }
  return { version, applicationDomain, format, signers, length: reader.readU16Le() };
}

/** Header before 1.8: version, format and length only (the layout of hw-app-solana's test vector). */
function readShortHeader(reader: ByteReader): OffchainHeader {
  const version = reader.readU8();
  const format = reader.readU8();
  return { version, applicationDomain: null, format, signers: [], length: reader.readU16Le() };
}

function isAsciiText(bytes: Uint8Array): boolean {
  return bytes.every((byte) => (byte >= 0x20 && byte <= 0x7e) || byte === 0x0a);
}

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function expertFields(
  header: OffchainHeader,
  body: Uint8Array,
  settings: OffchainSettings,
): ReviewField[] {
  const fields: ReviewField[] = [];
  if (header.applicationDomain) {
    fields.push({
      title: 'Signer',
      value: formatPubkey(encodeBase58Key(settings.signer), settings.pubkeyDisplay),
    });
    if (header.signers.length > 1) {
      fields.push({ title: 'Other signers', value: String(header.signers.length) });
    }
    const emptyDomain = header.applicationDomain.every((byte) => byte === 0);
    fields.push({
      title: 'Application',
      value: emptyDomain ? 'Domain not provided' : encodeBase58Key(header.applicationDomain),
    });
  }
  fields.push(
    { title: 'Version', value: String(header.version) },
    { title: 'Format', value: String(header.format) },
    { title: 'Size', value: String(header.length) },
    { title: 'Hash', value: encodeBase58Key(sha256(body)) },
  );
  return fields;
}

/**
 * Validates an off-chain message the way the app does and returns its screens. ASCII text is
 * shown as is; other UTF-8 needs blind signing and is shown as the SHA-256 of the text.
 * NOTE: the screens of apps before 1.8 (short header) follow the 1.8 layout minus the fields
 * that header lacks; their source was not read.
 */
export function reviewOffchainMessage(
  message: Uint8Array,
  settings: OffchainSettings,
): OffchainReview {
  const refused = (statusWord: number): OffchainReview => ({ kind: 'refused', statusWord });
  if (message.length > settings.profile.maxOffchainMessageLength) {
    return refused(StatusWord.INVALID_MESSAGE_SIZE);
  }

  const reader = new ByteReader(message);
  let header: OffchainHeader;
  try {
    if (!bytesEqual(reader.readBytes(OFFCHAIN_SIGNING_DOMAIN.length), OFFCHAIN_SIGNING_DOMAIN)) {
      return refused(StatusWord.INVALID_MESSAGE_HEADER);
    }
    header =
      settings.profile.offchainHeader === 'full' ? readFullHeader(reader) : readShortHeader(reader);
  } catch (error) {
    if (error instanceof MalformedBytesError) {
      return refused(StatusWord.INVALID_MESSAGE_HEADER);
    }
    throw error;
  }

  const full = settings.profile.offchainHeader === 'full';
  const body = reader.readRest();
  if (
    header.version !== 0 ||
    header.length === 0 ||
    header.length !== body.length ||
    header.format > 1
  ) {
    return refused(StatusWord.INVALID_MESSAGE_HEADER);
  }
  if (full && !header.signers.some((signer) => bytesEqual(signer, settings.signer))) {
    return refused(StatusWord.INVALID_MESSAGE_HEADER);
  }

  const ascii = isAsciiText(body);
  if (!ascii && !isUtf8Text(body)) {
    return refused(StatusWord.INVALID_MESSAGE_FORMAT);
  }
  if (!ascii && header.format === 0) {
    return refused(StatusWord.INVALID_MESSAGE_FORMAT);
  }
  if (!ascii && !settings.blindSigning) {
    return refused(StatusWord.NOT_SUPPORTED);
  }

  if (settings.expertMode) {
    const fields = expertFields(header, body, settings);
    if (ascii) {
      fields.push({ title: 'Message', value: new TextDecoder().decode(body) });
    }
    return { kind: 'review', fields, blindSigning: !ascii };
  }
  if (!ascii) {
    return {
      kind: 'review',
      fields: [{ title: 'Hash', value: encodeBase58Key(sha256(body)) }],
      blindSigning: true,
    };
  }
  return {
    kind: 'review',
    fields: [{ title: 'Message', value: new TextDecoder().decode(body) }],
    blindSigning: false,
  };
}
