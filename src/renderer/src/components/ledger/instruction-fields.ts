import { formatSol } from './format';

export type AddressNamer = (address: string) => string;

/** Turns a camelCase key such as `newAuthority` into words: "new authority". */
export function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

// The compute unit price is in micro-lamports per compute unit, not an amount of SOL,
// so it must be checked before the general lamports rule (which its key also ends with).
const MICRO_LAMPORTS_KEY = /microlamports$/i;
const LAMPORTS_KEY = /lamports$/i;
const DIGITS = /^\d+$/;

/** Formats one field of a decoded instruction for the review. */
export function formatField(key: string, value: unknown, name: AddressNamer): string {
  if (value === null || value === undefined) {
    return 'none';
  }
  if (typeof value === 'string') {
    if (MICRO_LAMPORTS_KEY.test(key) && DIGITS.test(value)) {
      return `${value} micro-lamports per compute unit`;
    }
    return LAMPORTS_KEY.test(key) && DIGITS.test(value)
      ? `${formatSol(value)} (${value} lamports)`
      : name(value);
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'none'
      : value.map((item) => formatField(key, item, name)).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([innerKey, inner]) => `${words(innerKey)}: ${formatField(innerKey, inner, name)}`)
      .join('; ');
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
