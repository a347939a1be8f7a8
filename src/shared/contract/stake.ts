import { z } from 'zod';

import { defineEvent, defineMethod } from './define';
import { addressSchema, lamportsSchema } from '../domain/chain';
import { deviceScreenSchema, reviewModelSchema, stakeAuthorityTypeSchema } from '../domain/stake';
import { signatureSchema } from '../domain/store';
import { walletErrorDataSchema } from '../errors';

/**
 * The stake flows: prepare a draft (build, check, simulate, review), then sign it on the
 * Ledger, send it and follow it to finalization. Lamports cross the bridge as decimal strings.
 */

/** Lamports that may be negative, such as a balance change. */
const signedLamportsSchema = z.string().regex(/^-?\d+$/, 'expected a decimal integer string');

const solAmountSchema = z.strictObject({
  unit: z.literal('sol'),
  /** The text the person typed, such as "1.5"; parsed digit by digit in the main process. */
  value: z.string().max(40),
});
const lamportsAmountSchema = z.strictObject({
  unit: z.literal('lamports'),
  value: lamportsSchema.max(20),
});

/** An amount typed in SOL, or exact lamports from the Max and percentage buttons. */
export const stakeAmountSchema = z.discriminatedUnion('unit', [
  solAmountSchema,
  lamportsAmountSchema,
]);
export type StakeAmount = z.infer<typeof stakeAmountSchema>;

/** A withdrawal amount, or `all` for everything the account can release now. */
export const withdrawAmountSchema = z.discriminatedUnion('unit', [
  solAmountSchema,
  lamportsAmountSchema,
  z.strictObject({ unit: z.literal('all') }),
]);
export type WithdrawAmount = z.infer<typeof withdrawAmountSchema>;

export const stakeOperationSchema = z.enum([
  'createStake',
  'delegate',
  'deactivate',
  'withdraw',
  'split',
  'merge',
  'authorize',
  'redelegate',
  'stakeAcrossValidators',
  'withdrawMany',
]);
export type StakeOperation = z.infer<typeof stakeOperationSchema>;

export const flowCheckIdSchema = z.enum([
  'amount',
  'balance',
  'feePayer',
  'minimumDelegation',
  'accountState',
  'authority',
  'lockup',
  'withdrawable',
  'recipient',
  'merge',
  'split',
  'seed',
  'voteAccount',
  'clearSigning',
  'simulation',
  'withdrawerChange',
  'transactionSize',
]);
export type FlowCheckId = z.infer<typeof flowCheckIdSchema>;

/** One check run before the device is asked. A failed check stops the flow with an error instead. */
export const flowCheckSchema = z.strictObject({
  check: flowCheckIdSchema,
  /** warning: the transaction will work, but the person should read this first. */
  outcome: z.enum(['passed', 'warning']),
  text: z.string(),
});
export type FlowCheck = z.infer<typeof flowCheckSchema>;

export const balanceChangeSchema = z.strictObject({
  address: addressSchema,
  /** The person's label, or the kind of account, such as "New stake account". */
  label: z.string().nullable(),
  /** Balance before the transaction; null for an account that does not exist yet. */
  beforeLamports: lamportsSchema.nullable(),
  changeLamports: signedLamportsSchema,
});
export type BalanceChange = z.infer<typeof balanceChangeSchema>;

export const simulationSummarySchema = z.strictObject({
  /** Balance change of each account, fee included, computed from the instructions. */
  balanceChanges: z.array(balanceChangeSchema),
  logs: z.array(z.string()).optional(),
  unitsConsumed: z.number().int().nonnegative().nullable(),
});
export type SimulationSummary = z.infer<typeof simulationSummarySchema>;

/** Place of a draft among the transactions of one batch operation. */
export const batchPositionSchema = z.strictObject({
  batchId: z.uuid(),
  /** 0-based. */
  index: z.number().int().nonnegative(),
  count: z.number().int().positive(),
});
export type BatchPosition = z.infer<typeof batchPositionSchema>;

