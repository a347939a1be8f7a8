import { describe, expect, it } from 'vitest';

import { computePortfolioTotals } from '../../../src/main/api/chain/portfolio-snapshot';
import { summarizePortfolio } from '../../../src/main/chain';
import { formatSol } from '../../../src/renderer/src/components/chain/amounts';
import {
  buildPortfolioBreakdown,
  type BreakdownRow,
} from '../../../src/renderer/src/components/chain/portfolio-breakdown';
import { OWNER, stakeView } from './fixtures';

const SOL = 1_000_000_000n;
const RENT = 2_282_880n;

// Amounts follow the domain's definitions: inactive = lamports − effective − rent reserve,
// so it contains the stake still activating, and deactivating is part of effective.
const accounts = [
  stakeView({ address: 'A1111111111111111111111111111111' }),
  stakeView({
    address: 'B1111111111111111111111111111111',
    state: 'activating',
    lamports: (5n * SOL + RENT).toString(),
    delegatedStake: (5n * SOL).toString(),
    effective: (1n * SOL).toString(),
    activating: (4n * SOL).toString(),
    inactive: (4n * SOL).toString(),
  }),
  stakeView({
    address: 'C1111111111111111111111111111111',
    state: 'deactivating',
    lamports: (3n * SOL + SOL / 2n + RENT).toString(),
    delegatedStake: (3n * SOL).toString(),
    effective: (3n * SOL).toString(),
    deactivating: (3n * SOL).toString(),
    inactive: (SOL / 2n).toString(),
    withdrawable: (SOL / 2n).toString(),
  }),
  stakeView({
    address: 'D1111111111111111111111111111111',
    kind: 'initialized',
    state: 'inactive',
    lamports: (2n * SOL + RENT).toString(),
    delegatedStake: '0',
    effective: '0',
    inactive: (2n * SOL).toString(),
    withdrawable: (2n * SOL + RENT).toString(),
    voter: null,
  }),
];

const owners = [
  {
    address: OWNER,
    name: 'Main',
    path: "44'/501'/0'",
    lamports: SOL.toString(),
    stakeAccountCount: 4,
  },
];

const rows = buildPortfolioBreakdown(computePortfolioTotals(owners, summarizePortfolio(accounts)));

function shown(key: string): string {
  const row = rows.find((entry) => entry.key === key);
  if (row === undefined) {
    throw new Error(`no breakdown row ${key}`);
  }
  return formatSol(row.lamports);
}

function sumOf(selected: BreakdownRow[]): bigint {
  return selected.reduce((sum, row) => sum + BigInt(row.lamports), 0n);
}

describe('buildPortfolioBreakdown', () => {
  it('shows each part once', () => {
    expect(shown('total')).toBe('21.50913152 SOL');
    expect(shown('available')).toBe('1 SOL');
    expect(shown('staked')).toBe('20.50913152 SOL');
    expect(shown('effective')).toBe('11 SOL');
    expect(shown('deactivating')).toBe('3 SOL');
    expect(shown('activating')).toBe('4 SOL');
    expect(shown('inactive')).toBe('2.5 SOL');
    expect(shown('rent')).toBe('0.00913152 SOL');
    expect(shown('withdrawable')).toBe('2.50228288 SOL');
  });

  it('adds the stake parts up to the staked total', () => {
    const parts = rows.filter((row) => row.level === 2);

    expect(parts.map((row) => row.key)).toEqual([
      'effective',
      'deactivating',
      'activating',
      'inactive',
      'rent',
    ]);
    expect(sumOf(parts)).toBe(5n * SOL * 4n + SOL / 2n + 4n * RENT);
    expect(sumOf(parts).toString()).toBe(rows.find((row) => row.key === 'staked')?.lamports);
  });

  it('adds available and staked up to the total', () => {
    const parts = rows.filter((row) => row.level === 1);

    expect(parts.map((row) => row.key)).toEqual(['available', 'staked']);
    expect(sumOf(parts).toString()).toBe(rows.find((row) => row.key === 'total')?.lamports);
  });

  it('keeps activating stake out of inactive', () => {
    const onlyActivating = buildPortfolioBreakdown(
      computePortfolioTotals([], summarizePortfolio([accounts[1] ?? stakeView()])),
    );
    const inactive = onlyActivating.find((row) => row.key === 'inactive');
    const activating = onlyActivating.find((row) => row.key === 'activating');

    expect(inactive?.lamports).toBe('0');
    expect(activating?.lamports).toBe((4n * SOL).toString());
  });

  it('lists every part as non-negative', () => {
    for (const row of rows) {
      expect(BigInt(row.lamports), row.key).toBeGreaterThanOrEqual(0n);
    }
  });
});
