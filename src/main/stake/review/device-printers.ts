import type { ReviewAction } from '../../../shared/domain/stake';
import { STAKE_PROGRAM_ID, SYSTEM_PROGRAM_ID, VOTE_PROGRAM_ID } from '../addresses';
import { formatUtcTimestamp } from '../time-format';
import type { ActionOf } from './action-kinds';
import type { ScreenCollector } from './screen-collector';

/**
 * Item printers that follow the Ledger Solana app's summary printers (app-solana
 * `libsol/system_instruction.c`, `stake_instruction.c`, `transaction_printers.c`): same
 * titles, same order, same rule that an authority equal to the signer is expert-only.
 * Labels that changed after release 1.9 depend on `collector.context.line`.
 */

/** Owners the app does not print a data size and owner program for. */
const wellKnownOwners = new Set([
  SYSTEM_PROGRAM_ID.toBase58(),
  STAKE_PROGRAM_ID.toBase58(),
  VOTE_PROGRAM_ID.toBase58(),
  'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb',
]);

/** Vote accounts the current line names instead of printing the address. */
const namedVoteAccounts = new Map([
  ['26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx', 'Ledger by Figment'],
  ['CpfvLiiPALdzZTP3fUrALg2TXwEDSAknRh1sn5JCt9Sr', 'Ledger by Chorus One'],
]);

export function delegatePrimaryTitle(collector: ScreenCollector): string {
  return collector.context.line === 'v1.9' ? 'Delegate from' : 'Delegated from';
}

export function printCreateAccountItems(
  collector: ScreenCollector,
  action: ActionOf<'systemCreateAccount'> | ActionOf<'systemCreateAccountWithSeed'>,
  displayOwner: boolean,
): void {
  collector.add('Deposit', collector.amount(action.lamports));
  collector.addAuthority('From', action.from);

  if (displayOwner && !wellKnownOwners.has(action.owner)) {
    collector.add('Data size', action.space);
    collector.add('Owner program', collector.pubkey(action.owner));
  }
  if (action.kind === 'systemCreateAccountWithSeed') {
    collector.add('Base', collector.pubkey(action.base), true);
    collector.add('Seed', action.seed, true);
  }
}

export function printStakeInitializeItems(
  collector: ScreenCollector,
  action: ActionOf<'stakeInitialize'> | ActionOf<'stakeInitializeChecked'>,
): void {
  if (action.staker === action.withdrawer) {
    collector.add('New authority', collector.pubkey(action.staker));
  } else {
    collector.add('New stake auth', collector.pubkey(action.staker));
    collector.add('New withdraw auth', collector.pubkey(action.withdrawer));
  }

  const lockup = action.kind === 'stakeInitialize' ? action.lockup : null;
  const lockupTime = BigInt(lockup?.unixTimestamp ?? '0');
  const lockupEpoch = BigInt(lockup?.epoch ?? '0');
  if (lockup !== null && (lockupTime > 0n || lockupEpoch > 0n)) {
    if (lockupTime > 0n) {
      collector.add('Lockup time', formatUtcTimestamp(lockupTime));
    }
    if (lockupEpoch > 0n) {
      collector.add('Lockup epoch', lockupEpoch.toString());
    }
    collector.add('Lockup authority', collector.pubkey(lockup.custodian));
  } else {
    collector.add('Lockup', 'None', true);
  }
}

export function printDelegateItems(
  collector: ScreenCollector,
  action: ActionOf<'stakeDelegate'>,
): void {
  collector.addAuthority('Authorized by', action.authority);

  const name =
    collector.context.line === 'current' ? namedVoteAccounts.get(action.voteAccount) : undefined;
  collector.add('Vote account', name ?? collector.pubkey(action.voteAccount));
}

export function printSplitMain(collector: ScreenCollector, action: ActionOf<'stakeSplit'>): void {
  collector.setPrimary('Split stake', collector.amount(action.lamports));
  collector.add('From', collector.pubkey(action.stakeAccount));
  collector.add('To', collector.pubkey(action.destination));
}

export function printSplitAuthority(
  collector: ScreenCollector,
  action: ActionOf<'stakeSplit'>,
): void {
  collector.addAuthority('Authorized by', action.authority);
}

export function printBaseAndSeed(collector: ScreenCollector, base: string, seed: string): void {
  collector.add('Base', collector.pubkey(base), true);
  collector.add('Seed', seed, true);
}

/**
 * Prints a single instruction the way the app does when it is the only one left after the
 * nonce and compute budget instructions are stripped. Returns false for kinds the app cannot
 * show alone (compute budget, memo, and the unsupported kinds).
 */