/** A second step the person takes later, such as delegating again after a cooldown. */
export const followUpSchema = z.strictObject({
  kind: z.literal('delegateAfterCooldown'),
  stakeAccount: addressSchema,
  voteAccount: addressSchema,
  earliestEpoch: z.number().int().nonnegative(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const stakeDraftSchema = z.strictObject({
  draftId: z.uuid(),
  /** Shared by a draft and the drafts rebuilt from it, which all carry out one intent. */
  intentId: z.uuid(),
  operation: stakeOperationSchema,
  /** One line, such as "Stake 2 SOL with Aurora Staking". */
  summary: z.string(),
  signer: addressSchema,
  /** The compiled message the Ledger signs, base64; the review is computed from these bytes. */
  messageBase64: z.base64().max(1644),
  review: reviewModelSchema,
  checks: z.array(flowCheckSchema),
  simulation: simulationSummarySchema,
  feeLamports: lamportsSchema,
  /** Block height after which the cluster rejects this transaction. */
  expiresAtBlockHeight: z.number().int().nonnegative(),
  batch: batchPositionSchema.nullable(),
  /** Stake accounts this transaction creates. */
  newStakeAccounts: z.array(addressSchema),
  followUp: followUpSchema.nullable(),
  /** The expired draft this one was rebuilt from, with the person's consent. */
  replaces: z.uuid().nullable(),
});
export type StakeDraft = z.infer<typeof stakeDraftSchema>;

export const stakeBatchSchema = z.strictObject({
  batchId: z.uuid(),
  operation: stakeOperationSchema,
  summary: z.string(),
  /** One draft per transaction; each is reviewed and signed on its own. */
  drafts: z.array(stakeDraftSchema).min(1),
});
export type StakeBatch = z.infer<typeof stakeBatchSchema>;

const explorerUrlSchema = z.string().nullable();

export const sendOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('landed'),
    draftId: z.uuid(),
    signature: signatureSchema,
    slot: z.number().int().nonnegative(),
    confirmationStatus: z.enum(['confirmed', 'finalized']),
    explorerUrl: explorerUrlSchema,
  }),
  /** The blockhash ran out and the signature is not on chain; rebuildExpired offers a new one. */
  z.strictObject({
    outcome: z.literal('expired'),
    draftId: z.uuid(),
    signature: signatureSchema,
    blockHeight: z.number().int(),
    lastValidBlockHeight: z.number().int(),
  }),
  /** The transaction landed with an error; only the fee was charged. */
  z.strictObject({
    outcome: z.literal('failed'),
    draftId: z.uuid(),
    signature: signatureSchema,
    slot: z.number().int().nonnegative(),
    error: walletErrorDataSchema,
    explorerUrl: explorerUrlSchema,
  }),
]);
export type SendOutcome = z.infer<typeof sendOutcomeSchema>;

export const maxStakeableSchema = z.strictObject({
  account: addressSchema,
  balanceLamports: lamportsSchema,
  /** Fees of all the staking transactions together. */
  feeLamports: lamportsSchema,
  /** Rent-exempt reserves of all the new stake accounts together. */
  stakeRentReserveLamports: lamportsSchema,
  /** Left in the account to pay a later deactivate and withdraw, and its own rent minimum. */
  keptReserveLamports: lamportsSchema,
  maxLamports: lamportsSchema,
  /** The requested percentage of the maximum, rounded down; the maximum without a percentage. */
  amountLamports: lamportsSchema,
  minimumDelegationLamports: lamportsSchema,
  validatorCount: z.number().int().positive(),
});
export type MaxStakeable = z.infer<typeof maxStakeableSchema>;

export const mergeCandidateSchema = z.discriminatedUnion('mergeable', [
  z.strictObject({ source: addressSchema, mergeable: z.literal(true) }),
  z.strictObject({ source: addressSchema, mergeable: z.literal(false), reason: z.string() }),
]);
export type MergeCandidate = z.infer<typeof mergeCandidateSchema>;

