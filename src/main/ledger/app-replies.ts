import type { PubkeyDisplay } from '../../shared/domain/ledger';
import { WalletError } from '../../shared/errors';

/** The OS reply to get-app-and-version (B0 01), which every app and the dashboard return. */
export interface AppAndVersion {
  /** `Solana` in the Solana app, `BOLOS` (or `OLOS\0` on old firmwares) on the dashboard. */
  name: string;
  version: string;
  /** Raw flag bytes; their meaning differs between firmwares, so they are kept unparsed. */
  flags: Uint8Array;
}

/** The Solana app's reply to GET_APP_CONFIGURATION (E0 04). */
export interface AppConfiguration {
  blindSigningEnabled: boolean;
  pubkeyDisplay: PubkeyDisplay;
  /** `major.minor.patch` as the app reports it. */
  version: string;
}

const APP_AND_VERSION_FORMAT = 1;
const CONFIGURATION_MIN_LENGTH = 5;

/**
 * Parses the data of a B0 01 reply (status word removed):
 * `[format = 1][name length][name][version length][version][flags length][flags]`.
 * Missing flags are tolerated because some firmwares end the reply after the version.
 */
export function parseAppAndVersion(data: Uint8Array): AppAndVersion {
  const reader = new ByteReader(data, 'app-and-version');

  const format = reader.readByte();
  if (format !== APP_AND_VERSION_FORMAT) {
    throw invalidReply('app-and-version', `format byte ${format}`);
  }

  const name = decodeAscii(reader.readLengthPrefixed());
  const version = decodeAscii(reader.readLengthPrefixed());
  const flags = reader.remaining() > 0 ? reader.readLengthPrefixed() : new Uint8Array();

  return { name, version, flags };
}

/**
 * Parses the data of an E0 04 reply (status word removed):
 * `[blind signing enabled][pubkey display][major][minor][patch]`. Bytes after the first
 * five are ignored: app builds with transaction checks append two flags (7 bytes), and
 * a reply that grows again must not stop the app from finding the device.
 */
export function parseAppConfiguration(data: Uint8Array): AppConfiguration {
  if (data.length < CONFIGURATION_MIN_LENGTH) {
    throw invalidReply('app-configuration', `${data.length} bytes, expected at least 5`);
  }

  const [blindSigning = 0, pubkeyDisplay = 0, major = 0, minor = 0, patch = 0] = data;

  return {
    blindSigningEnabled: blindSigning !== 0,
    pubkeyDisplay: toPubkeyDisplay(pubkeyDisplay),
    version: `${major}.${minor}.${patch}`,
  };
}

function toPubkeyDisplay(value: number): PubkeyDisplay {
  switch (value) {
    case 0:
      return 'long';
    case 1:
      return 'short';
    default:
      return 'unknown';
  }
}

function decodeAscii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function invalidReply(reply: string, detail: string): WalletError {
  return new WalletError(
    'LEDGER_TRANSPORT_FAILED',
    { errorName: 'InvalidReply' },
    `The device sent an invalid ${reply} reply: ${detail}`,
  );
}

class ByteReader {
  private offset = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly reply: string,
  ) {}

  remaining(): number {
    return this.data.length - this.offset;
  }

  readByte(): number {
    const value = this.data[this.offset];
    if (value === undefined) {
      throw invalidReply(this.reply, `reply ends at byte ${this.offset}`);
    }
    this.offset += 1;
    return value;
  }

  readLengthPrefixed(): Uint8Array {
    const length = this.readByte();
    if (length > this.remaining()) {
      throw invalidReply(this.reply, `field of ${length} bytes at offset ${this.offset}`);
    }
    const value = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}
