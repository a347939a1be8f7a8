import { concatBytes } from './bytes';

export const OS_CLA = 0xb0;
export const OS_INS_GET_APP_AND_VERSION = 0x01;
export const OS_INS_QUIT_APP = 0xa7;
export const DASHBOARD_INS_OPEN_APP = 0xd8;

/** Name the dashboard reports through `B0 01`. */
export const DASHBOARD_NAME = 'BOLOS';

const encoder = new TextEncoder();

/** `B0 01` reply: format 1, then length-prefixed name, version and flags. */
export function appAndVersionReply(name: string, version: string, flags: number): Uint8Array {
  const nameBytes = encoder.encode(name);
  const versionBytes = encoder.encode(version);
  return concatBytes(
    Uint8Array.of(0x01, nameBytes.length),
    nameBytes,
    Uint8Array.of(versionBytes.length),
    versionBytes,
    Uint8Array.of(1, flags),
  );
}

export function withStatusWord(data: Uint8Array, statusWord: number): Uint8Array {
  return concatBytes(data, Uint8Array.of((statusWord >> 8) & 0xff, statusWord & 0xff));
}
