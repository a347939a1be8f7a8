const LAMPORTS_PER_SOL = 1_000_000_000n;
const solAmountPattern = /^(\d{1,12})(?:\.(\d{1,9}))?$/;

/**
 * Converts a SOL amount typed by a person ("1", "0.5", "2.000000001") to lamports, with
 * string arithmetic so that no floating-point rounding can change the amount. Returns null
 * for anything else: signs, exponents, more than nine decimals, or more than 12 whole digits.
 */
export function parseSolToLamports(text: string): bigint | null {
  const match = solAmountPattern.exec(text.trim());
  if (match === null) {
    return null;
  }
  const whole = BigInt(match[1] ?? '0');
  const fraction = BigInt((match[2] ?? '').padEnd(9, '0'));
  return whole * LAMPORTS_PER_SOL + fraction;
}
