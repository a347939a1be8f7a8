/**
 * Status words the emulated device returns. The Solana app's values come from its `apdu.h`;
 * the OS and dashboard values come from Ledger's JavaScript error table and issue reports.
 */
export const StatusWord = {
  OK: 0x9000,
  /** SDK exception: the OS refused to derive the key (outside 44'/501' up to 1.9, or an unhardened index). */
  SDK_EXCEPTION: 0x6801,
  SDK_INVALID_PARAMETER: 0x6802,
  /** "SDK not supported": blind signing required but off, or a signing request with P1 = 0. */
  NOT_SUPPORTED: 0x6808,
  NO_APDU_RECEIVED: 0x6982,
  USER_REFUSED: 0x6985,
  INVALID_MESSAGE: 0x6a80,
  INVALID_MESSAGE_HEADER: 0x6a81,
  INVALID_MESSAGE_FORMAT: 0x6a82,
  INVALID_MESSAGE_SIZE: 0x6a83,
  /** Newer app line only: the path does not start with 44'/501'. */
  INVALID_DERIVATION_PATH: 0x6a84,
  UNIMPLEMENTED_INSTRUCTION: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  LOCKED_DEVICE: 0x5515,
  /** The person refused a prompt of the OS, such as opening an app. */
  USER_REFUSED_ON_DEVICE: 0x5501,
  APP_NOT_INSTALLED: 0x6807,
} as const;

export type StatusWordValue = (typeof StatusWord)[keyof typeof StatusWord];
