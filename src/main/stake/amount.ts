import { WalletError } from '../../shared/errors';

export const LAMPORTS_PER_SOL = 1_000_000_000n;
export const SOL_DECIMALS = 9;
export const U64_MAX = 0xffff_ffff_ffff_ffffn;

const decimalPattern = /^(\d*)(?:\.(\d*))?$/;

export interface ParseSolAmountOptions {
  /** Accept "0"; off by default because every amount the wallet sends must be positive. */
  allowZero?: boolean;
}

/**
 * Parses a SOL amount typed by a person into lamports, digit by digit, so no floating-point
 * rounding can creep in. Accepts surrounding spaces, "1", "1.5", ".5" and "1.", and zeros
 * beyond the ninth decimal; rejects signs, exponents, separators and values above u64.
 *
 * @throws WalletError AMOUNT_EMPTY, AMOUNT_NEGATIVE, AMOUNT_NOT_DECIMAL,
 *   AMOUNT_TOO_MANY_DECIMALS, AMOUNT_TOO_LARGE or AMOUNT_ZERO, each naming the input.
 */
export function parseSolAmount(input: string, options: ParseSolAmountOptions = {}): bigint {
  const text = input.trim();

  if (text === '') {
    throw new WalletError('AMOUNT_EMPTY', { input }, 'Enter an amount in SOL.');
  }
  if (text.startsWith('-')) {
    throw new WalletError('AMOUNT_NEGATIVE', { input }, `The amount "${input}" is negative.`);
  }

  const match = decimalPattern.exec(text);
  const whole = match?.[1] ?? '';
  const fraction = (match?.[2] ?? '').replace(/0+$/, '');
  if (match === null || (whole === '' && (match[2] ?? '') === '')) {
    throw new WalletError(
      'AMOUNT_NOT_DECIMAL',
      { input },
      `The amount "${input}" is not a decimal number such as 1.5.`,
    );
  }
  if (fraction.length > SOL_DECIMALS) {
    throw new WalletError(
      'AMOUNT_TOO_MANY_DECIMALS',
      { input, maxDecimals: SOL_DECIMALS },
      `The amount "${input}" has more than ${SOL_DECIMALS} decimal places.`,
    );
  }

  const lamports =
    BigInt(whole === '' ? '0' : whole) * LAMPORTS_PER_SOL +
    BigInt(fraction.padEnd(SOL_DECIMALS, '0'));

  if (lamports > U64_MAX) {
    throw new WalletError(
      'AMOUNT_TOO_LARGE',
      { input, maxLamports: U64_MAX.toString() },
      `The amount "${input}" is above the largest possible balance of ${formatSol(U64_MAX)}.`,
    );
  }
  if (lamports === 0n && options.allowZero !== true) {
    throw new WalletError('AMOUNT_ZERO', { input }, 'Enter an amount greater than 0 SOL.');
  }
  return lamports;
}

/**
 * Formats lamports as SOL the way the Ledger Solana app does: up to 9 decimals with trailing
 * zeros and a trailing point removed, so 2 078 000 000 reads "2.078" and 10^9 reads "1".
 */
export function formatLamports(lamports: bigint): string {
  if (lamports < 0n) {
    throw new RangeError(`lamports must not be negative, got ${lamports}`);
  }

  const whole = lamports / LAMPORTS_PER_SOL;
  const fraction = (lamports % LAMPORTS_PER_SOL)
    .toString()
    .padStart(SOL_DECIMALS, '0')
    .replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

/** Formats lamports as the device's amount text, for example "1.00228288 SOL". */
export function formatSol(lamports: bigint): string {
  return `${formatLamports(lamports)} SOL`;
}
