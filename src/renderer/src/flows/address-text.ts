const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const PUBLIC_KEY_BYTES = 32;

/** Returns the number of bytes `text` decodes to in base58, or null if it is not base58. */
export function base58ByteLength(text: string): number | null {
  let value = 0n;
  let leadingZeros = 0;
  let seenDigit = false;
  for (const character of text) {
    const digit = BASE58_ALPHABET.indexOf(character);
    if (digit < 0) {
      return null;
    }
    // Each leading "1" encodes one zero byte, which the number itself does not show.
    if (digit === 0 && !seenDigit) {
      leadingZeros += 1;
      continue;
    }
    seenDigit = true;
    value = value * 58n + BigInt(digit);
  }
  const valueBytes = value === 0n ? 0 : Math.ceil(value.toString(16).length / 2);
  return leadingZeros + valueBytes;
}

/**
 * Checks a typed Solana address before anything is read from the cluster. Returns null for
 * a valid address, or a message naming the field, the value and what a valid address is.
 */
export function addressProblem(field: string, text: string): string | null {
  const length = base58ByteLength(text);
  if (length === PUBLIC_KEY_BYTES) {
    return null;
  }
  const reason =
    length === null
      ? 'contains characters that are not base58'
      : `decodes to ${length} bytes instead of ${PUBLIC_KEY_BYTES}`;
  return `${field}: "${text}" is not a Solana address because it ${reason}. A Solana address is 32 to 44 base58 characters (no 0, O, I or l) that decode to 32 bytes. Copy the whole address again.`;
}
