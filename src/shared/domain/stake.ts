import { z } from 'zod';

import { lamportsSchema } from './chain';

/**
 * The review model: what a compiled transaction message does, decoded from its bytes, with
 * the screens the Ledger is predicted to show. Plain data, so it crosses the bridge as is.
 * Lamports and other u64 values are decimal strings. Addresses are base-58 strings; an
 * account loaded from an address lookup table that could not be resolved reads
 * `lookup:<table>:<index>`.
 */

const u64Schema = lamportsSchema;
/** Signed 64-bit value as a decimal string, such as a lockup's Unix time. */
const i64Schema = z.string().regex(/^-?\d+$/);
const accountSchema = z.string();

export const stakeAuthorityTypeSchema = z.enum(['staker', 'withdrawer']);
export type StakeAuthorityType = z.infer<typeof stakeAuthorityTypeSchema>;

const lockupSchema = z.object({
  unixTimestamp: i64Schema,
  epoch: u64Schema,
  custodian: accountSchema,
});

const systemActionSchemas = [
  z.object({
    kind: z.literal('systemCreateAccount'),
    from: accountSchema,
    newAccount: accountSchema,
    lamports: u64Schema,
    space: u64Schema,
    owner: accountSchema,
  }),
  z.object({
    kind: z.literal('systemCreateAccountWithSeed'),
    from: accountSchema,
    newAccount: accountSchema,
    base: accountSchema,
    seed: z.string(),
    lamports: u64Schema,
    space: u64Schema,
    owner: accountSchema,
  }),
  z.object({ kind: z.literal('systemAssign'), account: accountSchema, owner: accountSchema }),
  z.object({
    kind: z.literal('systemAssignWithSeed'),
    account: accountSchema,
    base: accountSchema,
    seed: z.string(),
    owner: accountSchema,
  }),
  z.object({
    kind: z.literal('systemTransfer'),
    from: accountSchema,
    to: accountSchema,
    lamports: u64Schema,
  }),
  z.object({
    kind: z.literal('systemTransferWithSeed'),
    from: accountSchema,
    base: accountSchema,
    to: accountSchema,
    lamports: u64Schema,
    fromSeed: z.string(),
    fromOwner: accountSchema,
  }),
  z.object({ kind: z.literal('systemAllocate'), account: accountSchema, space: u64Schema }),
  z.object({
    kind: z.literal('systemAllocateWithSeed'),
    account: accountSchema,
    base: accountSchema,
    seed: z.string(),
    space: u64Schema,
    owner: accountSchema,
  }),
  z.object({
    kind: z.literal('systemAdvanceNonce'),
    nonceAccount: accountSchema,
    authority: accountSchema,
  }),
  z.object({
    kind: z.literal('systemWithdrawNonce'),
    nonceAccount: accountSchema,
    to: accountSchema,
    authority: accountSchema,
    lamports: u64Schema,
  }),
  z.object({
    kind: z.literal('systemInitializeNonce'),
    nonceAccount: accountSchema,
    authority: accountSchema,
  }),
  z.object({
    kind: z.literal('systemAuthorizeNonce'),
    nonceAccount: accountSchema,
    authority: accountSchema,
    newAuthority: accountSchema,
  }),
  z.object({ kind: z.literal('systemUpgradeNonce'), nonceAccount: accountSchema }),
] as const;

