import { z } from 'zod';

/** Lamports and other u64 values as decimal strings, so they survive the bridge exactly. */
const u64TextSchema = z.string().regex(/^\d+$/);
const addressTextSchema = z.string();

/**
 * Error codes of the stake subsystem: amount input, pre-sign checks and transaction building.
 * Amounts in contexts are lamports as decimal strings.
 */
export const stakeErrorContexts = {
  AMOUNT_EMPTY: z.object({ input: z.string() }),
  AMOUNT_NEGATIVE: z.object({ input: z.string() }),
  AMOUNT_NOT_DECIMAL: z.object({ input: z.string() }),
  AMOUNT_TOO_MANY_DECIMALS: z.object({ input: z.string(), maxDecimals: z.number().int() }),
  AMOUNT_TOO_LARGE: z.object({ input: z.string(), maxLamports: u64TextSchema }),
  AMOUNT_ZERO: z.object({ input: z.string() }),
  STAKE_AMOUNT_ABOVE_MAXIMUM: z.object({
    requestedLamports: u64TextSchema,
    maxStakeableLamports: u64TextSchema,
    balanceLamports: u64TextSchema,
  }),
  STAKE_AMOUNT_BELOW_MINIMUM_DELEGATION: z.object({
    requestedLamports: u64TextSchema,
    minimumDelegationLamports: u64TextSchema,
  }),
  FEE_PAYER_BALANCE_TOO_LOW: z.object({
    feePayer: addressTextSchema,
    balanceLamports: u64TextSchema,
    feeLamports: u64TextSchema,
    shortfallLamports: u64TextSchema,
  }),
  WITHDRAW_ABOVE_WITHDRAWABLE: z.object({
    stakeAccount: addressTextSchema,
    requestedLamports: u64TextSchema,
    withdrawableLamports: u64TextSchema,
    accountState: z.string(),
  }),
  WITHDRAW_WOULD_LEAVE_DUST: z.object({
    stakeAccount: addressTextSchema,
    requestedLamports: u64TextSchema,
    maxPartialLamports: u64TextSchema,
    allLamports: u64TextSchema,
  }),
  WITHDRAW_RECIPIENT_INVALID: z.object({
    recipient: addressTextSchema,
    reason: z.enum(['sameAsStakeAccount', 'stakeProgramAccount', 'programOrSysvar']),
  }),
  LOCKUP_IN_FORCE: z.object({
    stakeAccount: addressTextSchema,
    unixTimestamp: z.string(),
    epoch: u64TextSchema,
    custodian: addressTextSchema,
  }),
  SPLIT_LEG_BELOW_MINIMUM: z.object({
    stakeAccount: addressTextSchema,
    leg: z.enum(['source', 'destination']),
    legLamports: u64TextSchema,
    minimumDelegationLamports: u64TextSchema,
  }),
  SPLIT_AMOUNT_INVALID: z.object({
    stakeAccount: addressTextSchema,
    requestedLamports: u64TextSchema,
    maxSplitLamports: u64TextSchema,
  }),
  MERGE_NOT_POSSIBLE: z.object({
    destination: addressTextSchema,
    source: addressTextSchema,
    reason: z.string(),
  }),
  STAKE_ACCOUNT_STATE_INVALID: z.object({
    stakeAccount: addressTextSchema,
    operation: z.string(),
    accountState: z.string(),
  }),
  STAKE_AUTHORITY_MISMATCH: z.object({
    stakeAccount: addressTextSchema,
    role: z.enum(['staker', 'withdrawer']),
    expected: addressTextSchema,
    signer: addressTextSchema,
  }),
  STAKE_SEED_INVALID: z.object({ seed: z.string(), maxBytes: z.number().int() }),
  STAKE_SEED_EXHAUSTED: z.object({ base: addressTextSchema, attempts: z.number().int() }),
  TRANSACTION_TOO_LARGE: z.object({ sizeBytes: z.number().int(), maxBytes: z.number().int() }),
  TRANSACTION_NOT_CLEAR_SIGNABLE: z.object({
    appVersion: z.string(),
    instructionCount: z.number().int(),
    maxInstructions: z.number().int(),
  }),
  MESSAGE_DECODE_FAILED: z.object({ reason: z.string(), offset: z.number().int() }),
  BATCH_EMPTY: z.object({ operation: z.string() }),
};

