import { describe, expect, it } from 'vitest';

import type { PortfolioSnapshot } from '../../../src/shared/contract/chain';
import {
  buildStakeAccountRows,
  computeActivationProgress,
  emptyStakeAccountFilter,
  filterStakeAccountRows,
  sortStakeAccountRows,
} from '../../../src/renderer/src/components/chain/stake-account-rows';
import { summarizePortfolio } from '../../../src/main/chain';
import { OTHER_OWNER, OWNER, VOTER, stakeView } from './fixtures';

const active = stakeView({ address: 'A1111111111111111111111111111111', lamports: '30' });
const activating = stakeView({
  address: 'B1111111111111111111111111111111',
  state: 'activating',
  lamports: '200',
  delegatedStake: '100',
  effective: '25',
  activating: '75',
  voter: 'GpbB83kDAMnGQfBFd6e1eCGUcrWkcSmSY774Rmawf56u',
});
const inactive = stakeView({
  address: 'C1111111111111111111111111111111',
  kind: 'initialized',
  state: 'inactive',
  lamports: '10',
  withdrawable: '10',
  voter: null,
  withdrawer: OTHER_OWNER,
  stale: true,
  fetchedAt: '2025-01-31T11:00:00.000Z',
});

function snapshotOf(views = [active, activating, inactive]): PortfolioSnapshot {
  const summary = summarizePortfolio(views);
  return {
    meta: {
      cluster: 'localnet',
      endpoint: 'http://127.0.0.1:8899',
      slot: 500,
      epoch: 5,
      fetchedAt: '2025-01-31T12:00:00.000Z',
    },
    owners: [
      { address: OWNER, name: 'Main', path: "44'/501'/0'", lamports: '1', stakeAccountCount: 3 },
      { address: OTHER_OWNER, name: '', path: "44'/501'/1'", lamports: '1', stakeAccountCount: 1 },
    ],
    stakeAccounts: views,
    summary,
    totals: {
      total: '0',
      available: '0',
      staked: '0',
      effective: '0',
      activating: '0',
      deactivating: '0',
      inactive: '0',
      withdrawable: '0',
    },
    rewards: null,
    undecodable: [],
    warnings: [],
  };
}

const now = Date.parse('2025-01-31T12:00:30.000Z');
const names = new Map([[VOTER, 'Aurora Staking']]);

describe('computeActivationProgress', () => {
  it('is the effective share while activating', () => {
    expect(computeActivationProgress(activating)).toBe(0.25);
  });

  it('is null once active', () => {
    expect(computeActivationProgress(active)).toBeNull();
  });

  it('is the remaining share while deactivating', () => {
    const view = stakeView({ state: 'deactivating', effective: '2500000000' });

    expect(computeActivationProgress(view)).toBe(0.25);
  });
});

describe('buildStakeAccountRows', () => {
  it('adds names, owners and ages', () => {
    const rows = buildStakeAccountRows(snapshotOf(), names, now);

    expect(rows.map((row) => row.validatorName)).toEqual(['Aurora Staking', null, null]);
    expect(rows.map((row) => row.controlledBy)).toEqual([
      ['Main'],
      ['Main'],
      ['Main', "44'/501'/1'"],
    ]);
    expect(rows.map((row) => row.ageSeconds)).toEqual([30, 30, 3630]);
  });
});

describe('filterStakeAccountRows', () => {
  const rows = buildStakeAccountRows(snapshotOf(), names, now);
  const addresses = (filter: Partial<typeof emptyStakeAccountFilter>) =>
    filterStakeAccountRows(rows, { ...emptyStakeAccountFilter, ...filter }).map(
      (row) => row.view.address[0],
    );

  it.each([
    ['state', { state: 'activating' }, ['B']],
    ['owner', { owner: OTHER_OWNER }, ['C']],
    ['withdrawable', { onlyWithdrawable: true }, ['C']],
    ['stale', { onlyStale: true }, ['C']],
    ['validator name', { text: 'aurora' }, ['A']],
    ['voter address', { text: 'GpbB83' }, ['B']],
    ['no filter', {}, ['A', 'B', 'C']],
  ] as const)('filters by %s', (_case, filter, expected) => {
    expect(addresses(filter)).toEqual(expected);
  });
});

describe('sortStakeAccountRows', () => {
  const rows = buildStakeAccountRows(snapshotOf(), names, now);
  const order = (key: Parameters<typeof sortStakeAccountRows>[1]['key'], ascending: boolean) =>
    sortStakeAccountRows(rows, { key, direction: ascending ? 'ascending' : 'descending' }).map(
      (row) => row.view.address[0],
    );

  it('sorts lamports as numbers', () => {
    expect(order('lamports', true)).toEqual(['C', 'A', 'B']);
    expect(order('lamports', false)).toEqual(['B', 'A', 'C']);
  });

  it('puts missing values last', () => {
    expect(order('progress', true)).toEqual(['B', 'A', 'C']);
    expect(order('progress', false)).toEqual(['B', 'A', 'C']);
  });

  it('sorts by age', () => {
    expect(order('age', false)).toEqual(['C', 'A', 'B']);
  });
});