const stakeActionSchemas = [
  z.object({
    kind: z.literal('stakeInitialize'),
    stakeAccount: accountSchema,
    staker: accountSchema,
    withdrawer: accountSchema,
    lockup: lockupSchema,
  }),
  z.object({
    kind: z.literal('stakeInitializeChecked'),
    stakeAccount: accountSchema,
    staker: accountSchema,
    withdrawer: accountSchema,
  }),
  z.object({
    kind: z.literal('stakeAuthorize'),
    stakeAccount: accountSchema,
    authority: accountSchema,
    newAuthority: accountSchema,
    authorityType: stakeAuthorityTypeSchema,
    custodian: accountSchema.nullable(),
  }),
  z.object({
    kind: z.literal('stakeAuthorizeChecked'),
    stakeAccount: accountSchema,
    authority: accountSchema,
    newAuthority: accountSchema,
    authorityType: stakeAuthorityTypeSchema,
    custodian: accountSchema.nullable(),
  }),
  z.object({
    kind: z.literal('stakeAuthorizeWithSeed'),
    stakeAccount: accountSchema,
    authorityBase: accountSchema,
    authoritySeed: z.string(),
    authorityOwner: accountSchema,
    newAuthority: accountSchema,
    authorityType: stakeAuthorityTypeSchema,
    custodian: accountSchema.nullable(),
  }),
  z.object({
    kind: z.literal('stakeAuthorizeCheckedWithSeed'),
    stakeAccount: accountSchema,
    authorityBase: accountSchema,
    authoritySeed: z.string(),
    authorityOwner: accountSchema,
    newAuthority: accountSchema,
    authorityType: stakeAuthorityTypeSchema,
    custodian: accountSchema.nullable(),
  }),
  z.object({
    kind: z.literal('stakeDelegate'),
    stakeAccount: accountSchema,
    voteAccount: accountSchema,
    authority: accountSchema,
  }),
  z.object({
    kind: z.literal('stakeSplit'),
    stakeAccount: accountSchema,
    destination: accountSchema,
    authority: accountSchema,
    lamports: u64Schema,
  }),
  z.object({
    kind: z.literal('stakeWithdraw'),
    stakeAccount: accountSchema,
    to: accountSchema,
    authority: accountSchema,
    lamports: u64Schema,
    custodian: accountSchema.nullable(),
  }),
  z.object({
    kind: z.literal('stakeDeactivate'),
    stakeAccount: accountSchema,
    authority: accountSchema,
  }),
  z.object({
    kind: z.literal('stakeSetLockup'),
    stakeAccount: accountSchema,
    authority: accountSchema,
    unixTimestamp: i64Schema.nullable(),
    epoch: u64Schema.nullable(),
    custodian: accountSchema.nullable(),
  }),
  z.object({
    kind: z.literal('stakeSetLockupChecked'),
    stakeAccount: accountSchema,
    authority: accountSchema,
    unixTimestamp: i64Schema.nullable(),
    epoch: u64Schema.nullable(),
    custodian: accountSchema.nullable(),
  }),
  z.object({
    kind: z.literal('stakeMerge'),
    destination: accountSchema,
    source: accountSchema,
    authority: accountSchema,
  }),
  z.object({ kind: z.literal('stakeGetMinimumDelegation') }),
  z.object({
    kind: z.literal('stakeDeactivateDelinquent'),
    stakeAccount: accountSchema,
    delinquentVoteAccount: accountSchema,
    referenceVoteAccount: accountSchema,
  }),
  z.object({
    kind: z.literal('stakeRedelegate'),
    stakeAccount: accountSchema,
    newStakeAccount: accountSchema,
    voteAccount: accountSchema,
    authority: accountSchema,
  }),
  z.object({
    kind: z.literal('stakeMoveStake'),
    source: accountSchema,
    destination: accountSchema,
    authority: accountSchema,
    lamports: u64Schema,
  }),
  z.object({
    kind: z.literal('stakeMoveLamports'),
    source: accountSchema,
    destination: accountSchema,
    authority: accountSchema,
    lamports: u64Schema,
  }),
] as const;

const computeBudgetActionSchemas = [
  z.object({
    kind: z.literal('computeBudgetRequestUnits'),
    units: z.number().int().nonnegative(),
    additionalFee: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('computeBudgetRequestHeapFrame'),
    bytes: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('computeBudgetSetComputeUnitLimit'),
    units: z.number().int().nonnegative(),
  }),
  z.object({
    kind: z.literal('computeBudgetSetComputeUnitPrice'),
    microLamports: u64Schema,
  }),
  z.object({
    kind: z.literal('computeBudgetSetLoadedAccountsDataSizeLimit'),
    bytes: z.number().int().nonnegative(),
  }),
] as const;

export const unknownInstructionReasonSchema = z.enum([
  'unknownProgram',
  'unknownInstruction',
  'malformedData',
  'missingAccounts',
]);
export type UnknownInstructionReason = z.infer<typeof unknownInstructionReasonSchema>;

const otherActionSchemas = [
  z.object({ kind: z.literal('memo'), text: z.string(), signers: z.array(accountSchema) }),
  z.object({
    kind: z.literal('unknown'),
    reason: unknownInstructionReasonSchema,
    accounts: z.array(accountSchema),
    dataLength: z.number().int().nonnegative(),
    /** First bytes of the instruction data as hex, enough to identify it. */
    dataPrefixHex: z.string(),
  }),
] as const;

