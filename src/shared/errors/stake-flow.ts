import { z } from 'zod';

const addressTextSchema = z.string();

/** Stage names a draft can be in, repeated here so error contexts stay plain data. */
const draftStageSchema = z.enum([
  'prepared',
  'signing',
  'signed',
  'sent',
  'confirmed',
  'finalized',
  'expired',
  'failed',
  'cancelled',
]);

/**
 * Error codes of the stake flows the bridge runs: preparing a draft from chain state,
 * simulating it, and signing, sending and confirming it.
 */
export const stakeFlowErrorContexts = {
  STAKE_DRAFT_NOT_FOUND: z.object({ draftId: z.string() }),
  STAKE_DRAFT_STATE_INVALID: z.object({
    draftId: z.string(),
    stage: draftStageSchema,
    action: z.enum(['signAndSend', 'rebuildExpired']),
  }),
  /** The draft was never signed and its blockhash ran out before the device was asked. */
  STAKE_DRAFT_EXPIRED: z.object({
    draftId: z.string(),
    blockHeight: z.number().int(),
    lastValidBlockHeight: z.number().int(),
  }),
  /** The Solana app on the device changed its release line since the draft was reviewed. */
  STAKE_DRAFT_OUTDATED: z.object({
    draftId: z.string(),
    preparedForVersion: z.string(),
    deviceVersion: z.string(),
  }),
  STAKE_SIMULATION_FAILED: z.object({
    title: z.string(),
    detail: z.string(),
    errorName: z.string(),
    instructionIndex: z.number().int().nullable(),
    customCode: z.number().int().nullable(),
  }),
  STAKE_SEND_FAILED: z.object({
    signature: z.string(),
    rpcCode: z.number().int().nullable(),
    reason: z.string(),
  }),
  STAKE_TRANSACTION_FAILED: z.object({
    signature: z.string(),
    slot: z.number().int(),
    title: z.string(),
    detail: z.string(),
    errorName: z.string(),
  }),
  /** The expired draft's transaction landed after all, so nothing must be rebuilt. */
  STAKE_ALREADY_LANDED: z.object({
    draftId: z.string(),
    signature: z.string(),
    slot: z.number().int(),
  }),
  /** The expired transaction could still land, so a rebuilt one could land as well. */
  STAKE_REBUILD_TOO_EARLY: z.object({
    draftId: z.string(),
    blockHeight: z.number().int(),
    lastValidBlockHeight: z.number().int(),
  }),
  STAKE_ACCOUNT_NOT_FOUND: z.object({
    stakeAccount: addressTextSchema,
    reason: z.enum(['missing', 'notStakeAccount', 'uninitialized']),
  }),
  VOTE_ACCOUNT_INVALID: z.object({
    voteAccount: addressTextSchema,
    reason: z.enum(['missing', 'notVoteAccount']),
  }),
  REDELEGATE_SAME_VALIDATOR: z.object({
    stakeAccount: addressTextSchema,
    voteAccount: addressTextSchema,
  }),
  REDELEGATE_WAIT_FOR_COOLDOWN: z.object({
    stakeAccount: addressTextSchema,
    earliestEpoch: z.number().int(),
  }),
  NEW_AUTHORITY_INVALID: z.object({
    newAuthority: addressTextSchema,
    reason: z.enum(['sameAsStakeAccount', 'programOrSysvar', 'unchanged']),
  }),
  STAKE_ALLOCATIONS_INVALID: z.object({
    reason: z.enum(['duplicateValidator', 'duplicateStakeAccount']),
    address: addressTextSchema,
  }),
  NOTHING_TO_WITHDRAW: z.object({ stakeAccounts: z.array(addressTextSchema) }),
};

export const stakeFlowErrorText = {
  STAKE_DRAFT_NOT_FOUND: {
    title: 'That prepared transaction is no longer available',
    nextStep: 'Prepare the operation again.',
  },
  STAKE_DRAFT_STATE_INVALID: {
    title: 'That transaction cannot do this in its current stage',
    nextStep: 'Check its status in the activity list before you try again.',
  },
  STAKE_DRAFT_EXPIRED: {
    title: 'The transaction expired before it was signed',
    nextStep: 'Refresh it, check the review again and sign it on the Ledger.',
  },
  STAKE_DRAFT_OUTDATED: {
    title: 'The Solana app on the Ledger changed since the review',
    nextStep: 'Prepare the operation again so the review matches the app.',
  },
  STAKE_SIMULATION_FAILED: {
    title: 'The transaction would fail',
    nextStep: 'Read the reason, change the amount or accounts, and prepare it again.',
  },
  STAKE_SEND_FAILED: {
    title: 'The network did not accept the transaction',
    nextStep: 'Send it again; the signed transaction is kept until it lands or expires.',
  },
  STAKE_TRANSACTION_FAILED: {
    title: 'The transaction landed but failed',
    nextStep: 'Read the reason; only the fee was charged. Prepare the operation again.',
  },
  STAKE_ALREADY_LANDED: {
    title: 'The transaction landed after all',
    nextStep: 'Nothing needs to be signed again; check the result in the activity list.',
  },
  STAKE_REBUILD_TOO_EARLY: {
    title: 'The first transaction could still land',
    nextStep: 'Wait until its blockhash has expired, then rebuild it.',
  },
  STAKE_ACCOUNT_NOT_FOUND: {
    title: 'That address is not an initialized stake account',
    nextStep: 'Refresh your stake accounts and pick one from the list.',
  },
  VOTE_ACCOUNT_INVALID: {
    title: 'That address is not a validator vote account',
    nextStep: 'Pick a validator from the validators list.',
  },
  REDELEGATE_SAME_VALIDATOR: {
    title: 'The stake is already delegated to that validator',
    nextStep: 'Pick another validator.',
  },
  REDELEGATE_WAIT_FOR_COOLDOWN: {
    title: 'The stake is still cooling down',
    nextStep: 'Delegate it to the new validator once the cooldown ends.',
  },
  NEW_AUTHORITY_INVALID: {
    title: 'That address cannot become the authority',
    nextStep: 'Enter the address of a wallet you control.',
  },
  STAKE_ALLOCATIONS_INVALID: {
    title: 'The same account appears twice',
    nextStep: 'List each validator or stake account once.',
  },
  NOTHING_TO_WITHDRAW: {
    title: 'None of these stake accounts has anything to withdraw now',
    nextStep: 'Deactivate them first and withdraw after the cooldown.',
  },
} as const;
