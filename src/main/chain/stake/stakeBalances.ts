import type { StakeStateLabel } from '../../../shared/domain/chain';
import type { StakeHistory } from '../decode/stakeHistory';
import type { Lockup, StakeState } from '../decode/stakeState';
import { computeStakeActivation } from './activation';

/** Stake states that carry authorities and can be listed as a person's stake account. */
export type StakeStateWithMeta = Extract<StakeState, { kind: 'initialized' | 'delegated' }>;

/** Cluster state that a stake account's balances depend on. */
export interface ActivationContext {
  epoch: bigint;
  /** Clock sysvar time in Unix seconds, compared with the lockup. */
  unixTimestamp: bigint;
  history: StakeHistory;
  /** Epoch from which the 9 % warmup and cooldown rate applies, or null if never. */
  newRateActivationEpoch: bigint | null;
}

/** All amounts in lamports. */
export interface StakeBalances {
  state: StakeStateLabel;
  delegatedStake: bigint;
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
  /** lamports − effective − rent reserve, floored at 0; includes stake still activating. */
  inactive: bigint;
  /** The largest amount one Withdraw instruction would accept now, signed by the withdrawer. */
  withdrawable: bigint;
  lockupInForce: boolean;
}

export interface StakeBalanceOptions {
  /** A custodian key that will sign, which lifts the lockup when it matches. */
  custodian?: string;
}

/**
 * Computes a stake account's activation and withdrawable amount as the stake program would at
 * `context.epoch`.
 *
 * Withdrawable mirrors the program's Withdraw checks: with the lockup in force, 0. With no
 * stake left (never delegated, or fully cooled down), every lamport, which closes the account.
 * Otherwise the lamports above the staked amount plus the rent reserve, where the staked amount
 * is the delegation until the deactivation epoch and the remaining effective stake from then on.
 * Lamports deposited into a delegated account, such as MEV tips, are therefore withdrawable.
 */
export function computeStakeBalances(
  account: StakeStateWithMeta,
  lamports: bigint,
  context: ActivationContext,
  options: StakeBalanceOptions = {},
): StakeBalances {
  const { meta } = account;
  const lockupInForce = isLockupInForce(meta.lockup, context, options.custodian);

  if (account.kind === 'initialized') {
    return {
      state: 'inactive',
      delegatedStake: 0n,
      effective: 0n,
      activating: 0n,
      deactivating: 0n,
      inactive: floorAtZero(lamports - meta.rentExemptReserve),
      withdrawable: lockupInForce ? 0n : lamports,
      lockupInForce,
    };
  }

  const { delegation } = account.stake;
  const activation = computeStakeActivation(
    delegation,
    context.epoch,
    context.history,
    context.newRateActivationEpoch,
  );
  const staked =
    context.epoch >= delegation.deactivationEpoch ? activation.effective : delegation.stake;

  return {
    state: labelStakeState(activation),
    delegatedStake: delegation.stake,
    ...activation,
    inactive: floorAtZero(lamports - activation.effective - meta.rentExemptReserve),
    withdrawable: computeWithdrawable(lamports, staked, meta.rentExemptReserve, lockupInForce),
    lockupInForce,
  };
}

/** Mirrors the runtime's `Lockup::is_in_force`: either the time or the epoch is still ahead. */
export function isLockupInForce(
  lockup: Lockup,
  clock: { epoch: bigint; unixTimestamp: bigint },
  custodian?: string,
): boolean {
  if (custodian !== undefined && custodian === lockup.custodian) {
    return false;
  }
  return lockup.unixTimestamp > clock.unixTimestamp || lockup.epoch > clock.epoch;
}

function labelStakeState(activation: {
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}): StakeStateLabel {
  if (activation.deactivating > 0n) {
    return 'deactivating';
  }
  if (activation.activating > 0n) {
    return 'activating';
  }
  if (activation.effective > 0n) {
    return 'active';
  }
  return 'inactive';
}

function computeWithdrawable(
  lamports: bigint,
  staked: bigint,
  rentExemptReserve: bigint,
  lockupInForce: boolean,
): bigint {
  if (lockupInForce) {
    return 0n;
  }
  if (staked === 0n) {
    return lamports;
  }
  return floorAtZero(lamports - staked - rentExemptReserve);
}

function floorAtZero(value: bigint): bigint {
  return value < 0n ? 0n : value;
}
