/** How the app prints public keys: full base58, or the first and last seven characters. */
export type PubkeyDisplay = 'long' | 'short';

const LAMPORTS_PER_SOL = 1_000_000_000n;

/** Lamports as the app prints them: SOL with trailing zeros removed, then " SOL". */
export function formatLamports(lamports: bigint): string {
  const whole = lamports / LAMPORTS_PER_SOL;
  const fraction = (lamports % LAMPORTS_PER_SOL).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction.length > 0 ? `${whole}.${fraction} SOL` : `${whole} SOL`;
}

export function formatPubkey(base58: string, display: PubkeyDisplay): string {
  if (display === 'long') {
    return base58;
  }
  return `${base58.slice(0, 7)}..${base58.slice(-7)}`;
}

/** Unix seconds as the app prints them: UTC "YYYY-MM-DD HH:MM:SS". */
export function formatTimestamp(seconds: bigint): string {
  const iso = new Date(Number(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Seeds are printed as the raw bytes they hold. */
export function formatSeed(seed: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(seed);
}
