import { describe, expect, it } from 'vitest';

import type { RewardEntry } from '../../../src/shared/domain/chain';
import { SECONDS_PER_YEAR, computeAprByAddress } from '../../../src/main/chain/rewards/apr';
import { listRecentCompletedEpochs } from '../../../src/main/chain/rewards/inflationRewards';
import { getEpochOfSlot, getFirstSlotOfEpoch } from '../../../src/main/chain/stake/epochSchedule';

function paid(address: string, epoch: number, amount: bigint, postBalance: bigint): RewardEntry {
  return {
    address,
    epoch,
    status: 'paid',
    amount: amount.toString(),
    postBalance: postBalance.toString(),
    effectiveSlot: epoch * 100,
    commission: 5,
  };
}

function other(address: string, epoch: number, status: RewardEntry['status']): RewardEntry {
  return {
    address,
    epoch,
    status,
    amount: '0',
    postBalance: null,
    effectiveSlot: null,
    commission: null,
  };
}

describe('computeAprByAddress', () => {
  const day = 86_400;
  const durations = new Map([
    [1, day],
    [2, day],
    [3, day],
    [4, day],
  ]);

  it('annualizes the per-epoch rate over measured durations', () => {
    // 1 % per day for two days.
    const [result] = computeAprByAddress(
      [paid('A', 1, 10n, 1_010n), paid('A', 2, 10n, 1_010n)],
      durations,
    );

    expect(result?.epochsCounted).toBe(2);
    expect(result?.apr).toBeCloseTo((0.02 / (2 * day)) * SECONDS_PER_YEAR, 12);
  });

  it('counts a gap between payouts as zero', () => {
    const [result] = computeAprByAddress(
      [paid('A', 1, 10n, 1_010n), other('A', 2, 'none'), paid('A', 3, 10n, 1_010n)],
      durations,
    );

    expect(result?.epochsCounted).toBe(3);
    expect(result?.apr).toBeCloseTo((0.02 / (3 * day)) * SECONDS_PER_YEAR, 12);
  });

  it('ignores epochs before the first payout and unknown epochs', () => {
    const [result] = computeAprByAddress(
      [
        other('A', 1, 'none'),
        paid('A', 2, 10n, 1_010n),
        other('A', 3, 'unavailable'),
        other('A', 4, 'pending'),
      ],
      durations,
    );

    expect(result?.epochsCounted).toBe(1);
  });

  it('returns null without payouts', () => {
    expect(computeAprByAddress([other('B', 1, 'none')], durations)).toEqual([
      { address: 'B', apr: null, epochsCounted: 0 },
    ]);
  });
});

describe('listRecentCompletedEpochs', () => {
  it('lists completed epochs oldest first', () => {
    expect(listRecentCompletedEpochs(10, 3)).toEqual([7, 8, 9]);
    expect(listRecentCompletedEpochs(2, 5)).toEqual([0, 1]);
  });
});

describe('epoch schedule', () => {
  const warmup = {
    slotsPerEpoch: 8_192,
    leaderScheduleSlotOffset: 8_192,
    warmup: true,
    firstNormalEpoch: 8,
    firstNormalSlot: 8_160,
  };
  const flat = {
    ...warmup,
    warmup: false,
    firstNormalEpoch: 0,
    firstNormalSlot: 0,
    slotsPerEpoch: 432_000,
  };

  it('maps slots to epochs during warmup', () => {
    expect(getEpochOfSlot(warmup, 0n)).toBe(0n);
    expect(getEpochOfSlot(warmup, 31n)).toBe(0n);
    expect(getEpochOfSlot(warmup, 32n)).toBe(1n);
    expect(getEpochOfSlot(warmup, 8_159n)).toBe(7n);
    expect(getEpochOfSlot(warmup, 8_160n)).toBe(8n);
    expect(getEpochOfSlot(warmup, 8_160n + 8_192n)).toBe(9n);
  });

  it('maps slots to epochs without warmup', () => {
    expect(getEpochOfSlot(flat, 431_999n)).toBe(0n);
    expect(getEpochOfSlot(flat, 432_000n)).toBe(1n);
  });

  it('returns the first slot of an epoch', () => {
    expect(getFirstSlotOfEpoch(warmup, 1n)).toBe(32n);
    expect(getFirstSlotOfEpoch(warmup, 8n)).toBe(8_160n);
    expect(getFirstSlotOfEpoch(warmup, 9n)).toBe(8_160n + 8_192n);
    expect(getFirstSlotOfEpoch(flat, 2n)).toBe(864_000n);
  });
});
