import { describe, expect, it } from 'vitest';

import { parseJsonPreservingIntegers } from '../../../src/main/chain/rpc/parseJsonIntegers';

describe('parseJsonPreservingIntegers', () => {
  it('keeps small numbers as numbers', () => {
    expect(parseJsonPreservingIntegers('{"a":123,"b":-7,"c":1.5}')).toEqual({
      a: 123,
      b: -7,
      c: 1.5,
    });
  });

  it('turns long integers into strings', () => {
    expect(parseJsonPreservingIntegers('[9007199254740993,-12345678901234567]')).toEqual([
      '9007199254740993',
      '-12345678901234567',
    ]);
  });

  it('leaves long fractions and exponents alone', () => {
    expect(parseJsonPreservingIntegers('[0.12345678901234567, 1234567890123456e2]')).toEqual([
      Number('0.12345678901234567'),
      1234567890123456e2,
    ]);
  });

  it('ignores digits inside strings', () => {
    expect(
      parseJsonPreservingIntegers('{"s":"12345678901234567890","e":"a\\"12345678901234567"}'),
    ).toEqual({ s: '12345678901234567890', e: 'a"12345678901234567' });
  });

  it('rejects invalid JSON', () => {
    expect(() => parseJsonPreservingIntegers('{"a":')).toThrow(SyntaxError);
  });
});
