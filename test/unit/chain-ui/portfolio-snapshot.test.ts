import { describe, expect, it } from 'vitest';

import {
  buildOwnerBalances,
  canReuseRewards,
  computePortfolioTotals,
  emptyRewards,
  rewardAddressesOf,
  summarizeRewards,
} from '../../../src/main/api/chain/portfolio-snapshot';
import { summarizePortfolio } from '../../../src/main/chain';
import type { RewardEntry } from '../../../src/shared/domain/chain';
import { OTHER_OWNER, OWNER, stakeView } from './fixtures';

const accounts = [
  { publicKey: OWNER, derivationPath: "44'/501'/0'", name: 'Main' },
  { publicKey: OTHER_OWNER, derivationPath: "44'/501'/1'", name: '' },
];

function reward(address: string, epoch: number, status: RewardEntry['status'], amount = '0') {
  return {
    address,
    epoch,
    status,
    amount,
    postBalance: null,
    effectiveSlot: null,
    commission: null,
  } satisfies RewardEntry;
}

describe('buildOwnerBalances', () => {
  it('counts stake accounts per key once', () => {
    const views = [
      stakeView({ address: 'A1111111111111111111111111111111' }),
      stakeView({ address: 'B1111111111111111111111111111111', withdrawer: OTHER_OWNER }),
    ];
    const balances = new Map([
      [OWNER, 5n],
      [OTHER_OWNER, 7n],
    ]);

    const owners = buildOwnerBalances(accounts, views, balances, []);

    expect(owners.map((owner) => owner.stakeAccountCount)).toEqual([2, 1]);
    expect(owners.map((owner) => owner.lamports)).toEqual(['5', '7']);
    expect(owners[0]?.name).toBe('Main');
    expect(owners[1]?.path).toBe("44'/501'/1'");
  });

  it('keeps older balances when the read failed', () => {
    const previous = buildOwnerBalances(accounts, [], new Map([[OWNER, 9n]]), []);

    const owners = buildOwnerBalances(accounts, [], null, previous);

    expect(owners.map((owner) => owner.lamports)).toEqual(['9', null]);
  });
});

describe('computePortfolioTotals', () => {
  it('adds balances to stake', () => {
    const views = [
      stakeView({ address: 'A1111111111111111111111111111111' }),
      stakeView({
        address: 'B1111111111111111111111111111111',
        state: 'activating',
        lamports: '3002282880',
        effective: '0',
        activating: '3000000000',
        inactive: '3000000000',
      }),
    ];
    const owners = buildOwnerBalances(accounts, views, new Map([[OWNER, 1_500_000_000n]]), []);

    const totals = computePortfolioTotals(owners, summarizePortfolio(views));

    expect(totals.available).toBe('1500000000');
    expect(totals.staked).toBe('13004565760');
    expect(totals.total).toBe('14504565760');
    expect(totals.effective).toBe('10000000000');
    expect(totals.activating).toBe('3000000000');
  });

  it('keeps precision above 2^53 lamports', () => {
    const huge = '9007199254740993';
    const owners = buildOwnerBalances(accounts, [], new Map([[OWNER, BigInt(huge)]]), []);

    const totals = computePortfolioTotals(owners, summarizePortfolio([stakeView()]));

    expect(totals.total).toBe((BigInt(huge) + 10002282880n).toString());
  });
});

