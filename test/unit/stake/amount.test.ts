import { describe, expect, it } from 'vitest';

import { formatLamports, formatSol, parseSolAmount, U64_MAX } from '../../../src/main/stake';
import { isWalletError } from '../../../src/shared/errors';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isWalletError(error)) {
      return error.code;
    }
    throw error;
  }
  return 'no error';
}

describe('parseSolAmount', () => {
  it.each([
    ['1', 1_000_000_000n],
    ['1.5', 1_500_000_000n],
    ['0.000000001', 1n],
    ['.5', 500_000_000n],
    ['2.', 2_000_000_000n],
    ['  3.25  ', 3_250_000_000n],
    ['007.1', 7_100_000_000n],
    ['1.0000000000000', 1_000_000_000n],
    ['1.57', 1_570_000_000n],
    ['18446744073.709551615', U64_MAX],
  ])('parses %j exactly', (input, lamports) => {
    expect(parseSolAmount(input)).toBe(lamports);
  });

  it('keeps amounts exact where floating point would not', () => {
    expect(parseSolAmount('0.1') + parseSolAmount('0.2')).toBe(parseSolAmount('0.3'));
    expect(parseSolAmount('9007199.254740993')).toBe(9_007_199_254_740_993n);
  });

  it.each([
    ['', 'AMOUNT_EMPTY'],
    ['   ', 'AMOUNT_EMPTY'],
    ['-1', 'AMOUNT_NEGATIVE'],
    ['-0.5', 'AMOUNT_NEGATIVE'],
    ['1e9', 'AMOUNT_NOT_DECIMAL'],
    ['1E-3', 'AMOUNT_NOT_DECIMAL'],
    ['+1', 'AMOUNT_NOT_DECIMAL'],
    ['1,5', 'AMOUNT_NOT_DECIMAL'],
    ['1 000', 'AMOUNT_NOT_DECIMAL'],
    ['.', 'AMOUNT_NOT_DECIMAL'],
    ['1.2.3', 'AMOUNT_NOT_DECIMAL'],
    ['abc', 'AMOUNT_NOT_DECIMAL'],
    ['0x10', 'AMOUNT_NOT_DECIMAL'],
    ['Infinity', 'AMOUNT_NOT_DECIMAL'],
    ['NaN', 'AMOUNT_NOT_DECIMAL'],
    ['１', 'AMOUNT_NOT_DECIMAL'],
    ['0.0000000001', 'AMOUNT_TOO_MANY_DECIMALS'],
    ['1.1234567891', 'AMOUNT_TOO_MANY_DECIMALS'],
    ['18446744073.709551616', 'AMOUNT_TOO_LARGE'],
    ['99999999999999999999', 'AMOUNT_TOO_LARGE'],
    ['0', 'AMOUNT_ZERO'],
    ['0.000', 'AMOUNT_ZERO'],
  ])('rejects %j with %s', (input, code) => {
    expect(codeOf(() => parseSolAmount(input))).toBe(code);
  });

  it('accepts zero when asked to', () => {
    expect(parseSolAmount('0', { allowZero: true })).toBe(0n);
  });

  it('names the input and the limit in the error', () => {
    try {
      parseSolAmount('1.1234567891');
      expect.unreachable();
    } catch (error) {
      expect(isWalletError(error)).toBe(true);
      if (isWalletError(error)) {
        expect(error.context).toEqual({ input: '1.1234567891', maxDecimals: 9 });
        expect(error.message).toContain('1.1234567891');
      }
    }
  });
});

describe('formatLamports', () => {
  it.each([
    [0n, '0'],
    [1n, '0.000000001'],
    [1_000_000_000n, '1'],
    [2_078_000_000n, '2.078'],
    [1_002_282_880n, '1.00228288'],
    [5_000n, '0.000005'],
    [5_050n, '0.00000505'],
    [U64_MAX, '18446744073.709551615'],
  ])('formats %s lamports as %s like the device', (lamports, text) => {
    expect(formatLamports(lamports)).toBe(text);
  });

  it('adds the SOL suffix', () => {
    expect(formatSol(85_000n)).toBe('0.000085 SOL');
  });

  it('round-trips with the parser', () => {
    for (const lamports of [1n, 999_999_999n, 1_000_000_001n, 123_456_789_012n]) {
      expect(parseSolAmount(formatLamports(lamports))).toBe(lamports);
    }
  });

  it('rejects negative lamports', () => {
    expect(() => formatLamports(-1n)).toThrow(RangeError);
  });
});
