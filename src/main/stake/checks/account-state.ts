import { WalletError } from '../../../shared/errors';
import type { ClusterTime, StakeAccountSnapshot } from '../stake-account';
import { EPOCH_UNSET, stakeAccountStatus } from '../stake-account';

export type StakeOperation =
  'delegate' | 'deactivate' | 'withdraw' | 'split' | 'merge' | 'authorize';

/**
 * Checks that the stake program will accept a Delegate. It accepts an initialized account and
 * a delegation with no effective stake (inactive, or activating from this epoch). To cancel an
 * unstake, it also accepts a delegation deactivated this epoch, delegated again to the same
 * validator.
 *
 * @throws WalletError STAKE_ACCOUNT_STATE_INVALID otherwise.
 */
export function assertCanDelegate(
  snapshot: StakeAccountSnapshot,
  voteAccount: string,
  time: ClusterTime,
): void {
  const { state } = snapshot;
  if (state.kind === 'initialized' || snapshot.activation.effective === 0n) {
    return;
  }

  const { delegation } = state.stake;
  if (delegation.deactivationEpoch === time.epoch && delegation.voter === voteAccount) {
    return;
  }
  throw invalidState(snapshot, 'delegate');
}

/** @throws WalletError STAKE_ACCOUNT_STATE_INVALID unless the account has a delegation not yet deactivated. */
export function assertCanDeactivate(snapshot: StakeAccountSnapshot): void {
  const { state } = snapshot;
  if (state.kind === 'delegated' && state.stake.delegation.deactivationEpoch === EPOCH_UNSET) {
    return;
  }
  throw invalidState(snapshot, 'deactivate');
}

/**
 * @throws WalletError STAKE_AUTHORITY_MISMATCH when `signer` is not the account's staker
 *   (or withdrawer), so the program would fail with "missing required signature".
 */
export function assertSignerIsAuthority(
  snapshot: StakeAccountSnapshot,
  role: 'staker' | 'withdrawer',
  signer: string,
): void {
  const expected = snapshot.state.meta.authorized[role];
  if (expected === signer) {
    return;
  }
  throw new WalletError(
    'STAKE_AUTHORITY_MISMATCH',
    { stakeAccount: snapshot.address, role, expected, signer },
    `The ${role} of ${snapshot.address} is ${expected}, not ${signer}.`,
  );
}

function invalidState(snapshot: StakeAccountSnapshot, operation: StakeOperation): WalletError {
  const status = stakeAccountStatus(snapshot);
  return new WalletError(
    'STAKE_ACCOUNT_STATE_INVALID',
    { stakeAccount: snapshot.address, operation, accountState: status },
    `Stake account ${snapshot.address} is ${status}, so it cannot ${operation} now.`,
  );
}