export function printSingleInstruction(collector: ScreenCollector, action: ReviewAction): boolean {
  const v19 = collector.context.line === 'v1.9';

  switch (action.kind) {
    case 'systemTransfer':
      collector.setPrimary(v19 ? 'Transfer' : 'Amount', collector.amount(action.lamports));
      collector.addAuthority('Sender', action.from);
      collector.add(v19 ? 'Recipient' : 'To', collector.pubkey(action.to));
      return true;
    case 'systemCreateAccount':
    case 'systemCreateAccountWithSeed':
      collector.setPrimary('Create account', collector.pubkey(action.newAccount));
      printCreateAccountItems(collector, action, true);
      return true;
    case 'systemAssign':
      collector.setPrimary('Assign acct', collector.pubkey(action.account));
      collector.add('To program', collector.pubkey(action.owner));
      return true;
    case 'systemAllocate':
      collector.setPrimary('Allocate acct', collector.pubkey(action.account));
      collector.add('Data size', action.space);
      return true;
    case 'systemAllocateWithSeed':
      collector.setPrimary('Allocate acct', collector.pubkey(action.account));
      collector.add('Data size', action.space);
      printBaseAndSeed(collector, action.base, action.seed);
      return true;
    case 'systemAdvanceNonce':
      collector.setPrimary('Advance nonce', collector.pubkey(action.nonceAccount));
      collector.addAuthority('Authorized by', action.authority);
      return true;
    case 'systemWithdrawNonce':
      collector.setPrimary('Nonce withdraw', collector.amount(action.lamports));
      collector.add('From', collector.pubkey(action.nonceAccount));
      collector.add('To', collector.pubkey(action.to));
      collector.addAuthority('Authorized by', action.authority);
      return true;
    case 'systemInitializeNonce':
      collector.setPrimary('Init nonce acct', collector.pubkey(action.nonceAccount));
      collector.add('New authority', collector.pubkey(action.authority));
      return true;
    case 'systemAuthorizeNonce':
      collector.setPrimary('Set nonce auth', collector.pubkey(action.nonceAccount));
      collector.add('New authority', collector.pubkey(action.newAuthority));
      collector.addAuthority('Authorized by', action.authority);
      return true;
    case 'stakeDelegate':
      collector.setPrimary(delegatePrimaryTitle(collector), collector.pubkey(action.stakeAccount));
      printDelegateItems(collector, action);
      return true;
    case 'stakeInitialize':
    case 'stakeInitializeChecked':
      collector.setPrimary('Init stake acct', collector.pubkey(action.stakeAccount));
      printStakeInitializeItems(collector, action);
      return true;
    case 'stakeWithdraw':
      if (v19) {
        collector.setPrimary('Stake withdraw', collector.amount(action.lamports));
        collector.add('From', collector.pubkey(action.stakeAccount));
      } else {
        collector.setPrimary('Amount', collector.amount(action.lamports));
        collector.add('From stake account', collector.pubkey(action.stakeAccount));
      }
      collector.add('To', collector.pubkey(action.to));
      collector.addAuthority('Authorized by', action.authority);
      return true;
    case 'stakeAuthorize':
    case 'stakeAuthorizeChecked':
      collector.setPrimary('Set stake auth', collector.pubkey(action.stakeAccount));
      collector.add(
        action.authorityType === 'staker' ? 'New stake auth' : 'New withdraw auth',
        collector.pubkey(action.newAuthority),
      );
      collector.addAuthority('Authorized by', action.authority);
      if (action.custodian !== null) {
        collector.addAuthority('Custodian', action.custodian);
      }
      return true;
    case 'stakeDeactivate':
      collector.setPrimary(
        v19 ? 'Deactivate stake' : 'Stake account',
        collector.pubkey(action.stakeAccount),
      );
      collector.addAuthority('Authorized by', action.authority);
      return true;
    case 'stakeSetLockup':
    case 'stakeSetLockupChecked':
      collector.setPrimary('Set lockup', collector.pubkey(action.stakeAccount));
      if (action.unixTimestamp !== null) {
        collector.add('Time', formatUtcTimestamp(BigInt(action.unixTimestamp)));
      }
      if (action.epoch !== null) {
        collector.add('Epoch', action.epoch);
      }
      if (action.custodian !== null) {
        collector.add('New authority', collector.pubkey(action.custodian));
      }
      collector.addAuthority('Authorized by', action.authority);
      return true;
    case 'stakeSplit':
      printSplitMain(collector, action);
      printSplitAuthority(collector, action);
      return true;
    case 'stakeMerge':
      collector.setPrimary('Merge', collector.pubkey(action.source));
      collector.add('Into', collector.pubkey(action.destination));
      collector.addAuthority('Authorized by', action.authority);
      return true;
    case 'systemAssignWithSeed':
    case 'systemTransferWithSeed':
    case 'systemUpgradeNonce':
    case 'stakeAuthorizeWithSeed':
    case 'stakeAuthorizeCheckedWithSeed':
    case 'stakeGetMinimumDelegation':
    case 'stakeDeactivateDelinquent':
    case 'stakeRedelegate':
    case 'stakeMoveStake':
    case 'stakeMoveLamports':
    case 'computeBudgetRequestUnits':
    case 'computeBudgetRequestHeapFrame':
    case 'computeBudgetSetComputeUnitLimit':
    case 'computeBudgetSetComputeUnitPrice':
    case 'computeBudgetSetLoadedAccountsDataSizeLimit':
    case 'memo':
    case 'unknown':
      return false;
  }
}
