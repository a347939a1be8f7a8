import { z } from 'zod';

import { walletErrorDataSchema } from '../errors';

/**
 * Chain data as the screens show it. Lamport amounts and other u64 values cross the bridge
 * as decimal strings, because a JavaScript number loses precision above 2^53.
 */

export const lamportsSchema = z
  .string()
  .regex(/^\d+$/, 'lamports must be a decimal integer string');
export type Lamports = z.infer<typeof lamportsSchema>;

/** Base-58 public key; 32 bytes encode to 32 to 44 characters. */
export const addressSchema = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/, 'invalid address');
export type Address = z.infer<typeof addressSchema>;

export const clusterIdSchema = z.enum(['mainnet-beta', 'devnet', 'testnet', 'localnet', 'custom']);
export type ClusterId = z.infer<typeof clusterIdSchema>;

export const endpointSchema = z.object({
  url: z.url(),
  /** True when the URL is plain HTTP to a host other than localhost or 127.0.0.1. */
  insecure: z.boolean(),
});
export type Endpoint = z.infer<typeof endpointSchema>;

export const clusterConfigSchema = z.object({
  id: clusterIdSchema,
  /** Tried in order: a request moves to the next endpoint when one fails. */
  endpoints: z.array(endpointSchema).min(1),
});
export type ClusterConfig = z.infer<typeof clusterConfigSchema>;

export const endpointTestResultSchema = z.object({
  url: z.string(),
  insecure: z.boolean(),
  latencyMs: z.number().nonnegative(),
  version: z.string(),
  genesisHash: z.string(),
  /** The cluster whose genesis hash matches, or null for an unknown cluster. */
  knownCluster: clusterIdSchema.nullable(),
  slot: z.number().int().nonnegative(),
});
export type EndpointTestResult = z.infer<typeof endpointTestResultSchema>;

/** Origin of a piece of chain data: cluster, endpoint, slot, epoch and receive time. */
export const chainSnapshotMetaSchema = z.object({
  cluster: clusterIdSchema,
  endpoint: z.string(),
  slot: z.number().int().nonnegative(),
  epoch: z.number().int().nonnegative(),
  /** ISO 8601 time at which the data was received. */
  fetchedAt: z.string(),
  /**
   * Genesis hash of the cluster the data came from, so data of a reset local chain is not
   * mixed with the new one. Absent in snapshots saved before it was recorded.
   */
  genesisHash: z.string().optional(),
});
export type ChainSnapshotMeta = z.infer<typeof chainSnapshotMetaSchema>;

/**
 * inactive: no delegation, or fully cooled down. activating: part of the delegation is
 * still warming up. active: the whole delegation is effective. deactivating: cooling down.
 */
export const stakeStateLabelSchema = z.enum(['inactive', 'activating', 'active', 'deactivating']);
export type StakeStateLabel = z.infer<typeof stakeStateLabelSchema>;

export const lockupViewSchema = z.object({
  /** Unix time in seconds (i64) before which withdrawals need the custodian. */
  unixTimestamp: z.string().regex(/^-?\d+$/),
  epoch: lamportsSchema,
  custodian: addressSchema,
  inForce: z.boolean(),
});
export type LockupView = z.infer<typeof lockupViewSchema>;

export const stakeAccountViewSchema = z.object({
  address: addressSchema,
  /** initialized: authorities set but never delegated. delegated: has a delegation. */
  kind: z.enum(['initialized', 'delegated']),
  state: stakeStateLabelSchema,
  lamports: lamportsSchema,
  /** Delegation amount recorded in the account; 0 for an initialized account. */
  delegatedStake: lamportsSchema,
  effective: lamportsSchema,
  activating: lamportsSchema,
  deactivating: lamportsSchema,
  /** lamports − effective − rent reserve, floored at 0. */
  inactive: lamportsSchema,
  withdrawable: lamportsSchema,
  rentExemptReserve: lamportsSchema,
  voter: addressSchema.nullable(),
  staker: addressSchema,
  withdrawer: addressSchema,
  lockup: lockupViewSchema,
  /** Null when the stake was never activated, or for bootstrap stake. */
  activationEpoch: z.number().int().nonnegative().nullable(),
  /** Null while no deactivation has been requested. */
  deactivationEpoch: z.number().int().nonnegative().nullable(),
  dataSlot: z.number().int().nonnegative(),
  dataEpoch: z.number().int().nonnegative(),
  fetchedAt: z.string(),
  /** True when the last refresh could not confirm this account and the values are older. */
  stale: z.boolean(),
});
export type StakeAccountView = z.infer<typeof stakeAccountViewSchema>;

