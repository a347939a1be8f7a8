const LAMPORTS_PER_SOL = 1_000_000_000n;

/**
 * Formats lamports (a decimal string) as a SOL number with thousands separators and up to
 * nine decimals, trailing zeros dropped, for example "1,250.5". The arithmetic is bigint, so
 * the text is exact.
 */
export function formatSolDigits(lamports: string): string {
  const value = BigInt(lamports);
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  const whole = (magnitude / LAMPORTS_PER_SOL).toLocaleString('en-US');
  const fraction = (magnitude % LAMPORTS_PER_SOL).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** Formats lamports as SOL with its unit, for example "1,250.5 SOL". */
export function formatSol(lamports: string): string {
  return `${formatSolDigits(lamports)} SOL`;
}

/** Orders two lamport strings by value. */
export function compareLamports(left: string, right: string): number {
  const difference = BigInt(left) - BigInt(right);
  if (difference === 0n) {
    return 0;
  }
  return difference > 0n ? 1 : -1;
}

/**
 * Converts lamports to SOL as a floating-point number. Only for the geometry of charts:
 * above 2^53 lamports (about 9 million SOL) the value is rounded, so text never uses it.
 */
export function toChartSol(lamports: string): number {
  return Number(BigInt(lamports)) / Number(LAMPORTS_PER_SOL);
}

/** Formats a fraction (0.0712) as a percentage with `digits` decimals, or a dash when unknown. */
export function formatPercent(fraction: number | null, digits = 2): string {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(digits)} %`;
}

/** Shortens a base-58 address to its first and last four characters, for narrow cells. */
export function shortenAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 4)}…${address.slice(-4)}`;
}
