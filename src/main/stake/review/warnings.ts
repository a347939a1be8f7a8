import type { DeviceReview, ReviewInstruction, ReviewWarning } from '../../../shared/domain/stake';
import type { ParsedMessage } from './message-parser';

/** Facts about a validator, looked up by vote account. */
export interface ValidatorFacts {
  delinquent: boolean;
  /** Commission in whole percent. */
  commissionPercent: number;
  /** True when the validator is in the smallest group holding a third of the stake. */
  superminority: boolean;
}

export interface WarningOptions {
  signer: string;
  isOwn: (address: string) => boolean;
  /** Balances of the person's accounts, in lamports. */
  balances: ReadonlyMap<string, bigint>;
  largeShareThresholdPercent: number;
  validatorLookup: ((voteAccount: string) => ValidatorFacts | undefined) | null;
  highCommissionPercent: number;
  feeLamports: bigint;
  priorityLamports: bigint;
  /** Warn when the fee, priority fee included, is above this. */
  highFeeLamports: bigint;
  /**
   * True when the person's own addresses are given (the app's saved accounts), so SOL
   * going elsewhere can be detected. Without them every recipient would look foreign.
   */
  knowsOwnAddresses: boolean;
}

/** Collects the warnings a person should read before confirming on the device. */
export function collectWarnings(
  message: ParsedMessage,
  instructions: readonly ReviewInstruction[],
  device: DeviceReview,
  options: WarningOptions,
): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  const feePayer = message.staticKeys[0] ?? '';

  for (const instruction of instructions) {
    if (instruction.program === 'other') {
      warnings.push({
        kind: 'unknownProgram',
        programId: instruction.programId,
        instructionIndex: instruction.index,
      });
    }
  }
  if (message.lookupTables.length > 0) {
    warnings.push({ kind: 'addressLookupTables', tableCount: message.lookupTables.length });
  }
  if (device.outcome === 'blindSign') {
    warnings.push({ kind: 'blindSigningRequired' });
  }
  if (device.outcome === 'refused') {
    warnings.push({ kind: 'signerNotRequired', signer: options.signer });
  }
  if (feePayer !== options.signer) {
    warnings.push({ kind: 'feePayerNotSigner', feePayer });
  }

  if (options.feeLamports > options.highFeeLamports) {
    warnings.push({
      kind: 'highFee',
      feeLamports: options.feeLamports.toString(),
      priorityLamports: options.priorityLamports.toString(),
    });
  }

  warnings.push(...authorityWarnings(instructions, options));
  if (options.knowsOwnAddresses) {
    warnings.push(...recipientWarnings(instructions, options));
  }
  warnings.push(...validatorWarnings(instructions, options));
  warnings.push(...balanceWarnings(instructions, feePayer, options));
  return warnings;
}

function authorityWarnings(
  instructions: readonly ReviewInstruction[],
  options: WarningOptions,
): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  for (const { action } of instructions) {
    switch (action.kind) {
      case 'stakeAuthorize':
      case 'stakeAuthorizeChecked':
      case 'stakeAuthorizeWithSeed':
      case 'stakeAuthorizeCheckedWithSeed':
        if (!options.isOwn(action.newAuthority)) {
          warnings.push({
            kind: 'authorityChangeToOtherKey',
            stakeAccount: action.stakeAccount,
            newAuthority: action.newAuthority,
          });
        }
        break;
      default:
        break;
    }
  }
  return warnings;
}

/** Warns for each transfer or withdrawal whose recipient is not one of the person's accounts. */
function recipientWarnings(
  instructions: readonly ReviewInstruction[],
  options: WarningOptions,
): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  const warn = (from: string, to: string, lamports: string): void => {
    if (!options.isOwn(to)) {
      warnings.push({ kind: 'fundsToOtherKey', from, to, lamports });
    }
  };
  for (const { action } of instructions) {
    switch (action.kind) {
      case 'systemTransfer':
      case 'systemTransferWithSeed':
        warn(action.from, action.to, action.lamports);
        break;
      case 'stakeWithdraw':
        warn(action.stakeAccount, action.to, action.lamports);
        break;
      default:
        break;
    }
  }
  return warnings;
}

function validatorWarnings(
  instructions: readonly ReviewInstruction[],
  options: WarningOptions,
): ReviewWarning[] {
  const lookup = options.validatorLookup;
  if (lookup === null) {
    return [];
  }

  const warnings: ReviewWarning[] = [];
  for (const { action } of instructions) {
    if (action.kind !== 'stakeDelegate' && action.kind !== 'stakeRedelegate') {
      continue;
    }
    const voteAccount = action.voteAccount;
    const facts = lookup(voteAccount);
    if (facts === undefined) {
      warnings.push({ kind: 'validatorUnknown', voteAccount });
      continue;
    }
    if (facts.delinquent) {
      warnings.push({ kind: 'validatorDelinquent', voteAccount });
    }
    if (facts.commissionPercent > options.highCommissionPercent) {
      warnings.push({
        kind: 'validatorHighCommission',
        voteAccount,
        commissionPercent: facts.commissionPercent,
      });
    }
    if (facts.superminority) {
      warnings.push({ kind: 'validatorSuperminority', voteAccount });
    }
  }
  return warnings;
}

/** Warns when SOL leaving one of the person's accounts (fee included) is a large share of it. */
function balanceWarnings(
  instructions: readonly ReviewInstruction[],
  feePayer: string,
  options: WarningOptions,
): ReviewWarning[] {
  const outgoing = new Map<string, bigint>();
  const addOutgoing = (account: string, lamports: bigint): void => {
    outgoing.set(account, (outgoing.get(account) ?? 0n) + lamports);
  };

  addOutgoing(feePayer, options.feeLamports);
  for (const { action } of instructions) {
    switch (action.kind) {
      case 'systemTransfer':
      case 'systemCreateAccount':
      case 'systemCreateAccountWithSeed':
      case 'systemTransferWithSeed':
        addOutgoing(action.from, BigInt(action.lamports));
        break;
      default:
        break;
    }
  }

  const warnings: ReviewWarning[] = [];
  for (const [account, lamports] of outgoing) {
    const balance = options.balances.get(account);
    if (balance === undefined || balance <= 0n || !options.isOwn(account)) {
      continue;
    }
    const percent = (lamports * 100n) / balance;
    if (percent >= BigInt(options.largeShareThresholdPercent)) {
      warnings.push({
        kind: 'largeShareOfBalance',
        account,
        outgoingLamports: lamports.toString(),
        balanceLamports: balance.toString(),
        percent: Number(percent),
      });
    }
  }
  return warnings;
}
