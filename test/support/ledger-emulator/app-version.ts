/** The Solana app's version as `E0 04` reports it (each part one byte) and as `B0 01` spells it. */
export interface AppVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly text: string;
}

/**
 * Which generation of the review code the app runs. `legacy` is every release up to 1.9.x;
 * `newer` is the later development line (six instructions, renamed labels).
 */
export type DisplayLine = 'legacy' | 'newer';

/** Version-dependent limits and behaviours of the Solana app. */
export interface AppProfile {
  readonly displayLine: DisplayLine;
  /** Most instructions a message may hold and still be shown in clear. */
  readonly maxInstructions: number;
  /** Size of the message buffer; a message must stay strictly below it. */
  readonly messageBufferLength: number;
  readonly maxOffchainMessageLength: number;
  /** Off-chain header: `short` before 1.8 (no domain, no signers), `full` from 1.8. */
  readonly offchainHeader: 'short' | 'full';
  /** Who rejects a path outside 44'/501': the OS (status 0x6801) or the app itself (0x6A84). */
  readonly pathCheck: 'os' | 'app';
}

const PACKET_DATA_SIZE_1232 = 1232;
const PACKET_DATA_SIZE_15K = 15 * 1024 - 48;

export function parseAppVersion(text: string): AppVersion {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!match) {
    throw new Error(`Invalid app version "${text}": expected MAJOR.MINOR.PATCH`);
  }
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    text,
  };
}

export function isVersionAtLeast(version: AppVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

/** Buffer size as the app computes it: packet size plus the longest path, rounded up to 64. */
function messageBufferFor(packetDataSize: number): number {
  const longestPathBytes = 1 + 5 * 4;
  return Math.ceil((packetDataSize + longestPathBytes) / 64) * 64;
}

/**
 * Maps a version to its behaviour. Releases up to 1.9.x are the `legacy` line.
 * NOTE: the first release of the newer line (six instructions, new labels) is not known
 * exactly, so the emulator assumes that every version from 1.10.0 on belongs to it. The newer
 * line also grows its message buffer on the heap, but the emulator keeps the 1.9 size.
 */
export function profileForVersion(version: AppVersion): AppProfile {
  const newer = isVersionAtLeast(version, 1, 10);
  const bigBuffer = isVersionAtLeast(version, 1, 9);
  const packetDataSize = bigBuffer ? PACKET_DATA_SIZE_15K : PACKET_DATA_SIZE_1232;

  return {
    displayLine: newer ? 'newer' : 'legacy',
    maxInstructions: newer ? 6 : 4,
    messageBufferLength: messageBufferFor(packetDataSize),
    maxOffchainMessageLength: packetDataSize,
    offchainHeader: isVersionAtLeast(version, 1, 8) ? 'full' : 'short',
    pathCheck: newer ? 'app' : 'os',
  };
}
