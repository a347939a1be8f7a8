import { showAuthority, type PrintConfig } from './print-config';
import { stakeAt, type ReviewableInstruction } from './reviewable';
import {
  delegatePrimaryTitle,
  printDelegateDetails,
  printInitializeDetails,
} from './stake-printer';
import { printCreateAccountDetails, printInitializeNonceDetails } from './system-printer';
import { pubkey, type TransactionSummary } from './transaction-summary';

type Entries = readonly ReviewableInstruction[];

function createdAccount(entries: Entries) {
  const first = entries[0];
  if (first?.program !== 'system') {
    return null;
  }
  const info = first.instruction;
  return info.kind === 'create-account' || info.kind === 'create-account-with-seed' ? info : null;
}

/** CreateAccount(WithSeed) + Initialize(Checked): "Create stake acct". */
export function printCreateStakeAccount(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const create = createdAccount(entries);
  const initialize = stakeAt(entries, 1, 'initialize');
  if (!create) {
    return false;
  }
  // Only the newer line checks that the created account is the initialized one.
  if (config.displayLine === 'newer' && create.to !== initialize.stake) {
    return false;
  }

  summary.setPrimary('Create stake acct', pubkey(create.to));
  printCreateAccountDetails(summary, create, config, false);
  printInitializeDetails(summary, initialize, config);
  return true;
}

/** CreateAccount(WithSeed) + Initialize + DelegateStake: Ledger Live's staking transaction. */
export function printCreateAndDelegate(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const create = createdAccount(entries);
  const initialize = stakeAt(entries, 1, 'initialize');
  const delegate = stakeAt(entries, 2, 'delegate');
  if (!create) {
    return false;
  }
  if (
    config.displayLine === 'newer' &&
    (create.to !== initialize.stake || create.to !== delegate.stake)
  ) {
    return false;
  }

  summary.setPrimary(delegatePrimaryTitle(config), pubkey(create.to));
  printCreateAccountDetails(summary, create, config, false);
  printInitializeDetails(summary, initialize, config);
  printDelegateDetails(summary, delegate, config);
  return true;
}

/** CreateAccount(WithSeed) + InitializeNonceAccount: "Create nonce acct". */
export function printCreateNonceAccount(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const create = createdAccount(entries);
  const second = entries[1];
  if (!create || second?.program !== 'system' || second.instruction.kind !== 'initialize-nonce') {
    return false;
  }
  if (config.displayLine === 'newer' && create.to !== second.instruction.nonce) {
    return false;
  }

  summary.setPrimary('Create nonce acct', pubkey(create.to));
  printCreateAccountDetails(summary, create, config, false);
  printInitializeNonceDetails(summary, second.instruction);
  return true;
}

/**
 * Authorize(Checked) staker + Authorize(Checked) withdrawer on one account.
 * The 1.9 app decides "same new authority" by comparing where both keys sit in memory: keys
 * read from instruction data never match, keys read from the account list match when they
 * are the same entry. The newer line compares the key bytes.
 */
export function printAuthorizeBoth(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const staker = stakeAt(entries, 0, 'authorize');
  const withdrawer = stakeAt(entries, 1, 'authorize');
  if (staker.role !== 'staker' || withdrawer.role !== 'withdrawer') {
    return false;
  }
  if (config.displayLine === 'newer' && staker.stake !== withdrawer.stake) {
    return false;
  }

  const sameNewAuthority =
    config.displayLine === 'newer'
      ? staker.newAuthority === withdrawer.newAuthority
      : staker.newAuthorityKeyIndex !== null &&
        staker.newAuthorityKeyIndex === withdrawer.newAuthorityKeyIndex;

  summary.setPrimary('Set stake auth', pubkey(staker.stake));
  if (sameNewAuthority) {
    summary.addGeneral('New authorities', pubkey(staker.newAuthority));
  } else {
    summary.addGeneral('New stake auth', pubkey(staker.newAuthority));
    summary.addGeneral('New withdraw auth', pubkey(withdrawer.newAuthority));
  }
  if (withdrawer.custodian) {
    summary.addGeneral('Custodian', pubkey(withdrawer.custodian));
  }
  if (showAuthority(config, withdrawer.authority)) {
    summary.addGeneral('Authorized by', pubkey(withdrawer.authority));
  }
  return true;
}
