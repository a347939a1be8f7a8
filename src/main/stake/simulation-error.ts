import { STAKE_PROGRAM_ID, SYSTEM_PROGRAM_ID } from './addresses';

/** A failed simulation or transaction explained in plain words. */
export interface SimulationFailure {
  title: string;
  /** Explanation and next step, in one or two sentences. */
  detail: string;
  /** Top-level instruction that failed, when the error names one. */
  instructionIndex: number | null;
  programId: string | null;
  /** The program's custom error number, for `{ Custom: n }` errors. */
  customCode: number | null;
  /** Name of the runtime or program error, such as `InsufficientFunds` or `MergeMismatch`. */
  errorName: string;
}

interface ErrorText {
  name: string;
  title: string;
  detail: string;
}

/** solana-program/stake `StakeError`, by custom error number. */
const stakeErrors: readonly ErrorText[] = [
  {
    name: 'NoCreditsToRedeem',
    title: 'No rewards to redeem',
    detail: 'The validator has not earned vote credits to redeem.',
  },
  {
    name: 'LockupInForce',
    title: 'The stake account is locked up',
    detail: 'Wait until the lockup ends, or have the custodian sign.',
  },
  {
    name: 'AlreadyDeactivated',
    title: 'The stake account is already unstaked',
    detail: 'Nothing to do; withdraw once the cooldown ends.',
  },
  {
    name: 'TooSoonToRedelegate',
    title: 'Too soon to delegate again',
    detail: 'The stake is still effective; delegate again after the cooldown ends.',
  },
  {
    name: 'InsufficientStake',
    title: 'Not enough stake to split',
    detail: 'The split amount is more than the account has staked.',
  },
  {
    name: 'MergeTransientStake',
    title: 'An account is activating or deactivating',
    detail: 'Merge once both accounts are fully active or fully inactive.',
  },
  {
    name: 'MergeMismatch',
    title: 'The accounts cannot be merged',
    detail: 'They differ in authorities, lockup, validator or activation state.',
  },
  {
    name: 'CustodianMissing',
    title: 'The lockup custodian is missing',
    detail: 'A locked-up account needs its custodian in the transaction.',
  },
  {
    name: 'CustodianSignatureMissing',
    title: 'The lockup custodian did not sign',
    detail: 'A locked-up account needs its custodian to sign.',
  },
  {
    name: 'InsufficientReferenceVotes',
    title: 'The reference validator has too few votes',
    detail: 'Pick a reference vote account that voted in recent epochs.',
  },
  {
    name: 'VoteAddressMismatch',
    title: 'The stake is delegated to another validator',
    detail: 'Use the vote account the stake is delegated to.',
  },
  {
    name: 'MinimumDelinquentEpochsForDeactivationNotMet',
    title: 'The validator is not delinquent long enough',
    detail: 'Try again after more epochs without votes.',
  },
  {
    name: 'InsufficientDelegation',
    title: 'Below the minimum delegation',
    detail: 'Each stake account must keep at least the cluster minimum delegation.',
  },
  {
    name: 'RedelegateTransientOrInactiveStake',
    title: 'The stake cannot be redelegated now',
    detail: 'Only fully active stake can be redelegated.',
  },
  {
    name: 'RedelegateToSameVoteAccount',
    title: 'Already delegated to this validator',
    detail: 'Pick a different validator.',
  },
  {
    name: 'RedelegatedStakeMustFullyActivateBeforeDeactivationIsPermitted',
    title: 'Redelegated stake is still activating',
    detail: 'Unstake it after it is fully active.',
  },
  {
    name: 'EpochRewardsActive',
    title: 'Rewards are being paid out',
    detail:
      'Stake changes are paused while epoch rewards are distributed; try again in a few minutes.',
  },
];