const accountField = {
  /** The person's Ledger account that signs and pays the fee. */
  account: addressSchema,
};
const draftIdInput = z.strictObject({ draftId: z.uuid() });

const authorityChangeSchema = z.strictObject({
  authorityType: stakeAuthorityTypeSchema,
  newAuthority: addressSchema,
});

export const stakeMethods = {
  getMaxStakeable: defineMethod({
    summary:
      'Compute the largest amount the account can stake (balance minus fees, rent reserves and a kept reserve), or a percentage of it; the Max button, the percentage buttons and validation all use it.',
    input: z.strictObject({
      ...accountField,
      percent: z.int().min(1).max(100).optional(),
      /** How many validators the amount is spread over; each costs a fee and a rent reserve. */
      validatorCount: z.int().min(1).max(20).optional(),
    }),
    output: maxStakeableSchema,
  }),
  getMergeOptions: defineMethod({
    summary:
      'List the person’s other stake accounts and whether each can be merged into the given one, with the reason when not.',
    input: z.strictObject({ ...accountField, destination: addressSchema }),
    output: z.strictObject({
      destination: addressSchema,
      candidates: z.array(mergeCandidateSchema),
    }),
  }),
  prepareCreateStake: defineMethod({
    summary:
      'Prepare a transaction that creates a stake account from the Ledger account and delegates it.',
    input: z.strictObject({
      ...accountField,
      voteAccount: addressSchema,
      amount: stakeAmountSchema,
    }),
    output: stakeDraftSchema,
  }),
  prepareDelegate: defineMethod({
    summary: 'Prepare the delegation of an initialized or inactive stake account.',
    input: z.strictObject({
      ...accountField,
      stakeAccount: addressSchema,
      voteAccount: addressSchema,
    }),
    output: stakeDraftSchema,
  }),
  prepareDeactivate: defineMethod({
    summary: 'Prepare unstaking a delegated stake account.',
    input: z.strictObject({ ...accountField, stakeAccount: addressSchema }),
    output: stakeDraftSchema,
  }),
  prepareWithdraw: defineMethod({
    summary: 'Prepare a withdrawal from a stake account, part or all of what it can release now.',
    input: z.strictObject({
      ...accountField,
      stakeAccount: addressSchema,
      amount: withdrawAmountSchema,
      /** Recipient of the lamports, or the signing account when absent. */
      recipient: addressSchema.optional(),
    }),
    output: stakeDraftSchema,
  }),
  prepareSplit: defineMethod({
    summary:
      'Prepare splitting part of a stake account into a new one derived from the Ledger key.',
    input: z.strictObject({
      ...accountField,
      stakeAccount: addressSchema,
      amount: stakeAmountSchema,
    }),
    output: stakeDraftSchema,
  }),
  prepareMerge: defineMethod({
    summary: 'Prepare merging the source stake account into the destination; the source closes.',
    input: z.strictObject({ ...accountField, destination: addressSchema, source: addressSchema }),
    output: stakeDraftSchema,
  }),
  prepareAuthorize: defineMethod({
    summary:
      'Prepare giving the stake or withdraw authority (or both) of a stake account to another key.',
    input: z.strictObject({
      ...accountField,
      stakeAccount: addressSchema,
      changes: z
        .array(authorityChangeSchema)
        .min(1)
        .max(2)
        .refine(
          (changes) =>
            new Set(changes.map((change) => change.authorityType)).size === changes.length,
          'each authority type may appear once',
        ),
    }),
    output: stakeDraftSchema,
  }),
  prepareRedelegate: defineMethod({
    summary:
      'Prepare moving stake to another validator: unstake now and delegate again after the cooldown.',
    input: z.strictObject({
      ...accountField,
      stakeAccount: addressSchema,
      voteAccount: addressSchema,
    }),
    output: stakeDraftSchema,
  }),
  prepareStakeAcrossValidators: defineMethod({
    summary:
      'Prepare one new stake account per validator, in as many transactions as the Ledger can show in clear.',
    input: z.strictObject({
      ...accountField,
      allocations: z
        .array(z.strictObject({ voteAccount: addressSchema, amount: stakeAmountSchema }))
        .min(1)
        .max(20),
    }),
    output: stakeBatchSchema,
  }),
  prepareWithdrawMany: defineMethod({
    summary:
      'Prepare withdrawing everything several stake accounts can release, in transactions that each fit the size and device limits.',
    input: z.strictObject({
      ...accountField,
      stakeAccounts: z.array(addressSchema).min(1).max(200),
      recipient: addressSchema.optional(),
    }),
    output: stakeBatchSchema,
  }),
  signAndSend: defineMethod({
    summary:
      'Sign a prepared draft on the Ledger, send it and wait until it is confirmed or expires; a signed draft whose send failed is sent again as it is.',
    input: draftIdInput,
    output: sendOutcomeSchema,
  }),
  cancelStakeFlow: defineMethod({
    summary:
      'Stop the signing of a draft, or drop a draft not yet signed; a sent transaction cannot be cancelled.',
    input: draftIdInput,
    output: z.strictObject({ cancelled: z.boolean() }),
  }),
  rebuildExpired: defineMethod({
    summary:
      'With the person’s consent, rebuild an expired draft with a fresh blockhash after checking that the first transaction did not land.',
    input: draftIdInput,
    output: stakeDraftSchema,
  }),
};