describe('summarizeRewards', () => {
  it('sums paid rewards per epoch and account', () => {
    const summary = summarizeRewards({
      epochs: [4, 5],
      entries: [
        reward(OWNER, 4, 'paid', '100'),
        reward(OTHER_OWNER, 4, 'none'),
        reward(OWNER, 5, 'paid', '120'),
        reward(OTHER_OWNER, 5, 'pending'),
      ],
      apr: [{ address: OWNER, apr: 0.07, epochsCounted: 2 }],
      readInEpoch: 6,
      fetchedAt: '2025-01-31T12:00:00.000Z',
    });

    expect(summary.byEpoch).toEqual([
      { epoch: 4, amount: '100', paidCount: 1, pendingCount: 0, unavailableCount: 0 },
      { epoch: 5, amount: '120', paidCount: 1, pendingCount: 1, unavailableCount: 0 },
    ]);
    expect(summary.byAccount).toEqual([
      { address: OWNER, amount: '220', lastEpochAmount: '120', apr: 0.07, epochsCounted: 2 },
      { address: OTHER_OWNER, amount: '0', lastEpochAmount: null, apr: null, epochsCounted: 0 },
    ]);
  });

  it('counts unavailable epochs', () => {
    const summary = summarizeRewards({
      epochs: [4],
      entries: [reward(OWNER, 4, 'unavailable')],
      apr: [],
      readInEpoch: 5,
      fetchedAt: '2025-01-31T12:00:00.000Z',
    });

    expect(summary.byEpoch[0]?.unavailableCount).toBe(1);
    expect(summary.byEpoch[0]?.amount).toBe('0');
  });
});

describe('canReuseRewards', () => {
  const read = summarizeRewards({
    epochs: [4, 5],
    entries: [reward(OWNER, 4, 'paid', '1'), reward(OWNER, 5, 'none')],
    apr: [],
    readInEpoch: 6,
    fetchedAt: '2025-01-31T12:00:00.000Z',
  });

  it('reuses a complete read of the same epoch', () => {
    expect(canReuseRewards(read, 6, [OWNER], 2)).toBe(true);
  });

  it.each([
    ['a new epoch', 7, [OWNER], 2],
    ['another account set', 6, [OWNER, OTHER_OWNER], 2],
    ['more epochs', 6, [OWNER], 3],
  ] as const)('reads again for %s', (_case, epoch, addresses, count) => {
    expect(canReuseRewards(read, epoch, addresses, count)).toBe(false);
  });

  it('reads again while an epoch is pending', () => {
    const pending = summarizeRewards({
      epochs: [5],
      entries: [reward(OWNER, 5, 'pending')],
      apr: [],
      readInEpoch: 6,
      fetchedAt: '2025-01-31T12:00:00.000Z',
    });

    expect(canReuseRewards(pending, 6, [OWNER], 1)).toBe(false);
  });

  it('reads without an earlier read', () => {
    expect(canReuseRewards(null, 6, [OWNER], 2)).toBe(false);
  });
});

describe('rewardAddressesOf', () => {
  const closed = '9aE476sH92Vz7DMPyq5WLPkrKWivxeuTKEFKd2sZZcde';
  const rewarded = summarizeRewards({
    epochs: [4, 5],
    entries: [reward(OWNER, 4, 'paid', '1'), reward(OTHER_OWNER, 4, 'none')],
    apr: [],
    readInEpoch: 6,
    fetchedAt: '2025-01-31T12:00:00.000Z',
  });

  it('keeps accounts gone since the last read', () => {
    const previous = { stakeAccounts: [stakeView({ address: closed })], rewards: rewarded };

    expect(rewardAddressesOf([OTHER_OWNER], previous).sort()).toEqual(
      [OTHER_OWNER, closed, OWNER].sort(),
    );
  });

  it('drops a gone account without rewards', () => {
    const previous = { stakeAccounts: [], rewards: rewarded };

    expect(rewardAddressesOf([], previous)).toEqual([OWNER]);
  });

  it('reads the current accounts without a snapshot', () => {
    expect(rewardAddressesOf([OWNER], null)).toEqual([OWNER]);
  });
});

describe('emptyRewards', () => {
  it('lists every epoch with nothing paid', () => {
    const rewards = emptyRewards([1, 2], 3, '2025-01-31T12:00:00.000Z');

    expect(rewards.byEpoch.map((entry) => entry.amount)).toEqual(['0', '0']);
    expect(rewards.byAccount).toEqual([]);
  });
});
