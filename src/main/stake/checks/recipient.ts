import { WalletError } from '../../../shared/errors';
import { isProgramOrSysvar, STAKE_PROGRAM_ID } from '../addresses';

export interface RecipientCheck {
  recipient: string;
  stakeAccount: string;
  /** Owner program of the recipient account when it exists on chain, else null. */
  recipientOwner?: string | null;
  /** Stake accounts already listed in the wallet, used when the owner was not looked up. */
  knownStakeAccounts?: Iterable<string>;
}

/**
 * Rejects withdrawal recipients that cannot use the lamports: the stake account itself (the
 * program rejects it), any other stake account (the lamports would sit there as unstaked
 * extra), and programs or sysvars.
 *
 * @throws WalletError WITHDRAW_RECIPIENT_INVALID naming the reason.
 */
export function assertWithdrawRecipient(check: RecipientCheck): void {
  const reason = recipientProblem(check);
  if (reason === null) {
    return;
  }

  throw new WalletError(
    'WITHDRAW_RECIPIENT_INVALID',
    { recipient: check.recipient, reason },
    `Withdrawals cannot go to ${check.recipient}: ${recipientReasonText[reason]}.`,
  );
}

type RecipientProblem = 'sameAsStakeAccount' | 'stakeProgramAccount' | 'programOrSysvar';

const recipientReasonText: Record<RecipientProblem, string> = {
  sameAsStakeAccount: 'it is the stake account being withdrawn from',
  stakeProgramAccount: 'it is a stake account',
  programOrSysvar: 'it is a program or sysvar address',
};

function recipientProblem(check: RecipientCheck): RecipientProblem | null {
  if (check.recipient === check.stakeAccount) {
    return 'sameAsStakeAccount';
  }
  if (check.recipientOwner === STAKE_PROGRAM_ID.toBase58()) {
    return 'stakeProgramAccount';
  }
  if (new Set(check.knownStakeAccounts ?? []).has(check.recipient)) {
    return 'stakeProgramAccount';
  }
  if (isProgramOrSysvar(check.recipient)) {
    return 'programOrSysvar';
  }
  return null;
}
