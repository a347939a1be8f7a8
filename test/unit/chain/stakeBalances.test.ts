import { describe, expect, it } from 'vitest';

import type { StakeHistoryEntry } from '../../../src/main/chain/decode/stakeHistory';
import { EPOCH_NOT_SET, type StakeMeta } from '../../../src/main/chain/decode/stakeState';
import {
  computeStakeBalances,
  isLockupInForce,
  type ActivationContext,
  type StakeStateWithMeta,
} from '../../../src/main/chain/stake/stakeBalances';

const RESERVE = 2_282_880n;
const SOL = 1_000_000_000n;

const noLockup = { unixTimestamp: 0n, epoch: 0n, custodian: '11111111111111111111111111111111' };
const meta: StakeMeta = {
  rentExemptReserve: RESERVE,
  authorized: { staker: 'Staker', withdrawer: 'Withdrawer' },
  lockup: noLockup,
};

// The cluster: 100 SOL effective at epoch 10 with 10 SOL activating (ours); 9 % rate.
// Epoch 11 grants 100 × 0.09 = 9 SOL, epoch 12 the rest.
const history = new Map<bigint, StakeHistoryEntry>([
  [10n, { effective: 100n * SOL, activating: 10n * SOL, deactivating: 0n }],
  [11n, { effective: 109n * SOL, activating: 1n * SOL, deactivating: 0n }],
  [20n, { effective: 110n * SOL, activating: 0n, deactivating: 10n * SOL }],
  [21n, { effective: 100n * SOL + 100n, activating: 0n, deactivating: 100n }],
]);

function contextAt(epoch: bigint, unixTimestamp = 1_700_000_000n): ActivationContext {
  return { epoch, unixTimestamp, history, newRateActivationEpoch: 0n };
}

function delegated(deactivationEpoch: bigint, lockup = noLockup): StakeStateWithMeta {
  return {
    kind: 'delegated',
    meta: { ...meta, lockup },
    stake: {
      delegation: {
        voter: 'Voter',
        stake: 10n * SOL,
        activationEpoch: 10n,
        deactivationEpoch,
        warmupCooldownRate: 0.25,
      },
      creditsObserved: 0n,
    },
    stakeFlags: 0,
  };
}

const lamports = 10n * SOL + RESERVE;

describe('computeStakeBalances', () => {
  it('lets an initialized account withdraw everything', () => {
    const balances = computeStakeBalances({ kind: 'initialized', meta }, lamports, contextAt(30n));

    expect(balances.state).toBe('inactive');
    expect(balances.withdrawable).toBe(lamports);
    expect(balances.inactive).toBe(10n * SOL);
    expect(balances.effective).toBe(0n);
  });

  it('withholds everything while activating', () => {
    const balances = computeStakeBalances(delegated(EPOCH_NOT_SET), lamports, contextAt(10n));

    expect(balances.state).toBe('activating');
    expect(balances.activating).toBe(10n * SOL);
    expect(balances.withdrawable).toBe(0n);
    expect(balances.inactive).toBe(10n * SOL);
  });

  it('reports partial warmup', () => {
    const balances = computeStakeBalances(delegated(EPOCH_NOT_SET), lamports, contextAt(11n));

    expect(balances.state).toBe('activating');
    expect(balances.effective).toBe(9n * SOL);
    expect(balances.activating).toBe(1n * SOL);
    expect(balances.inactive).toBe(1n * SOL);
    expect(balances.withdrawable).toBe(0n);
  });

  it('reports active once warmed up', () => {
    const balances = computeStakeBalances(delegated(EPOCH_NOT_SET), lamports, contextAt(15n));

    expect(balances.state).toBe('active');
    expect(balances.effective).toBe(10n * SOL);
    expect(balances.inactive).toBe(0n);
    expect(balances.withdrawable).toBe(0n);
  });

  it('offers lamports deposited into an active account', () => {
    const tip = 100_000_000n;

    const balances = computeStakeBalances(delegated(EPOCH_NOT_SET), lamports + tip, contextAt(15n));

    expect(balances.state).toBe('active');
    expect(balances.inactive).toBe(tip);
    expect(balances.withdrawable).toBe(tip);
  });

  it('offers deposits while activating', () => {
    const tip = 5n;

    const balances = computeStakeBalances(delegated(EPOCH_NOT_SET), lamports + tip, contextAt(10n));

    expect(balances.withdrawable).toBe(tip);
  });

  it('withholds the whole delegation in the deactivation epoch', () => {
    const balances = computeStakeBalances(delegated(20n), lamports, contextAt(20n));

    expect(balances.state).toBe('deactivating');
    expect(balances.deactivating).toBe(10n * SOL);
    expect(balances.effective).toBe(10n * SOL);
    expect(balances.withdrawable).toBe(0n);
  });

  it('releases cooled-down stake during cooldown', () => {
    // Epoch 21: 110 SOL × 0.09 = 9.9 SOL released of our 10, leaving 0.1 SOL effective.
    const balances = computeStakeBalances(delegated(20n), lamports, contextAt(21n));

    expect(balances.state).toBe('deactivating');
    expect(balances.effective).toBe(100_000_000n);
    expect(balances.withdrawable).toBe(10n * SOL - 100_000_000n);
  });

  it('lets a cooled-down account withdraw everything', () => {
    const balances = computeStakeBalances(delegated(20n), lamports, contextAt(22n));

    expect(balances.state).toBe('inactive');
    expect(balances.effective).toBe(0n);
    expect(balances.withdrawable).toBe(lamports);
    expect(balances.inactive).toBe(10n * SOL);
  });

  it('withholds everything under a lockup', () => {
    const lockup = { ...noLockup, epoch: 50n };

    const balances = computeStakeBalances(delegated(20n, lockup), lamports, contextAt(22n));

    expect(balances.lockupInForce).toBe(true);
    expect(balances.withdrawable).toBe(0n);
  });

  it('lifts the lockup for its custodian', () => {
    const lockup = { ...noLockup, epoch: 50n, custodian: 'Custodian' };

    const balances = computeStakeBalances(delegated(20n, lockup), lamports, contextAt(22n), {
      custodian: 'Custodian',
    });

    expect(balances.lockupInForce).toBe(false);
    expect(balances.withdrawable).toBe(lamports);
  });

  it('floors inactive at zero below the reserve', () => {
    const balances = computeStakeBalances(
      { kind: 'initialized', meta },
      RESERVE - 1n,
      contextAt(1n),
    );

    expect(balances.inactive).toBe(0n);
  });
});

describe('isLockupInForce', () => {
  const clock = { epoch: 10n, unixTimestamp: 1000n };

  it('holds while the time is ahead', () => {
    expect(isLockupInForce({ ...noLockup, unixTimestamp: 1001n }, clock)).toBe(true);
  });

  it('holds while the epoch is ahead', () => {
    expect(isLockupInForce({ ...noLockup, epoch: 11n }, clock)).toBe(true);
  });

  it('ends at the lockup epoch and time', () => {
    expect(isLockupInForce({ ...noLockup, epoch: 10n, unixTimestamp: 1000n }, clock)).toBe(false);
  });
});