const progressBase = {
  draftId: z.uuid(),
  intentId: z.uuid(),
  batch: batchPositionSchema.nullable(),
};

export const stakeFlowProgressSchema = z.discriminatedUnion('stage', [
  /** The draft is queued for the Ledger. */
  z.strictObject({
    stage: z.literal('requested'),
    ...progressBase,
    screens: z.array(deviceScreenSchema),
    blindSigning: z.boolean(),
  }),
  /** The Ledger shows the transaction and waits for the person. */
  z.strictObject({
    stage: z.literal('awaiting-person'),
    ...progressBase,
    screens: z.array(deviceScreenSchema),
    blindSigning: z.boolean(),
  }),
  z.strictObject({ stage: z.literal('signed'), ...progressBase, signature: signatureSchema }),
  z.strictObject({ stage: z.literal('sent'), ...progressBase, signature: signatureSchema }),
  z.strictObject({
    stage: z.literal('confirmed'),
    ...progressBase,
    signature: signatureSchema,
    slot: z.number().int().nonnegative(),
  }),
  z.strictObject({
    stage: z.literal('finalized'),
    ...progressBase,
    signature: signatureSchema,
    slot: z.number().int().nonnegative(),
  }),
  z.strictObject({
    stage: z.literal('expired'),
    ...progressBase,
    signature: signatureSchema.nullable(),
    lastValidBlockHeight: z.number().int(),
  }),
  z.strictObject({
    stage: z.literal('failed'),
    ...progressBase,
    signature: signatureSchema.nullable(),
    error: walletErrorDataSchema,
    /** True when the signed transaction is kept and signAndSend sends it again. */
    canResend: z.boolean(),
  }),
]);
export type StakeFlowProgress = z.infer<typeof stakeFlowProgressSchema>;
export type StakeFlowStage = StakeFlowProgress['stage'];

export const stakeFlowValiditySchema = z.strictObject({
  draftId: z.uuid(),
  blockHeight: z.number().int().nonnegative(),
  lastValidBlockHeight: z.number().int().nonnegative(),
  /** Blocks left before the cluster rejects the transaction; 0 or less once it has expired. */
  blocksRemaining: z.number().int(),
});
export type StakeFlowValidity = z.infer<typeof stakeFlowValiditySchema>;

export const stakeEvents = {
  stakeFlowProgress: defineEvent({
    summary:
      'A stake flow moved on: queued for the Ledger, waiting for the person, signed, sent, confirmed, finalized, expired or failed.',
    payload: stakeFlowProgressSchema,
  }),
  stakeFlowValidity: defineEvent({
    summary: 'Blocks left before the blockhash of a draft being signed or confirmed expires.',
    payload: stakeFlowValiditySchema,
  }),
};
