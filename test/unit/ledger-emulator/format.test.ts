import { describe, expect, it } from 'vitest';
import { formatLamports, formatPubkey, formatTimestamp } from '../../support/ledger-emulator';

describe('formatLamports', () => {
  it.each([
    [0n, '0 SOL'],
    [1n, '0.000000001 SOL'],
    [1_000_000_000n, '1 SOL'],
    [2_078_000_000n, '2.078 SOL'],
    [5_050n, '0.00000505 SOL'],
    [18_446_744_073_709_551_615n, '18446744073.709551615 SOL'],
  ])('prints %s lamports as %s', (lamports, expected) => {
    expect(formatLamports(lamports)).toBe(expected);
  });
});

describe('formatPubkey', () => {
  const key = '3CnKZPQdmx7JqLXXhhnU9GQjz2N3PUGqb4ECWngUxqkg';

  it('prints the whole key in long mode', () => {
    expect(formatPubkey(key, 'long')).toBe(key);
  });

  it('prints seven characters each side in short mode', () => {
    expect(formatPubkey(key, 'short')).toBe('3CnKZPQ..ngUxqkg');
  });
});

describe('formatTimestamp', () => {
  it('prints UTC date and time', () => {
    expect(formatTimestamp(1_735_689_600n)).toBe('2025-01-01 00:00:00');
  });
});
