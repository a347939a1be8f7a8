import { describe, expect, it } from 'vitest';

import type { StakeHistoryEntry } from '../../../src/main/chain/decode/stakeHistory';
import { EPOCH_NOT_SET } from '../../../src/main/chain/decode/stakeState';
import {
  computeStakeActivation,
  warmupCooldownRate,
} from '../../../src/main/chain/stake/activation';

type Row = [epoch: number, effective: bigint, activating: bigint, deactivating: bigint];

function history(rows: Row[]): Map<bigint, StakeHistoryEntry> {
  return new Map(
    rows.map(([epoch, effective, activating, deactivating]) => [
      BigInt(epoch),
      { effective, activating, deactivating },
    ]),
  );
}

const OLD_RATE_ONLY = null;
const NEW_RATE_FROM_GENESIS = 0n;

describe('warmupCooldownRate', () => {
  it('switches at the feature epoch', () => {
    expect(warmupCooldownRate(99n, 100n)).toBe(0.25);
    expect(warmupCooldownRate(100n, 100n)).toBe(0.09);
    expect(warmupCooldownRate(5_000n, null)).toBe(0.25);
  });
});

describe('computeStakeActivation', () => {
  it('treats bootstrap stake as fully effective', () => {
    const result = computeStakeActivation(
      { stake: 500n, activationEpoch: EPOCH_NOT_SET, deactivationEpoch: EPOCH_NOT_SET },
      3n,
      history([]),
      OLD_RATE_ONLY,
    );

    expect(result).toEqual({ effective: 500n, activating: 0n, deactivating: 0n });
  });

  it('reports all activating in the delegation epoch', () => {
    const result = computeStakeActivation(
      { stake: 500n, activationEpoch: 10n, deactivationEpoch: EPOCH_NOT_SET },
      10n,
      history([]),
      OLD_RATE_ONLY,
    );

    expect(result).toEqual({ effective: 0n, activating: 500n, deactivating: 0n });
  });

  it('reports nothing before the delegation epoch', () => {
    const result = computeStakeActivation(
      { stake: 500n, activationEpoch: 10n, deactivationEpoch: EPOCH_NOT_SET },
      9n,
      history([]),
      OLD_RATE_ONLY,
    );

    expect(result).toEqual({ effective: 0n, activating: 0n, deactivating: 0n });
  });

  // Cluster: 1000 effective at epoch 10 with our 500 activating; 25 % rate.
  // Epoch 11: 1000 × 0.25 = 250 becomes effective; epoch 12: 1250 × 0.25 = 312.5 ≥ 250 left.
  const warmupHistory = history([
    [10, 1000n, 500n, 0n],
    [11, 1250n, 250n, 0n],
    [12, 1500n, 0n, 0n],
  ]);
  const warming = { stake: 500n, activationEpoch: 10n, deactivationEpoch: EPOCH_NOT_SET };

  it('warms up over several epochs', () => {
    expect(computeStakeActivation(warming, 11n, warmupHistory, OLD_RATE_ONLY)).toEqual({
      effective: 250n,
      activating: 250n,
      deactivating: 0n,
    });
    expect(computeStakeActivation(warming, 12n, warmupHistory, OLD_RATE_ONLY)).toEqual({
      effective: 500n,
      activating: 0n,
      deactivating: 0n,
    });
    expect(computeStakeActivation(warming, 40n, warmupHistory, OLD_RATE_ONLY)).toEqual({
      effective: 500n,
      activating: 0n,
      deactivating: 0n,
    });
  });

  it('shares the allowance pro rata', () => {
    // 2000 activating cluster-wide, ours is 500 (a quarter): 0.25 × 1000 × 0.25 = 62.5 → 62.
    const shared = history([[10, 1000n, 2000n, 0n]]);

    const result = computeStakeActivation(warming, 11n, shared, OLD_RATE_ONLY);

    expect(result).toEqual({ effective: 62n, activating: 438n, deactivating: 0n });
  });

  it('applies the 9 % rate after the feature epoch', () => {
    // 1000 × 0.09 = 90 at epoch 11.
    const result = computeStakeActivation(warming, 11n, warmupHistory, NEW_RATE_FROM_GENESIS);

    expect(result).toEqual({ effective: 90n, activating: 410n, deactivating: 0n });
  });

  it('uses the rate of each epoch across the switch', () => {
    // Epoch 11 at 25 %: 250. Epoch 12 at 9 %: 1250 × 0.09 = 112.5 → 112, total 362.
    const result = computeStakeActivation(warming, 12n, warmupHistory, 12n);

    expect(result).toEqual({ effective: 362n, activating: 138n, deactivating: 0n });
  });

  it('grants at least one lamport per epoch', () => {
    // 1 × 0.25 × (5 / 1e12) rounds down to 0, and the runtime grants 1.
    const tiny = history([[10, 1n, 1_000_000_000_000n, 0n]]);

    const result = computeStakeActivation(
      { stake: 5n, activationEpoch: 10n, deactivationEpoch: EPOCH_NOT_SET },
      11n,
      tiny,
      OLD_RATE_ONLY,
    );

    expect(result).toEqual({ effective: 1n, activating: 4n, deactivating: 0n });
  });

  it('treats stake older than the history as effective', () => {
    const result = computeStakeActivation(
      { stake: 500n, activationEpoch: 3n, deactivationEpoch: EPOCH_NOT_SET },
      900n,
      history([[899, 10n, 0n, 0n]]),
      OLD_RATE_ONLY,
    );

    expect(result).toEqual({ effective: 500n, activating: 0n, deactivating: 0n });
  });

  it('reports nothing for stake deactivated in its delegation epoch', () => {
    const sameEpoch = { stake: 500n, activationEpoch: 10n, deactivationEpoch: 10n };

    expect(computeStakeActivation(sameEpoch, 10n, warmupHistory, OLD_RATE_ONLY)).toEqual({
      effective: 0n,
      activating: 0n,
      deactivating: 0n,
    });
    expect(computeStakeActivation(sameEpoch, 12n, warmupHistory, OLD_RATE_ONLY)).toEqual({
      effective: 0n,
      activating: 0n,
      deactivating: 0n,
    });
  });

  // Cooldown at 9 %: our 1000 of 2000 effective deactivates at epoch 20.
  // Epoch 21: 2000 × 0.09 = 180 released → 820. Epoch 22: 1820 × 0.09 = 163.8 → 163 → 657.
  const cooldownHistory = history([
    [5, 0n, 1000n, 0n],
    [20, 2000n, 0n, 1000n],
    [21, 1820n, 0n, 820n],
  ]);
  const cooling = { stake: 1000n, activationEpoch: EPOCH_NOT_SET, deactivationEpoch: 20n };

  it('cools down over several epochs', () => {
    expect(computeStakeActivation(cooling, 20n, cooldownHistory, NEW_RATE_FROM_GENESIS)).toEqual({
      effective: 1000n,
      activating: 0n,
      deactivating: 1000n,
    });
    expect(computeStakeActivation(cooling, 21n, cooldownHistory, NEW_RATE_FROM_GENESIS)).toEqual({
      effective: 820n,
      activating: 0n,
      deactivating: 820n,
    });
    expect(computeStakeActivation(cooling, 22n, cooldownHistory, NEW_RATE_FROM_GENESIS)).toEqual({
      effective: 657n,
      activating: 0n,
      deactivating: 657n,
    });
  });

  it('stops cooling where the history ends', () => {
    // No entry for 22, so the value at 23 stays what epoch 22 gave.
    const result = computeStakeActivation(cooling, 23n, cooldownHistory, NEW_RATE_FROM_GENESIS);

    expect(result).toEqual({ effective: 657n, activating: 0n, deactivating: 657n });
  });

  it('stops at an epoch without cluster cooldown', () => {
    const done = history([
      [20, 2000n, 0n, 1000n],
      [21, 1000n, 0n, 0n],
    ]);

    const result = computeStakeActivation(cooling, 23n, done, NEW_RATE_FROM_GENESIS);

    // Epoch 21 releases 180. The runtime then stops, because epoch 21 shows nothing
    // deactivating, and keeps reporting the rest as deactivating.
    expect(result).toEqual({ effective: 820n, activating: 0n, deactivating: 820n });
  });

  it('treats deactivation without history as complete', () => {
    const result = computeStakeActivation(cooling, 25n, history([]), NEW_RATE_FROM_GENESIS);

    expect(result).toEqual({ effective: 0n, activating: 0n, deactivating: 0n });
  });

  it('drops the activating part on deactivation', () => {
    const partly = { stake: 500n, activationEpoch: 10n, deactivationEpoch: 11n };

    // At epoch 11, 250 had warmed up; only that can cool down.
    expect(computeStakeActivation(partly, 11n, warmupHistory, OLD_RATE_ONLY)).toEqual({
      effective: 250n,
      activating: 0n,
      deactivating: 250n,
    });
  });

  it('returns zero once cooled down', () => {
    const small = { stake: 100n, activationEpoch: EPOCH_NOT_SET, deactivationEpoch: 20n };

    // The account is the cluster's only deactivating stake, so it gets the whole allowance of
    // 2000 × 0.09 = 180, more than its 100.
    const alone = history([[20, 2000n, 0n, 100n]]);

    expect(computeStakeActivation(small, 21n, alone, NEW_RATE_FROM_GENESIS)).toEqual({
      effective: 0n,
      activating: 0n,
      deactivating: 0n,
    });
  });
});