export const stakeErrorText = {
  AMOUNT_EMPTY: {
    title: 'No amount was entered',
    nextStep: 'Enter an amount in SOL, for example 1.5.',
  },
  AMOUNT_NEGATIVE: {
    title: 'The amount is negative',
    nextStep: 'Enter a positive amount in SOL.',
  },
  AMOUNT_NOT_DECIMAL: {
    title: 'The amount is not a plain decimal number',
    nextStep: 'Use digits and at most one decimal point, for example 2.25, with no exponent.',
  },
  AMOUNT_TOO_MANY_DECIMALS: {
    title: 'The amount has more than 9 decimal places',
    nextStep: 'SOL has 9 decimal places; shorten the fractional part.',
  },
  AMOUNT_TOO_LARGE: {
    title: 'The amount is larger than any SOL balance can be',
    nextStep: 'Enter a smaller amount.',
  },
  AMOUNT_ZERO: {
    title: 'The amount is zero',
    nextStep: 'Enter an amount greater than 0 SOL.',
  },
  STAKE_AMOUNT_ABOVE_MAXIMUM: {
    title: 'The amount is more than this account can stake',
    nextStep:
      'Enter at most the maximum shown; it keeps the fee, the stake account rent and a reserve for unstaking later.',
  },
  STAKE_AMOUNT_BELOW_MINIMUM_DELEGATION: {
    title: 'The amount is below the minimum delegation of the cluster',
    nextStep: 'Enter at least the minimum delegation shown.',
  },
  FEE_PAYER_BALANCE_TOO_LOW: {
    title: 'The fee payer cannot pay the transaction fee',
    nextStep: 'Send at least the missing amount shown to the fee payer account, then try again.',
  },
  WITHDRAW_ABOVE_WITHDRAWABLE: {
    title: 'The amount is more than the stake account can release now',
    nextStep: 'Enter at most the withdrawable amount, or unstake first and wait for the cooldown.',
  },
  WITHDRAW_WOULD_LEAVE_DUST: {
    title: 'The withdrawal would leave the stake account below its rent reserve',
    nextStep: 'Withdraw everything to close the account, or leave at least the rent reserve in it.',
  },
  WITHDRAW_RECIPIENT_INVALID: {
    title: 'The recipient cannot receive a withdrawal',
    nextStep: 'Choose a wallet address such as one of your Ledger accounts.',
  },
  LOCKUP_IN_FORCE: {
    title: 'The stake account is locked up',
    nextStep: 'Wait until the lockup ends, or have the custodian sign the withdrawal.',
  },
  SPLIT_LEG_BELOW_MINIMUM: {
    title: 'The split would leave a stake account below the minimum delegation',
    nextStep: 'Choose an amount that leaves both accounts with at least the minimum delegation.',
  },
  SPLIT_AMOUNT_INVALID: {
    title: 'The split amount is larger than the stake account allows',
    nextStep: 'Enter at most the maximum split amount shown.',
  },
  MERGE_NOT_POSSIBLE: {
    title: 'These two stake accounts cannot be merged',
    nextStep: 'Read the reason shown; merging works once both accounts are in compatible states.',
  },
  STAKE_ACCOUNT_STATE_INVALID: {
    title: 'The stake account is not in a state that allows this action',
    nextStep: 'Refresh the account and choose an action its current state allows.',
  },
  STAKE_AUTHORITY_MISMATCH: {
    title: 'This Ledger account is not the authority of the stake account',
    nextStep: 'Sign with the Ledger account shown as the stake account authority.',
  },
  STAKE_SEED_INVALID: {
    title: 'The stake account seed is longer than 32 bytes',
    nextStep: 'Use a shorter seed.',
  },
  STAKE_SEED_EXHAUSTED: {
    title: 'No free stake account address was found',
    nextStep: 'Refresh the list of stake accounts and try again.',
  },
  TRANSACTION_TOO_LARGE: {
    title: 'The transaction is larger than the network accepts',
    nextStep: 'Split the action into smaller batches.',
  },
  TRANSACTION_NOT_CLEAR_SIGNABLE: {
    title: 'The Ledger cannot show this transaction in clear',
    nextStep: 'Split the action into smaller steps, or update the Solana app on the Ledger.',
  },
  MESSAGE_DECODE_FAILED: {
    title: 'The transaction could not be read',
    nextStep: 'Rebuild the transaction; if it came from elsewhere, do not sign it.',
  },
  BATCH_EMPTY: {
    title: 'There is nothing to do',
    nextStep: 'Select at least one account or validator.',
  },
} as const;
