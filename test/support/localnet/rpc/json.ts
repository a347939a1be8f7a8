/** A JSON value whose integers may be bigints, written as plain JSON numbers. */
export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | JsonValue[]
  | { [key: string]: JsonValue | undefined };

/**
 * Serializes `value` like JSON.stringify, but writes bigints as exact integer literals, as
 * Solana RPC nodes write u64 fields. Object properties that are undefined are left out.
 */
export function stringifyJson(value: JsonValue): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  }
  if (typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(stringifyJson).join(',')}]`;
  }
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) {
      members.push(`${JSON.stringify(key)}:${stringifyJson(member)}`);
    }
  }
  return `{${members.join(',')}}`;
}
