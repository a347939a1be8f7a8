const DECIMALS = 9;
const decimalPattern = /^(\d*)(?:\.(\d*))?$/;

/**
 * Reads typed SOL as lamports for the form's own hints, digit by digit so no float rounds it.
 * Returns null for text that is not a plain decimal; the main process parses the amount again
 * and names what is wrong with it.
 */
export function lamportsFromSolText(text: string): bigint | null {
  const match = decimalPattern.exec(text.trim());
  if (match === null) {
    return null;
  }
  const whole = match[1] ?? '';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if ((whole === '' && fraction === '' && (match[2] ?? '') === '') || fraction.length > DECIMALS) {
    return null;
  }
  return BigInt(whole === '' ? '0' : whole) * 10n ** 9n + BigInt(fraction.padEnd(DECIMALS, '0'));
}

/** Writes lamports as plain SOL text for an input field, such as "1.5". */
export function solTextFromLamports(lamports: string): string {
  const value = BigInt(lamports);
  const whole = value / 10n ** 9n;
  const fraction = (value % 10n ** 9n).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}
