import type { SystemInstruction } from '../instructions/system-instructions';
import { WELL_KNOWN_OWNERS } from '../message/program-ids';
import { showAuthority, type PrintConfig } from './print-config';
import { amount, pubkey, seedText, u64, type TransactionSummary } from './transaction-summary';

type CreateAccount = Extract<SystemInstruction, { kind: 'create-account' }>;
type CreateAccountWithSeed = Extract<SystemInstruction, { kind: 'create-account-with-seed' }>;
type InitializeNonce = Extract<SystemInstruction, { kind: 'initialize-nonce' }>;

/**
 * Deposit, funder and (newer line, standalone only) the owner of a created account.
 * `displayOwner` is false inside composite patterns, which never print the owner.
 */
export function printCreateAccountDetails(
  summary: TransactionSummary,
  info: CreateAccount | CreateAccountWithSeed,
  config: PrintConfig,
  displayOwner: boolean,
): void {
  summary.addGeneral('Deposit', amount(info.lamports));

  if (showAuthority(config, info.from)) {
    summary.addGeneral('From', pubkey(info.from));
  }

  if (config.displayLine === 'newer' && displayOwner && !WELL_KNOWN_OWNERS.has(info.owner)) {
    summary.addGeneral('Data size', u64(info.space));
    summary.addGeneral('Owner program', pubkey(info.owner));
  }

  if (info.kind === 'create-account-with-seed' && config.expertMode) {
    summary.addGeneral('Base', pubkey(info.base));
    summary.addGeneral('Seed', seedText(info.seed));
  }
}

export function printInitializeNonceDetails(
  summary: TransactionSummary,
  info: InitializeNonce,
): void {
  summary.addGeneral('New authority', pubkey(info.authority));
}

/** Screens of a System instruction shown on its own. */
export function printSystemInstruction(
  summary: TransactionSummary,
  info: SystemInstruction,
  config: PrintConfig,
): void {
  switch (info.kind) {
    case 'transfer': {
      const legacy = config.displayLine === 'legacy';
      summary.setPrimary(legacy ? 'Transfer' : 'Amount', amount(info.lamports));
      if (showAuthority(config, info.from)) {
        summary.addGeneral('Sender', pubkey(info.from));
      }
      summary.addGeneral(legacy ? 'Recipient' : 'To', pubkey(info.to));
      return;
    }
    case 'create-account':
    case 'create-account-with-seed':
      summary.setPrimary('Create account', pubkey(info.to));
      printCreateAccountDetails(summary, info, config, true);
      return;
    case 'advance-nonce':
      summary.setPrimary('Advance nonce', pubkey(info.nonce));
      if (showAuthority(config, info.authority)) {
        summary.addGeneral('Authorized by', pubkey(info.authority));
      }
      return;
    case 'withdraw-nonce':
      summary.setPrimary('Nonce withdraw', amount(info.lamports));
      summary.addGeneral('From', pubkey(info.nonce));
      summary.addGeneral('To', pubkey(info.to));
      if (showAuthority(config, info.authority)) {
        summary.addGeneral('Authorized by', pubkey(info.authority));
      }
      return;
    case 'initialize-nonce':
      summary.setPrimary('Init nonce acct', pubkey(info.nonce));
      printInitializeNonceDetails(summary, info);
      return;
    case 'authorize-nonce':
      summary.setPrimary('Set nonce auth', pubkey(info.nonce));
      summary.addGeneral('New authority', pubkey(info.newAuthority));
      if (showAuthority(config, info.authority)) {
        summary.addGeneral('Authorized by', pubkey(info.authority));
      }
      return;
    case 'allocate':
      summary.setPrimary('Allocate acct', pubkey(info.account));
      summary.addGeneral('Data size', u64(info.space));
      return;
    case 'allocate-with-seed':
      summary.setPrimary('Allocate acct', pubkey(info.account));
      summary.addGeneral('Data size', u64(info.space));
      if (config.expertMode) {
        summary.addGeneral('Base', pubkey(info.base));
        summary.addGeneral('Seed', seedText(info.seed));
      }
      return;
    case 'assign':
      summary.setPrimary('Assign acct', pubkey(info.account));
      summary.addGeneral('To program', pubkey(info.owner));
      return;
  }
}