export const reviewActionSchema = z.discriminatedUnion('kind', [
  ...systemActionSchemas,
  ...stakeActionSchemas,
  ...computeBudgetActionSchemas,
  ...otherActionSchemas,
]);
export type ReviewAction = z.infer<typeof reviewActionSchema>;
export type ReviewActionKind = ReviewAction['kind'];

export const programNameSchema = z.enum(['system', 'stake', 'computeBudget', 'memo', 'other']);
export type ProgramName = z.infer<typeof programNameSchema>;

export const reviewInstructionSchema = z.object({
  index: z.number().int().nonnegative(),
  programId: accountSchema,
  program: programNameSchema,
  action: reviewActionSchema,
  /** One sentence in plain words, with the person's labels and amounts in SOL. */
  summary: z.string(),
});
export type ReviewInstruction = z.infer<typeof reviewInstructionSchema>;

export const reviewAddressSchema = z.object({
  address: accountSchema,
  /** The person's own label, such as "Ledger account 2, 44'/501'/1'". */
  label: z.string().nullable(),
  /** Name of a program or sysvar, such as "Stake program". */
  wellKnownName: z.string().nullable(),
  own: z.boolean(),
  signer: z.boolean(),
  writable: z.boolean(),
});
export type ReviewAddress = z.infer<typeof reviewAddressSchema>;

export const reviewWarningSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('unknownProgram'),
    programId: accountSchema,
    instructionIndex: z.number().int(),
  }),
  z.object({
    kind: z.literal('largeShareOfBalance'),
    account: accountSchema,
    outgoingLamports: u64Schema,
    balanceLamports: u64Schema,
    /** Whole percent of the balance that leaves the account, rounded down. */
    percent: z.number().int(),
  }),
  z.object({ kind: z.literal('validatorDelinquent'), voteAccount: accountSchema }),
  z.object({
    kind: z.literal('validatorHighCommission'),
    voteAccount: accountSchema,
    commissionPercent: z.number().int(),
  }),
  z.object({ kind: z.literal('validatorSuperminority'), voteAccount: accountSchema }),
  z.object({ kind: z.literal('validatorUnknown'), voteAccount: accountSchema }),
  z.object({ kind: z.literal('addressLookupTables'), tableCount: z.number().int() }),
  z.object({ kind: z.literal('blindSigningRequired') }),
  z.object({ kind: z.literal('signerNotRequired'), signer: accountSchema }),
  z.object({ kind: z.literal('feePayerNotSigner'), feePayer: accountSchema }),
  z.object({
    kind: z.literal('fundsToOtherKey'),
    /** The account the SOL leaves: a stake account or a system account. */
    from: accountSchema,
    to: accountSchema,
    lamports: u64Schema,
  }),
  z.object({
    kind: z.literal('highFee'),
    feeLamports: u64Schema,
    priorityLamports: u64Schema,
  }),
  z.object({
    kind: z.literal('authorityChangeToOtherKey'),
    stakeAccount: accountSchema,
    newAuthority: accountSchema,
  }),
  z.object({
    kind: z.literal('nonceReserved'),
    nonceAccount: accountSchema,
    /** The queued transaction that uses this nonce, and its summary as the queue shows it. */
    pendingId: z.string(),
    pendingSummary: z.string(),
  }),
]);
export type ReviewWarning = z.infer<typeof reviewWarningSchema>;

/** One screen of the device review: a title and its value, in the device's own words. */
export const deviceScreenSchema = z.object({
  title: z.string(),
  value: z.string(),
  /** True for screens the device shows only when its expert mode is on. */
  expertOnly: z.boolean(),
});
export type DeviceScreen = z.infer<typeof deviceScreenSchema>;

export const blindSigningReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('noInstructions') }),
  z.object({
    kind: z.literal('tooManyInstructions'),
    instructionCount: z.number().int(),
    maxInstructions: z.number().int(),
  }),
  z.object({ kind: z.literal('addressLookupTables'), tableCount: z.number().int() }),
  z.object({
    kind: z.literal('unsupportedInstruction'),
    instructionIndex: z.number().int(),
    actionKind: z.string(),
  }),
  z.object({
    kind: z.literal('programNotModelled'),
    instructionIndex: z.number().int(),
    programId: accountSchema,
  }),
  z.object({ kind: z.literal('computeBudgetOnly') }),
  z.object({ kind: z.literal('computeBudgetNotLeading'), instructionIndex: z.number().int() }),
  z.object({ kind: z.literal('unrecognizedPattern'), actionKinds: z.array(z.string()) }),
  z.object({ kind: z.literal('accountsMismatch'), detail: z.string() }),
]);
export type BlindSigningReason = z.infer<typeof blindSigningReasonSchema>;