export const rewardStatusSchema = z.enum(['paid', 'none', 'pending', 'unavailable']);
export type RewardStatus = z.infer<typeof rewardStatusSchema>;

export const rewardEntrySchema = z.object({
  address: addressSchema,
  epoch: z.number().int().nonnegative(),
  /**
   * paid: the runtime credited a reward. none: the epoch is final and nothing was paid.
   * pending: the payout period after the epoch is still running, so a reward may follow.
   * unavailable: the node could not serve that epoch, so the value is unknown.
   */
  status: rewardStatusSchema,
  amount: lamportsSchema,
  postBalance: lamportsSchema.nullable(),
  effectiveSlot: z.number().int().nonnegative().nullable(),
  commission: z.number().int().min(0).max(100).nullable(),
});
export type RewardEntry = z.infer<typeof rewardEntrySchema>;

export const accountAprSchema = z.object({
  address: addressSchema,
  /** Simple annual rate as a fraction (0.07 = 7 %), or null with fewer than one paid epoch. */
  apr: z.number().nullable(),
  epochsCounted: z.number().int().nonnegative(),
});
export type AccountApr = z.infer<typeof accountAprSchema>;

export const validatorViewSchema = z.object({
  votePubkey: addressSchema,
  nodePubkey: addressSchema,
  name: z.string().nullable(),
  website: z.string().nullable(),
  iconUrl: z.string().nullable(),
  details: z.string().nullable(),
  commission: z.number().int().min(0).max(100),
  /** Commission in the previous snapshot when it differs from the current one. */
  previousCommission: z.number().int().min(0).max(100).nullable(),
  activatedStake: lamportsSchema,
  /** Fraction of the cluster's activated stake, between 0 and 1. */
  stakeShare: z.number().min(0).max(1),
  superminority: z.boolean(),
  delinquent: z.boolean(),
  lastVote: z.number().int().nonnegative(),
  /** Vote credits earned over the epochs compared, summed. */
  recentCredits: z.number().int().nonnegative(),
  /** recentCredits divided by the cluster median; 1 is typical. Null without data. */
  creditsVsMedian: z.number().nullable(),
  creditsVsMean: z.number().nullable(),
  /** Fraction of leader slots skipped in the last completed epoch; null without leader slots. */
  skipRate: z.number().min(0).max(1).nullable(),
  /** An estimate from the inflation rate, commission and vote credits, not a promise. */
  estimatedApy: z.number().nullable(),
});
export type ValidatorView = z.infer<typeof validatorViewSchema>;

export const portfolioSummarySchema = z.object({
  accountCount: z.number().int().nonnegative(),
  staleCount: z.number().int().nonnegative(),
  countByState: z.record(stakeStateLabelSchema, z.number().int().nonnegative()),
  lamports: lamportsSchema,
  effective: lamportsSchema,
  activating: lamportsSchema,
  deactivating: lamportsSchema,
  inactive: lamportsSchema,
  withdrawable: lamportsSchema,
  /** Oldest data slot among the accounts, or null without accounts. */
  oldestDataSlot: z.number().int().nonnegative().nullable(),
});
export type PortfolioSummary = z.infer<typeof portfolioSummarySchema>;

export const stakeAccountsSnapshotSchema = z.object({
  meta: chainSnapshotMetaSchema,
  accounts: z.array(stakeAccountViewSchema),
  summary: portfolioSummarySchema,
  /** Addresses whose data could not be decoded, with the reason; they are not in accounts. */
  undecodable: z.array(z.object({ address: addressSchema, reason: z.string() })),
  /** Failures met during this refresh that did not stop it; older data was kept for them. */
  warnings: z.array(walletErrorDataSchema),
});
export type StakeAccountsSnapshot = z.infer<typeof stakeAccountsSnapshotSchema>;