/** Agave `SystemError`, by custom error number. */
const systemErrors: readonly ErrorText[] = [
  {
    name: 'AccountAlreadyInUse',
    title: 'The new account address is already in use',
    detail: 'Build the transaction again so a free seed is chosen.',
  },
  {
    name: 'ResultWithNegativeLamports',
    title: 'Not enough SOL for this transfer',
    detail: 'The sending account holds less than the amount; lower it or add SOL.',
  },
  {
    name: 'InvalidProgramId',
    title: 'Invalid program for the new account',
    detail: 'The transaction is malformed; build it again.',
  },
  {
    name: 'InvalidAccountDataLength',
    title: 'Invalid account size',
    detail: 'The transaction is malformed; build it again.',
  },
  {
    name: 'MaxSeedLengthExceeded',
    title: 'The seed is longer than 32 bytes',
    detail: 'Use a shorter seed.',
  },
  {
    name: 'AddressWithSeedMismatch',
    title: 'The address does not match its seed',
    detail: 'The transaction is malformed; build it again.',
  },
  {
    name: 'NonceNoRecentBlockhashes',
    title: 'The nonce cannot advance yet',
    detail: 'Try again in a moment.',
  },
  {
    name: 'NonceBlockhashNotExpired',
    title: 'The nonce was already advanced in this block',
    detail: 'Try again in a moment.',
  },
  {
    name: 'NonceUnexpectedBlockhashValue',
    title: 'The durable nonce has changed',
    detail: 'It was used by another transaction; build and sign again with the new nonce.',
  },
];

/** Runtime errors that name the whole transaction (`TransactionError` unit variants). */
const transactionErrors: Readonly<Record<string, Omit<ErrorText, 'name'>>> = {
  InsufficientFundsForFee: {
    title: 'The fee payer cannot pay the fee',
    detail: 'Add SOL to the fee payer account and try again.',
  },
  AccountNotFound: {
    title: 'The fee payer account does not exist',
    detail: 'It holds no SOL yet; send SOL to it first.',
  },
  BlockhashNotFound: {
    title: 'The transaction expired',
    detail: 'Its blockhash is too old; build and sign it again.',
  },
  AlreadyProcessed: {
    title: 'The transaction was already processed',
    detail: 'Check its signature before sending anything again.',
  },
  InvalidAccountForFee: {
    title: 'The fee payer cannot pay fees',
    detail: 'Only a system account with SOL can pay fees.',
  },
  SignatureFailure: { title: 'A signature is invalid', detail: 'Sign the transaction again.' },
  AccountInUse: { title: 'An account is busy', detail: 'Try again in a moment.' },
  ProgramAccountNotFound: {
    title: 'A program used by the transaction does not exist',
    detail: 'The cluster may not support it.',
  },
};

/** Runtime `InstructionError` unit variants, with wording for stake operations. */
const instructionErrors: Readonly<Record<string, Omit<ErrorText, 'name'>>> = {
  InsufficientFunds: {
    title: 'Not enough lamports for this amount',
    detail: 'Staked SOL and the rent reserve cannot leave a stake account; lower the amount.',
  },
  InvalidArgument: {
    title: 'The program rejected an argument',
    detail: 'For example, a stake account cannot withdraw to itself or merge with itself.',
  },
  InvalidAccountData: {
    title: 'An account is not in the expected state',
    detail: 'Refresh the accounts; the stake account may be uninitialized or already closed.',
  },
  InvalidInstructionData: {
    title: 'The instruction data is invalid',
    detail: 'Build the transaction again.',
  },
  MissingRequiredSignature: {
    title: 'A required authority did not sign',
    detail: "Sign with the stake account's authority.",
  },
  AccountAlreadyInitialized: {
    title: 'The account already exists',
    detail: 'Build the transaction again so a new address is chosen.',
  },
  UninitializedAccount: {
    title: 'The account is not initialized',
    detail: 'Refresh the accounts and try again.',
  },
  IncorrectProgramId: {
    title: 'An account belongs to the wrong program',
    detail: 'Check the vote or stake account address.',
  },
  InvalidAccountOwner: {
    title: 'An account belongs to the wrong program',
    detail: 'Check the stake account address.',
  },
  ArithmeticOverflow: { title: 'An amount overflowed', detail: 'Lower the amount.' },
  ComputationalBudgetExceeded: {
    title: 'The transaction ran out of compute units',
    detail: 'Build it again with a higher compute unit limit.',
  },
  ProgramFailedToComplete: {
    title: 'The program did not complete',
    detail: 'Build it again with a higher compute unit limit.',
  },
};

const STAKE = STAKE_PROGRAM_ID.toBase58();
const SYSTEM = SYSTEM_PROGRAM_ID.toBase58();

/**
 * Explains the `err` of `simulateTransaction` (or of a confirmed transaction) with its logs:
 * transaction-level errors, instruction errors such as `InsufficientFunds`, and custom program
 * errors ("custom program error: 0x6") of the Stake and System programs. `programIds` are the
 * message's top-level program ids in order; without them the failing program is read from the
 * "Program … invoke [1]" log lines. Returns null when `err` is null.
 */
