import { parseDerivationPath, type LedgerEmulator } from '../../support/ledger-emulator';

/** `[n][u32 BE …]` serialization of a path. */
export function pathBytes(path: string): number[] {
  const indexes = parseDerivationPath(path);
  const bytes = Buffer.alloc(1 + indexes.length * 4);
  bytes.writeUInt8(indexes.length, 0);
  indexes.forEach((index, position) => bytes.writeUInt32BE(index, 1 + position * 4));
  return [...bytes];
}

export function apdu(
  ins: number,
  p1: number,
  p2: number,
  data: readonly number[] = [],
): Uint8Array {
  return Uint8Array.from([0xe0, ins, p1, p2, data.length, ...data]);
}

/** Sends an APDU and returns its status word; the response must not wait for the person. */
export async function statusOf(emulator: LedgerEmulator, bytes: Uint8Array): Promise<number> {
  const response = await emulator.exchange(bytes);
  return Buffer.from(response).readUInt16BE(response.length - 2);
}
