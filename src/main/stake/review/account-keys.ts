import type { ParsedMessage } from './message-parser';

/**
 * Returns every account of the message in index order: static keys, then each lookup
 * table's writable entries, then each table's read-only entries (the v0 loading order). A
 * lookup entry that `resolvedTables` does not cover reads `lookup:<table>:<index>`.
 */
export function accountKeysOf(
  message: ParsedMessage,
  resolvedTables: ReadonlyMap<string, readonly string[]> = new Map(),
): string[] {
  const lookupAddress = (table: string, index: number): string =>
    resolvedTables.get(table)?.[index] ?? `lookup:${table}:${index}`;

  const writable = message.lookupTables.flatMap((lookup) =>
    lookup.writableIndexes.map((index) => lookupAddress(lookup.table, index)),
  );
  const readonly = message.lookupTables.flatMap((lookup) =>
    lookup.readonlyIndexes.map((index) => lookupAddress(lookup.table, index)),
  );
  return [...message.staticKeys, ...writable, ...readonly];
}

export function isSignerIndex(message: ParsedMessage, index: number): boolean {
  return index < message.header.numRequiredSignatures;
}

/** Returns whether the message requests write access; the runtime still demotes sysvars and programs. */
export function isWritableIndex(message: ParsedMessage, index: number): boolean {
  const { header, staticKeys } = message;
  if (index < header.numRequiredSignatures) {
    return index < header.numRequiredSignatures - header.numReadonlySignedAccounts;
  }
  if (index < staticKeys.length) {
    return index < staticKeys.length - header.numReadonlyUnsignedAccounts;
  }

  const writableLookups = message.lookupTables.reduce(
    (sum, lookup) => sum + lookup.writableIndexes.length,
    0,
  );
  return index < staticKeys.length + writableLookups;
}

export function requiredSignersOf(message: ParsedMessage): string[] {
  return message.staticKeys.slice(0, message.header.numRequiredSignatures);
}
