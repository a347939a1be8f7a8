import type { StakeInstruction } from '../instructions/stake-instructions';
import { showAuthority, type PrintConfig } from './print-config';
import {
  amount,
  pubkey,
  text,
  timestamp,
  u64,
  type SummaryValue,
  type TransactionSummary,
} from './transaction-summary';

type Initialize = Extract<StakeInstruction, { kind: 'initialize' }>;
type Delegate = Extract<StakeInstruction, { kind: 'delegate' }>;
type Split = Extract<StakeInstruction, { kind: 'split' }>;

/** Vote accounts the newer app line names instead of printing their address. */
const NAMED_VOTE_ACCOUNTS: ReadonlyMap<string, string> = new Map([
  ['26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx', 'Ledger by Figment'],
  ['CpfvLiiPALdzZTP3fUrALg2TXwEDSAknRh1sn5JCt9Sr', 'Ledger by Chorus One'],
]);

export function delegatePrimaryTitle(config: PrintConfig): string {
  return config.displayLine === 'legacy' ? 'Delegate from' : 'Delegated from';
}

function voteAccountValue(vote: string, config: PrintConfig): SummaryValue {
  const name = config.displayLine === 'newer' ? NAMED_VOTE_ACCOUNTS.get(vote) : undefined;
  return name ? text(name) : pubkey(vote);
}

/** Authorities and lockup of a new stake account; "Lockup: None" appears in expert mode only. */
export function printInitializeDetails(
  summary: TransactionSummary,
  info: Initialize,
  config: PrintConfig,
): void {
  if (info.staker === info.withdrawer) {
    summary.addGeneral('New authority', pubkey(info.staker));
  } else {
    summary.addGeneral('New stake auth', pubkey(info.staker));
    summary.addGeneral('New withdraw auth', pubkey(info.withdrawer));
  }

  const lockup = info.lockup;
  if (lockup && (lockup.unixTimestamp > 0n || lockup.epoch > 0n)) {
    if (lockup.unixTimestamp > 0n) {
      summary.addGeneral('Lockup time', timestamp(lockup.unixTimestamp));
    }
    if (lockup.epoch > 0n) {
      summary.addGeneral('Lockup epoch', u64(lockup.epoch));
    }
    summary.addGeneral('Lockup authority', pubkey(lockup.custodian));
  } else if (config.expertMode) {
    summary.addGeneral('Lockup', text('None'));
  }
}

export function printDelegateDetails(
  summary: TransactionSummary,
  info: Delegate,
  config: PrintConfig,
): void {
  if (showAuthority(config, info.authority)) {
    summary.addGeneral('Authorized by', pubkey(info.authority));
  }
  summary.addGeneral('Vote account', voteAccountValue(info.vote, config));
}

/** Primary "Split stake", then From and To; the authority comes from `printSplitAuthority`. */
export function printSplitHead(summary: TransactionSummary, info: Split): void {
  summary.setPrimary('Split stake', amount(info.lamports));
  summary.addGeneral('From', pubkey(info.stake));
  summary.addGeneral('To', pubkey(info.destination));
}

export function printSplitAuthority(
  summary: TransactionSummary,
  info: Split,
  config: PrintConfig,
): void {
  if (showAuthority(config, info.authority)) {
    summary.addGeneral('Authorized by', pubkey(info.authority));
  }
}

/** Screens of a Stake instruction shown on its own. */
export function printStakeInstruction(
  summary: TransactionSummary,
  info: StakeInstruction,
  config: PrintConfig,
): void {
  const legacy = config.displayLine === 'legacy';

  switch (info.kind) {
    case 'delegate':
      summary.setPrimary(delegatePrimaryTitle(config), pubkey(info.stake));
      printDelegateDetails(summary, info, config);
      return;
    case 'initialize':
      summary.setPrimary('Init stake acct', pubkey(info.stake));
      printInitializeDetails(summary, info, config);
      return;
    case 'withdraw':
      summary.setPrimary(legacy ? 'Stake withdraw' : 'Amount', amount(info.lamports));
      summary.addGeneral(legacy ? 'From' : 'From stake account', pubkey(info.stake));
      summary.addGeneral('To', pubkey(info.to));
      if (showAuthority(config, info.authority)) {
        summary.addGeneral('Authorized by', pubkey(info.authority));
      }
      return;
    case 'authorize':
      summary.setPrimary('Set stake auth', pubkey(info.stake));
      summary.addGeneral(
        info.role === 'staker' ? 'New stake auth' : 'New withdraw auth',
        pubkey(info.newAuthority),
      );
      if (showAuthority(config, info.authority)) {
        summary.addGeneral('Authorized by', pubkey(info.authority));
      }
      if (info.custodian && showAuthority(config, info.custodian)) {
        summary.addGeneral('Custodian', pubkey(info.custodian));
      }
      return;
    case 'deactivate':
      summary.setPrimary(legacy ? 'Deactivate stake' : 'Stake account', pubkey(info.stake));
      if (showAuthority(config, info.authority)) {
        summary.addGeneral('Authorized by', pubkey(info.authority));
      }
      return;
    case 'set-lockup':
      summary.setPrimary('Set lockup', pubkey(info.stake));
      if (info.unixTimestamp !== null) {
        summary.addGeneral('Time', timestamp(info.unixTimestamp));
      }
      if (info.epoch !== null) {
        summary.addGeneral('Epoch', u64(info.epoch));
      }
      if (info.newCustodian !== null) {
        summary.addGeneral('New authority', pubkey(info.newCustodian));
      }
      if (showAuthority(config, info.signer)) {
        summary.addGeneral('Authorized by', pubkey(info.signer));
      }
      return;
    case 'split':
      printSplitHead(summary, info);
      printSplitAuthority(summary, info, config);
      return;
    case 'merge':
      summary.setPrimary('Merge', pubkey(info.source));
      summary.addGeneral('Into', pubkey(info.destination));
      if (showAuthority(config, info.authority)) {
        summary.addGeneral('Authorized by', pubkey(info.authority));
      }
      return;
  }
}