export const appLineSchema = z.enum(['v1.9', 'current']);
export type AppLine = z.infer<typeof appLineSchema>;

export const deviceReviewSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('clearSign'),
    appVersion: z.string(),
    appLine: appLineSchema,
    screens: z.array(deviceScreenSchema),
    /** The "Max fees" value the device shows, when the message sets a compute budget. */
    maxFeeLamports: u64Schema.nullable(),
  }),
  z.object({
    outcome: z.literal('blindSign'),
    appVersion: z.string(),
    appLine: appLineSchema,
    reason: blindSigningReasonSchema,
    /** Shown by the device only when blind signing is enabled in the Solana app settings. */
    screens: z.array(deviceScreenSchema),
  }),
  z.object({
    outcome: z.literal('refused'),
    appVersion: z.string(),
    appLine: appLineSchema,
    /** The device returns 0x6A81 before showing anything, because the key is not a required signer. */
    reason: z.literal('signerNotRequired'),
  }),
]);
export type DeviceReview = z.infer<typeof deviceReviewSchema>;

export const feeEstimateSchema = z.object({
  signatureLamports: u64Schema,
  priorityLamports: u64Schema,
  totalLamports: u64Schema,
  /** The compute unit limit the priority fee was computed with. */
  computeUnitLimit: z.number().int().nonnegative(),
  computeUnitPriceMicroLamports: u64Schema,
});
export type FeeEstimate = z.infer<typeof feeEstimateSchema>;

export const reviewModelSchema = z.object({
  messageVersion: z.enum(['legacy', 'v0']),
  /** Base-58 SHA-256 of the message bytes; the device shows it when blind signing. */
  messageHash: z.string(),
  /** Size of the signed transaction in bytes, signatures included. */
  transactionSizeBytes: z.number().int(),
  maxTransactionSizeBytes: z.number().int(),
  feePayer: accountSchema,
  requiredSigners: z.array(accountSchema),
  /** The recent blockhash, or the nonce value when the transaction uses a durable nonce. */
  recentBlockhash: z.string(),
  durableNonce: z.object({ nonceAccount: accountSchema, authority: accountSchema }).nullable(),
  addressLookupTables: z.array(
    z.object({
      table: accountSchema,
      writableIndexes: z.array(z.number().int()),
      readonlyIndexes: z.array(z.number().int()),
    }),
  ),
  instructions: z.array(reviewInstructionSchema),
  addresses: z.array(reviewAddressSchema),
  /**
   * Addresses that instructions carry in their data instead of as account keys, such as a
   * new authority, when they are the person's own or well known, so they can be named too.
   */
  mentionedAddresses: z.array(reviewAddressSchema),
  fee: feeEstimateSchema,
  warnings: z.array(reviewWarningSchema),
  device: deviceReviewSchema,
});
export type ReviewModel = z.infer<typeof reviewModelSchema>;

/** Reason two stake accounts cannot be merged, following the stake program's merge rules. */
export const mergeRejectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sameAccount') }),
  z.object({ kind: z.literal('transientStake'), role: z.enum(['destination', 'source']) }),
  z.object({ kind: z.literal('authoritiesDiffer') }),
  z.object({ kind: z.literal('lockupsDiffer') }),
  z.object({
    kind: z.literal('votersDiffer'),
    destinationVoter: accountSchema,
    sourceVoter: accountSchema,
  }),
  z.object({ kind: z.literal('deactivationRequested'), role: z.enum(['destination', 'source']) }),
  z.object({
    kind: z.literal('incompatibleStates'),
    destinationKind: z.enum(['inactive', 'activationEpoch', 'fullyActive']),
    sourceKind: z.enum(['inactive', 'activationEpoch', 'fullyActive']),
  }),
  z.object({ kind: z.literal('signerNotStaker'), staker: accountSchema }),
]);
export type MergeRejection = z.infer<typeof mergeRejectionSchema>;
