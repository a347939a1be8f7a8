import { EPOCH_NOT_SET } from '../decode/stakeState';
import type { StakeHistory, StakeHistoryEntry } from '../decode/stakeHistory';

/** Fraction of the cluster's effective stake that may warm up or cool down per epoch. */
export const DEFAULT_WARMUP_COOLDOWN_RATE = 0.25;
export const NEW_WARMUP_COOLDOWN_RATE = 0.09;

/**
 * One delegation's stake at an epoch, in lamports. While cooling down, `effective` still
 * contains the `deactivating` part, because that stake keeps earning until it is released.
 */
export interface StakeActivation {
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}

export interface DelegationEpochs {
  stake: bigint;
  activationEpoch: bigint;
  deactivationEpoch: bigint;
}

/**
 * Returns the rate in force at `epoch`. `newRateActivationEpoch` is the epoch at which the
 * `reduce_stake_warmup_cooldown` feature took effect, or null where it never did.
 */
export function warmupCooldownRate(epoch: bigint, newRateActivationEpoch: bigint | null): number {
  if (newRateActivationEpoch === null || epoch < newRateActivationEpoch) {
    return DEFAULT_WARMUP_COOLDOWN_RATE;
  }
  return NEW_WARMUP_COOLDOWN_RATE;
}

/**
 * Computes how much of a delegation is effective, activating and deactivating at
 * `targetEpoch`, following the stake program's `stake_activating_and_deactivating` (Solana
 * SDK `stake/state.rs`, Agave 1.16 and later). Each epoch a delegation gets its pro-rata share
 * of the cluster's allowance, `rate × previous epoch's effective cluster stake`, weighted by
 * its share of the cluster's activating (or deactivating) stake.
 *
 * NOTE: the runtime computes that share in f64 and truncates to u64, so this port does the same
 * with JavaScript numbers to reproduce its rounding to the lamport. Inputs and outputs stay
 * bigint, and no amount is stored as a float.
 */
export function computeStakeActivation(
  delegation: DelegationEpochs,
  targetEpoch: bigint,
  history: StakeHistory,
  newRateActivationEpoch: bigint | null,
): StakeActivation {
  const { effective, activating } = computeEffectiveAndActivating(
    delegation,
    targetEpoch,
    history,
    newRateActivationEpoch,
  );

  if (targetEpoch < delegation.deactivationEpoch) {
    return { effective, activating, deactivating: 0n };
  }
  if (targetEpoch === delegation.deactivationEpoch) {
    // Only what had become effective can cool down; an activating remainder is dropped.
    return { effective, activating: 0n, deactivating: effective };
  }

  const atDeactivation = history.get(delegation.deactivationEpoch);
  if (atDeactivation === undefined) {
    // Without history for the deactivation epoch the runtime treats the stake as cooled down.
    return { effective: 0n, activating: 0n, deactivating: 0n };
  }

  const remaining = coolDown(
    effective,
    delegation.deactivationEpoch,
    atDeactivation,
    targetEpoch,
    history,
    newRateActivationEpoch,
  );
  return { effective: remaining, activating: 0n, deactivating: remaining };
}

function computeEffectiveAndActivating(
  delegation: DelegationEpochs,
  targetEpoch: bigint,
  history: StakeHistory,
  newRateActivationEpoch: bigint | null,
): { effective: bigint; activating: bigint } {
  const delegated = delegation.stake;

  if (delegation.activationEpoch === EPOCH_NOT_SET) {
    // Bootstrap stake from genesis is effective from the first epoch.
    return { effective: delegated, activating: 0n };
  }
  if (delegation.activationEpoch === delegation.deactivationEpoch) {
    // Deactivated in the epoch it was delegated, so it never became stake at all.
    return { effective: 0n, activating: 0n };
  }
  if (targetEpoch === delegation.activationEpoch) {
    return { effective: 0n, activating: delegated };
  }
  if (targetEpoch < delegation.activationEpoch) {
    return { effective: 0n, activating: 0n };
  }

  const atActivation = history.get(delegation.activationEpoch);
  if (atActivation === undefined) {
    // Older than the sysvar's 512 epochs, or no history: the runtime treats it as effective.
    return { effective: delegated, activating: 0n };
  }

  const effective = warmUp(delegation, atActivation, targetEpoch, history, newRateActivationEpoch);
  return { effective, activating: delegated - effective };
}

function warmUp(
  delegation: DelegationEpochs,
  atActivation: StakeHistoryEntry,
  targetEpoch: bigint,
  history: StakeHistory,
  newRateActivationEpoch: bigint | null,
): bigint {
  const delegated = delegation.stake;
  let previousEpoch = delegation.activationEpoch;
  let previousCluster = atActivation;
  let effective = 0n;

  for (;;) {
    const epoch = previousEpoch + 1n;
    if (previousCluster.activating === 0n) {
      break;
    }

    const weight = Number(delegated - effective) / Number(previousCluster.activating);
    const clusterAllowance =
      Number(previousCluster.effective) * warmupCooldownRate(epoch, newRateActivationEpoch);
    effective += maxOne(truncateToU64(weight * clusterAllowance));
    if (effective >= delegated) {
      return delegated;
    }

    if (epoch >= targetEpoch || epoch >= delegation.deactivationEpoch) {
      break;
    }
    const next = history.get(epoch);
    if (next === undefined) {
      break;
    }
    previousEpoch = epoch;
    previousCluster = next;
  }
  return effective;
}

function coolDown(
  effectiveAtDeactivation: bigint,
  deactivationEpoch: bigint,
  atDeactivation: StakeHistoryEntry,
  targetEpoch: bigint,
  history: StakeHistory,
  newRateActivationEpoch: bigint | null,
): bigint {
  let previousEpoch = deactivationEpoch;
  let previousCluster = atDeactivation;
  let effective = effectiveAtDeactivation;

  for (;;) {
    const epoch = previousEpoch + 1n;
    if (previousCluster.deactivating === 0n) {
      break;
    }

    const weight = Number(effective) / Number(previousCluster.deactivating);
    const clusterAllowance =
      Number(previousCluster.effective) * warmupCooldownRate(epoch, newRateActivationEpoch);
    const released = maxOne(truncateToU64(weight * clusterAllowance));
    effective = released >= effective ? 0n : effective - released;
    if (effective === 0n) {
      break;
    }

    if (epoch >= targetEpoch) {
      break;
    }
    const next = history.get(epoch);
    if (next === undefined) {
      break;
    }
    previousEpoch = epoch;
    previousCluster = next;
  }
  return effective;
}

/** 2^64, the first f64 value above u64::MAX. */
const U64_LIMIT_AS_NUMBER = 2 ** 64;

/** Converts like Rust's `f64 as u64`: truncates toward zero, saturates, and maps NaN to 0. */
function truncateToU64(value: number): bigint {
  if (Number.isNaN(value) || value <= 0) {
    return 0n;
  }
  if (value >= U64_LIMIT_AS_NUMBER) {
    return 0xffff_ffff_ffff_ffffn;
  }
  return BigInt(Math.trunc(value));
}

function maxOne(value: bigint): bigint {
  return value < 1n ? 1n : value;
}
