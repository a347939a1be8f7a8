import { describe, expect, it } from 'vitest';

import { formatAge } from '../../../src/renderer/src/components/chain/age';
import {
  compareLamports,
  formatSol,
  formatSolDigits,
  shortenAddress,
} from '../../../src/renderer/src/components/chain/amounts';
import {
  describeLimitProblem,
  nextSort,
  parseLimit,
  sortRows,
} from '../../../src/renderer/src/components/chain/sorting';

describe('formatSol', () => {
  it.each([
    ['0', '0 SOL'],
    ['1', '0.000000001 SOL'],
    ['1500000000', '1.5 SOL'],
    ['150000002845772', '150,000.002845772 SOL'],
    ['18446744073709551615', '18,446,744,073.709551615 SOL'],
  ])('formats %s lamports', (lamports, text) => {
    expect(formatSol(lamports)).toBe(text);
  });

  it('leaves out the unit in digits', () => {
    expect(formatSolDigits('2282880')).toBe('0.00228288');
  });
});

describe('compareLamports', () => {
  it('compares beyond 2^53', () => {
    expect(compareLamports('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareLamports('5', '5')).toBe(0);
    expect(compareLamports('10', '9')).toBe(1);
  });
});

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [45, '45 s ago'],
    [125, '2 min ago'],
    [7_200, '2 h ago'],
    [3 * 86_400, '3 days ago'],
  ])('formats %i seconds', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});

describe('sortRows', () => {
  it('keeps equal rows in order and nulls last', () => {
    const rows = [
      { id: 'a', value: 2 },
      { id: 'b', value: null },
      { id: 'c', value: 1 },
      { id: 'd', value: 2 },
    ];

    const ascending = sortRows(rows, (row) => row.value, 'ascending').map((row) => row.id);
    const descending = sortRows(rows, (row) => row.value, 'descending').map((row) => row.id);

    expect(ascending).toEqual(['c', 'a', 'd', 'b']);
    expect(descending).toEqual(['a', 'd', 'c', 'b']);
  });

  it('compares bigints', () => {
    const rows = [10n ** 20n, 3n, 10n ** 19n];

    expect(sortRows(rows, (row) => row, 'ascending')).toEqual([3n, 10n ** 19n, 10n ** 20n]);
  });
});

describe('nextSort', () => {
  it('flips the same column', () => {
    expect(nextSort({ key: 'a', direction: 'ascending' }, 'a', 'descending')).toEqual({
      key: 'a',
      direction: 'descending',
    });
  });

  it('starts a new column in its first direction', () => {
    expect(nextSort({ key: 'a', direction: 'ascending' }, 'b', 'descending')).toEqual({
      key: 'b',
      direction: 'descending',
    });
  });
});

describe('parseLimit', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['5', 5],
    ['0.5', 0.5],
    ['abc', null],
  ])('parses %j', (text, value) => {
    expect(parseLimit(text)).toBe(value);
  });
});

describe('describeLimitProblem', () => {
  it.each([
    ['', 100, null],
    ['5', 100, null],
    ['abc', null, '"abc" is not a number.'],
    ['1e400', null, '1e400 is too large to compare with.'],
    ['-5', 100, '-5 is below zero, and no validator has a negative value here.'],
    ['150', 100, '150 is above 100 %, which no validator can exceed.'],
    ['150', null, null],
  ] as const)('checks %j with bound %j', (text, bound, problem) => {
    expect(describeLimitProblem(text, bound)).toBe(problem);
  });
});

describe('shortenAddress', () => {
  it('keeps both ends', () => {
    expect(shortenAddress('2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH')).toBe('2SjB…mTKH');
  });
});
