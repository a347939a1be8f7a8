import { WalletError } from '../../../shared/errors';
import type { ClusterTime, StakeAccountSnapshot, StakeLockup } from '../stake-account';
import { formatUtcTimestamp } from '../time-format';

/**
 * True while the lockup holds: its Unix time or its epoch is still in the future, and the
 * custodian is not among the signers (the stake program's `Lockup::is_in_force`).
 */
export function isLockupInForce(
  lockup: StakeLockup,
  time: ClusterTime,
  signingCustodian?: string,
): boolean {
  if (signingCustodian !== undefined && signingCustodian === lockup.custodian) {
    return false;
  }
  return lockup.unixTimestamp > time.unixTimestamp || lockup.epoch > time.epoch;
}

/**
 * @throws WalletError LOCKUP_IN_FORCE with the lockup's end (time and epoch) and custodian.
 */
export function assertLockupNotInForce(
  snapshot: StakeAccountSnapshot,
  time: ClusterTime,
  signingCustodian?: string,
): void {
  const { lockup } = snapshot.state.meta;
  if (!isLockupInForce(lockup, time, signingCustodian)) {
    return;
  }

  throw new WalletError(
    'LOCKUP_IN_FORCE',
    {
      stakeAccount: snapshot.address,
      unixTimestamp: lockup.unixTimestamp.toString(),
      epoch: lockup.epoch.toString(),
      custodian: lockup.custodian,
    },
    `Stake account ${snapshot.address} is locked up until ${formatUtcTimestamp(lockup.unixTimestamp)} UTC and epoch ${lockup.epoch}; only custodian ${lockup.custodian} can release it earlier.`,
  );
}
