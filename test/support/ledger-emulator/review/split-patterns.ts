import { ProgramIds } from '../message/program-ids';
import { showAuthority, type PrintConfig } from './print-config';
import { stakeAt, systemAt, type ReviewableInstruction } from './reviewable';
import { printSplitAuthority, printSplitHead } from './stake-printer';
import { amount, pubkey, seedText, type TransactionSummary } from './transaction-summary';

type Entries = readonly ReviewableInstruction[];

interface SeedSource {
  readonly base: string;
  readonly seed: Uint8Array;
}

interface Funding {
  readonly amountTitle: 'Deposit' | 'Prefund';
  readonly funderTitle: 'Funded by' | 'Prefunder';
  readonly lamports: bigint;
  readonly funder: string;
}

/**
 * Checks that a split destination is new. The newer line rejects a split into the fee payer
 * or the signing key, because those accounts already exist.
 */
function isFreshDestination(destination: string, config: PrintConfig): boolean {
  return destination !== config.feePayer && destination !== config.signer;
}

function printSeed(summary: TransactionSummary, source: SeedSource, config: PrintConfig): void {
  if (config.expertMode) {
    summary.addGeneral('Base', pubkey(source.base));
    summary.addGeneral('Seed', seedText(source.seed));
  }
}

/** Newer line: the lamports that fund the destination, always shown; the funder if not the signer. */
function printFunding(summary: TransactionSummary, funding: Funding, config: PrintConfig): void {
  summary.addGeneral(funding.amountTitle, amount(funding.lamports));
  if (showAuthority(config, funding.funder)) {
    summary.addGeneral(funding.funderTitle, pubkey(funding.funder));
  }
}

/**
 * Prints the legacy line's prefunding transfer, which comes before the split and only in
 * expert mode. NOTE: the order follows 1.9's calls (prefund printer, then split printer).
 * The prefund printer's source was not read, so its expert-only gate is an assumption.
 */
function printLegacyPrefund(
  summary: TransactionSummary,
  lamports: bigint,
  funder: string,
  config: PrintConfig,
): void {
  if (config.expertMode) {
    summary.addGeneral('Prefund', amount(lamports));
    summary.addGeneral('Prefunder', pubkey(funder));
  }
}

/** Allocate + Assign + Split. */
export function printAllocateAssignSplit(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const allocate = systemAt(entries, 0, 'allocate');
  const assign = systemAt(entries, 1, 'assign');
  const split = stakeAt(entries, 2, 'split');

  if (config.displayLine === 'newer') {
    const bound =
      allocate.account === split.destination &&
      assign.account === split.destination &&
      assign.owner === ProgramIds.stake;
    if (!bound || !isFreshDestination(split.destination, config)) {
      return false;
    }
  }

  printSplitHead(summary, split);
  printSplitAuthority(summary, split, config);
  return true;
}

/** CreateAccount + Split: legacy shows the split alone, newer adds the deposit. */
export function printCreateAccountSplit(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const create = systemAt(entries, 0, 'create-account');
  const split = stakeAt(entries, 1, 'split');

  if (config.displayLine === 'legacy') {
    printSplitHead(summary, split);
    printSplitAuthority(summary, split, config);
    return true;
  }

  const bound = create.to === split.destination && create.owner === ProgramIds.stake;
  if (!bound || !isFreshDestination(split.destination, config)) {
    return false;
  }
  printSplitHead(summary, split);
  printFunding(
    summary,
    {
      amountTitle: 'Deposit',
      funderTitle: 'Funded by',
      lamports: create.lamports,
      funder: create.from,
    },
    config,
  );
  printSplitAuthority(summary, split, config);
  return true;
}

/** AllocateWithSeed + Split, or CreateAccountWithSeed + Split. */
export function printSeededSplit(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const first = entries[0];
  const split = stakeAt(entries, 1, 'split');
  if (first?.program !== 'system') {
    return false;
  }
  const source = first.instruction;
  if (source.kind !== 'allocate-with-seed' && source.kind !== 'create-account-with-seed') {
    return false;
  }

  if (config.displayLine === 'newer') {
    const account = source.kind === 'allocate-with-seed' ? source.account : source.to;
    if (account !== split.destination || source.owner !== ProgramIds.stake) {
      return false;
    }
  }

  printSplitHead(summary, split);
  printSeed(summary, source, config);
  if (config.displayLine === 'newer' && source.kind === 'create-account-with-seed') {
    printFunding(
      summary,
      {
        amountTitle: 'Deposit',
        funderTitle: 'Funded by',
        lamports: source.lamports,
        funder: source.from,
      },
      config,
    );
  }
  printSplitAuthority(summary, split, config);
  return true;
}

/** Transfer + AllocateWithSeed + Split: the transfer prefunds the destination's rent. */
export function printPrefundedSeededSplit(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const transfer = systemAt(entries, 0, 'transfer');
  const allocate = systemAt(entries, 1, 'allocate-with-seed');
  const split = stakeAt(entries, 2, 'split');

  if (config.displayLine === 'legacy') {
    printLegacyPrefund(summary, transfer.lamports, transfer.from, config);
    printSplitHead(summary, split);
    printSeed(summary, allocate, config);
    printSplitAuthority(summary, split, config);
    return true;
  }

  const bound =
    allocate.account === split.destination &&
    allocate.owner === ProgramIds.stake &&
    transfer.to === split.destination;
  if (!bound) {
    return false;
  }
  printSplitHead(summary, split);
  printSeed(summary, allocate, config);
  printFunding(
    summary,
    {
      amountTitle: 'Prefund',
      funderTitle: 'Prefunder',
      lamports: transfer.lamports,
      funder: transfer.from,
    },
    config,
  );
  printSplitAuthority(summary, split, config);
  return true;
}

/** Transfer + Allocate + Assign + Split. */
export function printPrefundedSplit(
  summary: TransactionSummary,
  entries: Entries,
  config: PrintConfig,
): boolean {
  const transfer = systemAt(entries, 0, 'transfer');
  const allocate = systemAt(entries, 1, 'allocate');
  const assign = systemAt(entries, 2, 'assign');
  const split = stakeAt(entries, 3, 'split');

  if (config.displayLine === 'legacy') {
    printLegacyPrefund(summary, transfer.lamports, transfer.from, config);
    printSplitHead(summary, split);
    printSplitAuthority(summary, split, config);
    return true;
  }

  const bound =
    allocate.account === split.destination &&
    assign.account === split.destination &&
    assign.owner === ProgramIds.stake &&
    transfer.to === split.destination;
  if (!bound || !isFreshDestination(split.destination, config)) {
    return false;
  }
  printSplitHead(summary, split);
  printFunding(
    summary,
    {
      amountTitle: 'Prefund',
      funderTitle: 'Prefunder',
      lamports: transfer.lamports,
      funder: transfer.from,
    },
    config,
  );
  printSplitAuthority(summary, split, config);
  return true;
}
