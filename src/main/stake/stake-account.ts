/**
 * The stake account data the checks need. The shapes match the initialized and delegated
 * variants of the chain layer's decoded `StakeState`, so its values can be passed as they are.
 * `activation` is the chain layer's activation result at the current epoch.
 */

/** Epoch value the stake program stores for "not set" (u64::MAX). */
export const EPOCH_UNSET = 0xffff_ffff_ffff_ffffn;

export interface StakeLockup {
  /** Unix time in seconds (i64) until which withdrawals need the custodian. */
  unixTimestamp: bigint;
  epoch: bigint;
  custodian: string;
}

export interface StakeMeta {
  rentExemptReserve: bigint;
  authorized: { staker: string; withdrawer: string };
  lockup: StakeLockup;
}

export interface StakeDelegation {
  voter: string;
  stake: bigint;
  activationEpoch: bigint;
  /** EPOCH_UNSET while no deactivation was requested. */
  deactivationEpoch: bigint;
}

export type StakeAccountState =
  | { kind: 'initialized'; meta: StakeMeta }
  | {
      kind: 'delegated';
      meta: StakeMeta;
      stake: { delegation: StakeDelegation; creditsObserved: bigint };
    };

/** Effective, activating and deactivating lamports of a delegation at one epoch. */
export interface StakeActivationAmounts {
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}

export interface StakeAccountSnapshot {
  address: string;
  lamports: bigint;
  state: StakeAccountState;
  /** At the current epoch; all zero for an initialized account. */
  activation: StakeActivationAmounts;
}

/** The Clock sysvar values the stake program compares lockups and epochs with. */
export interface ClusterTime {
  epoch: bigint;
  unixTimestamp: bigint;
}

export type StakeAccountStatus =
  'initialized' | 'inactive' | 'activating' | 'active' | 'deactivating';

/** Returns the status shown to the person, derived from the activation amounts. */
export function stakeAccountStatus(snapshot: StakeAccountSnapshot): StakeAccountStatus {
  if (snapshot.state.kind === 'initialized') {
    return 'initialized';
  }

  const { effective, activating, deactivating } = snapshot.activation;
  if (deactivating > 0n) {
    return 'deactivating';
  }
  if (activating > 0n) {
    return 'activating';
  }
  return effective > 0n ? 'active' : 'inactive';
}
