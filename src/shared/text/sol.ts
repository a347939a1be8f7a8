const LAMPORTS_PER_SOL = 1_000_000_000n;

/**
 * Formats lamports (a decimal string) as SOL with up to 9 decimals and no trailing zeros,
 * in bigint arithmetic so no amount passes through floating point.
 */
export function formatSol(lamports: string): string {
  const value = BigInt(lamports);
  const whole = value / LAMPORTS_PER_SOL;
  const fraction = (value % LAMPORTS_PER_SOL).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole} SOL` : `${whole}.${fraction} SOL`;
}
