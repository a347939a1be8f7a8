import { z } from 'zod';

/**
 * Result shapes of the JSON-RPC methods this layer calls (Agave 2.x). Unknown members are
 * stripped, so an endpoint that adds fields still passes.
 */

/** A u64 that arrives as a JSON number or, from 16 digits on, as a decimal string. */
export const u64Schema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)])
  .transform((value) => BigInt(value));

const slotSchema = z.number().int().nonnegative();

export const contextSchema = z.object({ slot: slotSchema });

export const accountInfoSchema = z.object({
  lamports: u64Schema,
  owner: z.string(),
  data: z.tuple([z.string(), z.literal('base64')]),
  executable: z.boolean(),
});
export type RpcAccountInfo = z.infer<typeof accountInfoSchema>;

export const multipleAccountsSchema = z.object({
  context: contextSchema,
  value: z.array(accountInfoSchema.nullable()),
});

export const keyedAccountSchema = z.object({ pubkey: z.string(), account: accountInfoSchema });
export type RpcKeyedAccount = z.infer<typeof keyedAccountSchema>;

/** getProgramAccounts with `withContext`; some servers ignore the flag and send a bare array. */
export const programAccountsSchema = z.union([
  z.object({ context: contextSchema, value: z.array(keyedAccountSchema) }),
  z.array(keyedAccountSchema).transform((value) => ({ context: null, value })),
]);

export const epochInfoSchema = z.object({
  absoluteSlot: slotSchema,
  epoch: z.number().int().nonnegative(),
  slotIndex: z.number().int().nonnegative(),
  slotsInEpoch: z.number().int().positive(),
});
export type RpcEpochInfo = z.infer<typeof epochInfoSchema>;

export const epochScheduleSchema = z.object({
  slotsPerEpoch: z.number().int().positive(),
  leaderScheduleSlotOffset: z.number().int().nonnegative(),
  warmup: z.boolean(),
  firstNormalEpoch: z.number().int().nonnegative(),
  firstNormalSlot: z.number().int().nonnegative(),
});
export type RpcEpochSchedule = z.infer<typeof epochScheduleSchema>;

export const inflationRewardSchema = z.object({
  epoch: z.number().int().nonnegative(),
  effectiveSlot: slotSchema,
  amount: u64Schema,
  postBalance: u64Schema,
  commission: z.number().int().min(0).max(100).nullable().optional(),
});
export const inflationRewardsSchema = z.array(inflationRewardSchema.nullable());
export type RpcInflationReward = z.infer<typeof inflationRewardSchema>;

export const inflationRateSchema = z.object({
  total: z.number(),
  validator: z.number(),
  foundation: z.number(),
  epoch: z.number().int().nonnegative(),
});
export type RpcInflationRate = z.infer<typeof inflationRateSchema>;

export const voteAccountSchema = z.object({
  votePubkey: z.string(),
  nodePubkey: z.string(),
  activatedStake: u64Schema,
  epochVoteAccount: z.boolean(),
  commission: z.number().int().min(0).max(100),
  lastVote: slotSchema,
  /** [epoch, credits at the end of the epoch, credits at its start], oldest first. */
  epochCredits: z.array(z.tuple([z.number(), u64Schema, u64Schema])),
  rootSlot: slotSchema.nullable().optional(),
});
export const voteAccountsSchema = z.object({
  current: z.array(voteAccountSchema),
  delinquent: z.array(voteAccountSchema),
});
export type RpcVoteAccount = z.infer<typeof voteAccountSchema>;

export const blockProductionSchema = z.object({
  context: contextSchema,
  value: z.object({
    /** Identity to [leader slots, blocks produced]. */
    byIdentity: z.record(z.string(), z.tuple([z.number(), z.number()])),
    range: z.object({ firstSlot: slotSchema, lastSlot: slotSchema }),
  }),
});

export const supplySchema = z.object({
  context: contextSchema,
  value: z.object({ total: u64Schema, circulating: u64Schema }),
});

export const versionSchema = z.object({ 'solana-core': z.string() });

export const performanceSamplesSchema = z.array(
  z.object({
    slot: slotSchema,
    numSlots: z.number().int().nonnegative(),
    samplePeriodSecs: z.number().int().nonnegative(),
  }),
);

export const slotResultSchema = slotSchema;
export const genesisHashSchema = z.string().min(32);
export const blockTimeSchema = z.number().int().nullable();
