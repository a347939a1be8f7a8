import type { Delegation } from '../codec/stakeState';
import { BOOTSTRAP_ACTIVATION_EPOCH } from '../codec/stakeState';
import type { StakeHistoryEntry } from '../codec/stakeHistory';

/** Share of cluster stake that may warm up or cool down per epoch, before and after the
 * `reduce_stake_warmup_cooldown` feature (solana-program 1.18 `warmup_cooldown_rate`). */
const ORIGINAL_WARMUP_COOLDOWN_RATE = 0.25;
const NEW_WARMUP_COOLDOWN_RATE = 0.09;

export interface StakeActivation {
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}

/**
 * Computes a delegation's effective, activating and deactivating stake in `targetEpoch`
 * the way the stake program of solana-program 1.18 does, from the StakeHistory sysvar the
 * runtime wrote. The RPC server needs it only for getVoteAccounts `activatedStake`, which a
 * real node reads from the bank's stake cache, which bankrun does not expose.
 * `newRateActivationEpoch` is the epoch the reduced warmup rate took effect (0 on bankrun,
 * where every feature is active from genesis).
 */
export function computeStakeActivation(
  delegation: Delegation,
  targetEpoch: bigint,
  history: ReadonlyMap<bigint, StakeHistoryEntry>,
  newRateActivationEpoch: bigint,
): StakeActivation {
  const [effective, activating] = computeEffectiveAndActivating(
    delegation,
    targetEpoch,
    history,
    newRateActivationEpoch,
  );

  if (targetEpoch < delegation.deactivationEpoch) {
    return { effective, activating, deactivating: 0n };
  }
  if (targetEpoch === delegation.deactivationEpoch) {
    return { effective, activating: 0n, deactivating: effective };
  }

  let entry = history.get(delegation.deactivationEpoch);
  if (entry === undefined) {
    return { effective: 0n, activating: 0n, deactivating: 0n };
  }

  let previousEpoch = delegation.deactivationEpoch;
  let currentEffective = effective;
  for (;;) {
    const currentEpoch = previousEpoch + 1n;
    if (entry.deactivating === 0n) {
      break;
    }
    const weight = Number(currentEffective) / Number(entry.deactivating);
    const rate = warmupCooldownRate(currentEpoch, newRateActivationEpoch);
    const clusterCooldown = Number(entry.effective) * rate;
    const cooledDown = maxBigInt(1n, BigInt(Math.trunc(weight * clusterCooldown)));
    currentEffective = currentEffective > cooledDown ? currentEffective - cooledDown : 0n;
    if (currentEffective === 0n || currentEpoch >= targetEpoch) {
      break;
    }
    const next = history.get(currentEpoch);
    if (next === undefined) {
      break;
    }
    previousEpoch = currentEpoch;
    entry = next;
  }
  return { effective: currentEffective, activating: 0n, deactivating: currentEffective };
}

function computeEffectiveAndActivating(
  delegation: Delegation,
  targetEpoch: bigint,
  history: ReadonlyMap<bigint, StakeHistoryEntry>,
  newRateActivationEpoch: bigint,
): [bigint, bigint] {
  const delegated = delegation.stake;
  if (delegation.activationEpoch === BOOTSTRAP_ACTIVATION_EPOCH) {
    return [delegated, 0n];
  }
  if (delegation.activationEpoch === delegation.deactivationEpoch) {
    return [0n, 0n];
  }
  if (targetEpoch === delegation.activationEpoch) {
    return [0n, delegated];
  }
  if (targetEpoch < delegation.activationEpoch) {
    return [0n, 0n];
  }

  let entry = history.get(delegation.activationEpoch);
  if (entry === undefined) {
    return [delegated, 0n];
  }

  let previousEpoch = delegation.activationEpoch;
  let currentEffective = 0n;
  for (;;) {
    const currentEpoch = previousEpoch + 1n;
    if (entry.activating === 0n) {
      break;
    }
    const remaining = delegated - currentEffective;
    const weight = Number(remaining) / Number(entry.activating);
    const rate = warmupCooldownRate(currentEpoch, newRateActivationEpoch);
    const clusterWarmup = Number(entry.effective) * rate;
    const warmedUp = maxBigInt(1n, BigInt(Math.trunc(weight * clusterWarmup)));
    currentEffective += warmedUp;
    if (currentEffective >= delegated) {
      currentEffective = delegated;
      break;
    }
    if (currentEpoch >= targetEpoch || currentEpoch >= delegation.deactivationEpoch) {
      break;
    }
    const next = history.get(currentEpoch);
    if (next === undefined) {
      break;
    }
    previousEpoch = currentEpoch;
    entry = next;
  }
  return [currentEffective, delegated - currentEffective];
}

function warmupCooldownRate(epoch: bigint, newRateActivationEpoch: bigint): number {
  return epoch < newRateActivationEpoch ? ORIGINAL_WARMUP_COOLDOWN_RATE : NEW_WARMUP_COOLDOWN_RATE;
}

function maxBigInt(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
