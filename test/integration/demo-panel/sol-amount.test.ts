import { describe, expect, it } from 'vitest';

import { parseSolToLamports } from '../../support/demo-panel';

describe('parseSolToLamports', () => {
  it('converts whole and fractional SOL exactly', () => {
    expect(parseSolToLamports('1')).toBe(1_000_000_000n);
    expect(parseSolToLamports('0.5')).toBe(500_000_000n);
    expect(parseSolToLamports(' 2.000000001 ')).toBe(2_000_000_001n);
    expect(parseSolToLamports('0.1')).toBe(100_000_000n);
    expect(parseSolToLamports('999999999999.999999999')).toBe(999_999_999_999_999_999_999n);
  });

  it('returns null for text that is not a plain SOL amount', () => {
    for (const text of ['', '.5', '1.', '-1', '1e3', '0.0000000001', '1,5', '1000000000000']) {
      expect(parseSolToLamports(text), text).toBeNull();
    }
  });
});
