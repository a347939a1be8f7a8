import { WalletError } from '../../../shared/errors';
import { formatSol } from '../amount';
import type { ClusterTime, StakeAccountSnapshot } from '../stake-account';
import { stakeAccountStatus } from '../stake-account';
import { assertLockupNotInForce } from './lockup';

export interface WithdrawLimits {
  /** Lamports the program still counts as staked: they cannot leave the account. */
  stakedLamports: bigint;
  /** Largest withdrawal that leaves the account open (it keeps its rent reserve). */
  maxPartialLamports: bigint;
  /** True when nothing is staked, so withdrawing every lamport closes the account. */
  canClose: boolean;
  /** The largest single withdrawal: every lamport when the account can close. */
  withdrawableLamports: bigint;
}

/**
 * Computes how much one Withdraw instruction may take now, mirroring the stake program:
 * the staked amount is the whole delegation until the deactivation epoch (even while
 * activating) and the remaining effective stake from then on. A partial withdrawal must leave
 * staked + rent reserve; a full one is allowed only with nothing staked. So an activating
 * account offers only lamports above its delegation and reserve, and lamports sent to an
 * active account (MEV tips, for example) are withdrawable. Lockups are checked separately.
 */
export function withdrawLimits(snapshot: StakeAccountSnapshot, time: ClusterTime): WithdrawLimits {
  const { meta } = snapshot.state;
  const staked = stakedLamports(snapshot, time);

  const spare = snapshot.lamports - staked - meta.rentExemptReserve;
  const maxPartialLamports = spare > 0n ? spare : 0n;
  const canClose = staked === 0n;

  return {
    stakedLamports: staked,
    maxPartialLamports,
    canClose,
    withdrawableLamports: canClose ? snapshot.lamports : maxPartialLamports,
  };
}

function stakedLamports(snapshot: StakeAccountSnapshot, time: ClusterTime): bigint {
  const { state } = snapshot;
  switch (state.kind) {
    case 'initialized':
      return 0n;
    case 'delegated':
      return time.epoch >= state.stake.delegation.deactivationEpoch
        ? snapshot.activation.effective
        : state.stake.delegation.stake;
  }
}

export interface WithdrawCheck {
  snapshot: StakeAccountSnapshot;
  requestedLamports: bigint;
  time: ClusterTime;
  /** A custodian key that will also sign, which lifts the lockup. */
  signingCustodian?: string;
}

/**
 * Checks a withdrawal amount against the account's state and lockup.
 *
 * @returns whether the withdrawal closes the account.
 * @throws WalletError LOCKUP_IN_FORCE, AMOUNT_ZERO, WITHDRAW_WOULD_LEAVE_DUST or
 *   WITHDRAW_ABOVE_WITHDRAWABLE.
 */
export function assertWithdrawAmount(check: WithdrawCheck): { closesAccount: boolean } {
  const { snapshot, requestedLamports } = check;
  assertLockupNotInForce(snapshot, check.time, check.signingCustodian);

  if (requestedLamports <= 0n) {
    throw new WalletError(
      'AMOUNT_ZERO',
      { input: requestedLamports.toString() },
      'Enter an amount greater than 0 SOL.',
    );
  }

  const limits = withdrawLimits(snapshot, check.time);
  if (limits.canClose && requestedLamports === snapshot.lamports) {
    return { closesAccount: true };
  }
  if (requestedLamports <= limits.maxPartialLamports) {
    return { closesAccount: false };
  }

  if (limits.canClose && requestedLamports < snapshot.lamports) {
    throw new WalletError(
      'WITHDRAW_WOULD_LEAVE_DUST',
      {
        stakeAccount: snapshot.address,
        requestedLamports: requestedLamports.toString(),
        maxPartialLamports: limits.maxPartialLamports.toString(),
        allLamports: snapshot.lamports.toString(),
      },
      `Withdraw all ${formatSol(snapshot.lamports)} to close ${snapshot.address}, or at most ${formatSol(limits.maxPartialLamports)} to keep it open.`,
    );
  }

  throw new WalletError(
    'WITHDRAW_ABOVE_WITHDRAWABLE',
    {
      stakeAccount: snapshot.address,
      requestedLamports: requestedLamports.toString(),
      withdrawableLamports: limits.withdrawableLamports.toString(),
      accountState: stakeAccountStatus(snapshot),
    },
    `${snapshot.address} is ${stakeAccountStatus(snapshot)} and can release at most ${formatSol(limits.withdrawableLamports)} now; ${formatSol(requestedLamports)} is too much.`,
  );
}
