export const SOLANA_CLA = 0xe0;

/** Instruction codes of the Solana app up to 1.9 (newer-line codes are not emulated). */
export const Ins = {
  DEPRECATED_GET_APP_CONFIGURATION: 0x01,
  DEPRECATED_GET_PUBKEY: 0x02,
  DEPRECATED_SIGN_MESSAGE: 0x03,
  GET_APP_CONFIGURATION: 0x04,
  GET_PUBKEY: 0x05,
  SIGN_MESSAGE: 0x06,
  SIGN_OFFCHAIN_MESSAGE: 0x07,
  GET_CHALLENGE: 0x20,
  PROVIDE_TRUSTED_NAME: 0x21,
  PROVIDE_DYNAMIC_DESCRIPTOR: 0x22,
} as const;

export const P1_NON_CONFIRM = 0x00;
export const P2_EXTEND = 0x01;
export const P2_MORE = 0x02;

const DEPRECATED = new Set<number>([
  Ins.DEPRECATED_GET_APP_CONFIGURATION,
  Ins.DEPRECATED_GET_PUBKEY,
  Ins.DEPRECATED_SIGN_MESSAGE,
]);

const MODERN = new Set<number>([
  Ins.GET_APP_CONFIGURATION,
  Ins.GET_PUBKEY,
  Ins.SIGN_MESSAGE,
  Ins.SIGN_OFFCHAIN_MESSAGE,
  Ins.GET_CHALLENGE,
  Ins.PROVIDE_TRUSTED_NAME,
  Ins.PROVIDE_DYNAMIC_DESCRIPTOR,
]);

export function isDeprecatedIns(ins: number): boolean {
  return DEPRECATED.has(ins);
}

export function isKnownIns(ins: number): boolean {
  return DEPRECATED.has(ins) || MODERN.has(ins);
}

/** Instructions whose payload may span several APDUs (EXTEND/MORE); others ignore EXTEND. */
export function allowsChunking(ins: number): boolean {
  return (
    ins === Ins.DEPRECATED_SIGN_MESSAGE ||
    ins === Ins.SIGN_MESSAGE ||
    ins === Ins.SIGN_OFFCHAIN_MESSAGE ||
    ins === Ins.PROVIDE_TRUSTED_NAME ||
    ins === Ins.PROVIDE_DYNAMIC_DESCRIPTOR
  );
}

export function takesNoPayload(ins: number): boolean {
  return (
    ins === Ins.DEPRECATED_GET_APP_CONFIGURATION ||
    ins === Ins.GET_APP_CONFIGURATION ||
    ins === Ins.GET_CHALLENGE
  );
}

export function startsWithDerivationPath(ins: number): boolean {
  return ins !== Ins.PROVIDE_TRUSTED_NAME && ins !== Ins.PROVIDE_DYNAMIC_DESCRIPTOR;
}

export function isPubkeyRequest(ins: number): boolean {
  return ins === Ins.GET_PUBKEY || ins === Ins.DEPRECATED_GET_PUBKEY;
}
