/**
 * Status words the Solana app (LedgerHQ/app-solana, 1.9 and later), the device OS and the
 * dashboard return. Ledger publishes no table of the OS values, so those follow
 * `@ledgerhq/errors` and the values other wallets report from real devices.
 */
export const StatusWord = {
  OK: 0x9000,

  USER_REFUSED: 0x6985,
  /** The OS refused on the person's behalf, for example an open-app prompt. */
  USER_REFUSED_ON_DEVICE: 0x5501,

  /** App: SDK "not supported"; blind signing is off for a message it cannot show. */
  BLIND_SIGNING_REQUIRED: 0x6808,
  INVALID_MESSAGE: 0x6a80,
  /** App: wrong CLA, or the derived key is not a required signer of the message. */
  INVALID_MESSAGE_HEADER: 0x6a81,
  INVALID_OFFCHAIN_MESSAGE_FORMAT: 0x6a82,
  INVALID_MESSAGE_SIZE: 0x6a83,
  /** Newer app line: invalid derivation path. */
  INVALID_DERIVATION_PATH: 0x6a84,
  INCORRECT_LENGTH: 0x6700,
  UNIMPLEMENTED_INSTRUCTION: 0x6d00,
  SUMMARY_FINALIZE_FAILED: 0x6f00,
  SUMMARY_UPDATE_FAILED: 0x6f01,

  LOCKED_DEVICE: 0x5515,
  /** Older firmwares: security status not satisfied, which meant locked. */
  SECURITY_STATUS_NOT_SATISFIED: 0x6982,
  LOCKED_DEVICE_LEGACY: 0x6b0c,

  CLA_NOT_SUPPORTED: 0x6e00,
  CLA_NOT_SUPPORTED_BOOTLOADER: 0x6e01,
  APP_NOT_OPEN: 0x6511,

  DEVICE_BUSY: 0x6601,
  OS_UI_IN_FOREGROUND: 0x6901,
} as const;

/** Formats a status word for logs and error context, for example `0x6985`. */
export function formatStatusWord(statusWord: number): string {
  return `0x${statusWord.toString(16).padStart(4, '0')}`;
}

/** Reads the status word from the last two bytes of a device response. */
export function readStatusWord(response: Uint8Array): number {
  if (response.length < 2) {
    throw new RangeError(`A device response needs a 2-byte status word; got ${response.length}`);
  }
  const high = response[response.length - 2] ?? 0;
  const low = response[response.length - 1] ?? 0;
  return (high << 8) | low;
}