export function describeSimulationError(
  err: unknown,
  logs: readonly string[] | null,
  programIds: readonly string[] = [],
): SimulationFailure | null {
  if (err === null || err === undefined) {
    return null;
  }
  if (typeof err === 'string') {
    return describeTransactionError(err);
  }
  if (typeof err !== 'object') {
    return generic(typeof err === 'number' || typeof err === 'boolean' ? String(err) : typeof err);
  }

  const record = err as Record<string, unknown>;
  const instructionError = record.InstructionError;
  if (Array.isArray(instructionError) && typeof instructionError[0] === 'number') {
    return describeInstructionError(
      instructionError[0],
      instructionError[1],
      logs ?? [],
      programIds,
    );
  }

  const rent = record.InsufficientFundsForRent;
  if (rent !== undefined) {
    const accountIndex = (rent as { account_index?: number }).account_index;
    return {
      ...blank('InsufficientFundsForRent'),
      title: 'An account would be left below its rent reserve',
      detail: `Account ${accountIndex ?? '?'} of the transaction would keep more than 0 but less than its rent-exempt minimum; leave it empty or keep the minimum.`,
    };
  }

  const name = Object.keys(record)[0] ?? 'UnknownError';
  return generic(name);
}

function describeTransactionError(name: string): SimulationFailure {
  const text = transactionErrors[name];
  return text === undefined ? generic(name) : { ...blank(name), ...text };
}

function describeInstructionError(
  index: number,
  inner: unknown,
  logs: readonly string[],
  programIds: readonly string[],
): SimulationFailure {
  const programId = programIds[index] ?? programFromLogs(index, logs);
  const base = { instructionIndex: index, programId };

  if (typeof inner === 'string') {
    const text = instructionErrors[inner];
    const systemShortfall = programId === SYSTEM ? transferShortfall(logs) : null;
    return {
      ...blank(inner),
      ...base,
      title: text?.title ?? `Instruction ${index + 1} failed: ${inner}`,
      detail:
        systemShortfall ??
        text?.detail ??
        'Build the transaction again; if it fails again, report it.',
    };
  }

  const custom = (inner as { Custom?: unknown } | null)?.Custom;
  if (typeof custom === 'number') {
    const table = customErrorTable(programId);
    const text = table[custom];
    const hex = `0x${custom.toString(16)}`;
    return {
      ...base,
      customCode: custom,
      errorName: text?.name ?? `Custom(${custom})`,
      title: text?.title ?? `Instruction ${index + 1} failed with custom program error ${hex}`,
      detail:
        text?.detail ??
        `Program ${programId ?? 'unknown'} returned error ${hex}, which this wallet cannot explain.`,
    };
  }

  const name =
    inner !== null && typeof inner === 'object'
      ? (Object.keys(inner)[0] ?? 'UnknownError')
      : 'UnknownError';
  return { ...generic(name), ...base };
}

function customErrorTable(programId: string | null): readonly ErrorText[] {
  if (programId === STAKE) {
    return stakeErrors;
  }
  if (programId === SYSTEM) {
    return systemErrors;
  }
  return [];
}

/** Returns the program of top-level instruction `index` from "Program <id> invoke [1]" lines. */
function programFromLogs(index: number, logs: readonly string[]): string | null {
  let seen = -1;
  for (const line of logs) {
    const match = /^Program (\w+) invoke \[1\]$/.exec(line);
    if (match !== null) {
      seen += 1;
      if (seen === index) {
        return match[1] ?? null;
      }
    }
  }
  return null;
}

/** Reads the System program's "Transfer: insufficient lamports X, need Y" log line. */
function transferShortfall(logs: readonly string[]): string | null {
  for (const line of logs) {
    const match = /insufficient lamports (\d+), need (\d+)/.exec(line);
    if (match !== null) {
      const have = BigInt(match[1] ?? '0');
      const need = BigInt(match[2] ?? '0');
      return `The sending account holds ${have} lamports but needs ${need}; add at least ${need - have} lamports.`;
    }
  }
  return null;
}

function blank(name: string): SimulationFailure {
  return {
    title: '',
    detail: '',
    instructionIndex: null,
    programId: null,
    customCode: null,
    errorName: name,
  };
}

function generic(name: string): SimulationFailure {
  return {
    ...blank(name),
    title: `The transaction failed: ${name}`,
    detail: 'Build the transaction again; if it fails again, report it with this error name.',
  };
}
