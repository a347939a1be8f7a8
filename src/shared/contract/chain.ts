import { z } from 'zod';

import { defineEvent, defineMethod, noInput } from './define';
import {
  accountAprSchema,
  addressSchema,
  chainSnapshotMetaSchema,
  clusterIdSchema,
  endpointSchema,
  endpointTestResultSchema,
  lamportsSchema,
  portfolioSummarySchema,
  stakeAccountViewSchema,
  validatorViewSchema,
} from '../domain/chain';
import { newEndpointUrlSchema } from '../domain/settings';
import { isoTimeSchema } from '../domain/store';
import { walletErrorDataSchema } from '../errors';

/**
 * Chain data as the Portfolio, Stake accounts and Validators pages and the status bar show
 * it. Lamport amounts are decimal strings. Every snapshot carries the slot, epoch and time of
 * its data, so a cached one can be shown offline with its age.
 */

/** One of the person's Ledger accounts with its own SOL balance. */
export const ownerBalanceSchema = z.strictObject({
  address: addressSchema,
  /** Empty when the person has not named the account. */
  name: z.string(),
  path: z.string(),
  /** Lamports held by the account itself; null when no refresh could read it yet. */
  lamports: lamportsSchema.nullable(),
  /** Stake accounts whose staker or withdrawer is this account. */
  stakeAccountCount: z.int().nonnegative(),
});
export type OwnerBalance = z.infer<typeof ownerBalanceSchema>;

/** SOL across the person's accounts; each stake account is counted once. */
export const portfolioTotalsSchema = z.strictObject({
  /** available + staked. */
  total: lamportsSchema,
  /** Lamports held by the Ledger accounts themselves, ready to stake or send. */
  available: lamportsSchema,
  /** All lamports in stake accounts, whatever their state. */
  staked: lamportsSchema,
  effective: lamportsSchema,
  activating: lamportsSchema,
  deactivating: lamportsSchema,
  inactive: lamportsSchema,
  withdrawable: lamportsSchema,
});
export type PortfolioTotals = z.infer<typeof portfolioTotalsSchema>;

/** Inflation rewards of all stake accounts for one epoch. */
export const epochRewardsSchema = z.strictObject({
  epoch: z.int().nonnegative(),
  /** Sum of the rewards the runtime paid for this epoch. */
  amount: lamportsSchema,
  paidCount: z.int().nonnegative(),
  /** Accounts whose reward for the epoch may still be paid. */
  pendingCount: z.int().nonnegative(),
  /** Accounts whose reward the node could not return. */
  unavailableCount: z.int().nonnegative(),
});
export type EpochRewards = z.infer<typeof epochRewardsSchema>;

/** Rewards of one stake account over the epochs read. */
export const accountRewardsSchema = z.strictObject({
  address: addressSchema,
  /** Sum of the paid rewards. */
  amount: lamportsSchema,
  /** Reward of the most recent epoch read; null when it is pending or unavailable. */
  lastEpochAmount: lamportsSchema.nullable(),
  apr: accountAprSchema.shape.apr,
  epochsCounted: accountAprSchema.shape.epochsCounted,
});
export type AccountRewards = z.infer<typeof accountRewardsSchema>;

export const portfolioRewardsSchema = z.strictObject({
  /** Completed epochs read, oldest first. */
  epochs: z.array(z.int().nonnegative()),
  byEpoch: z.array(epochRewardsSchema),
  byAccount: z.array(accountRewardsSchema),
  /** Epoch and time at which these rewards were read. */
  readInEpoch: z.int().nonnegative(),
  fetchedAt: isoTimeSchema,
});
export type PortfolioRewards = z.infer<typeof portfolioRewardsSchema>;

export const portfolioSnapshotSchema = z.strictObject({
  meta: chainSnapshotMetaSchema,
  owners: z.array(ownerBalanceSchema),
  stakeAccounts: z.array(stakeAccountViewSchema),
  summary: portfolioSummarySchema,
  totals: portfolioTotalsSchema,
  /** Null until rewards could be read once. */
  rewards: portfolioRewardsSchema.nullable(),
  /** Addresses whose data could not be decoded; they are left out of the totals. */
  undecodable: z.array(z.strictObject({ address: addressSchema, reason: z.string() })),
  /** Parts of the refresh that failed; the older values of those parts are kept. */
  warnings: z.array(walletErrorDataSchema),
});
export type PortfolioSnapshot = z.infer<typeof portfolioSnapshotSchema>;

/** Outcome of the last refresh the app attempted in this run. */
export const refreshOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('succeeded'), at: isoTimeSchema }),
  z.strictObject({ kind: z.literal('failed'), at: isoTimeSchema, error: walletErrorDataSchema }),
]);
export type RefreshOutcome = z.infer<typeof refreshOutcomeSchema>;

export const portfolioStateSchema = z.strictObject({
  cluster: clusterIdSchema,
  /** The last saved portfolio of this cluster, or null when none was ever read. */
  snapshot: portfolioSnapshotSchema.nullable(),
  /** Whole seconds since the snapshot's data was received; null without a snapshot. */
  ageSeconds: z.int().nonnegative().nullable(),
  /**
   * True when there is no snapshot, it is older than a minute, or the saved account list
   * changed since it was read.
   */
  needsRefresh: z.boolean(),
  refreshing: z.boolean(),
  lastRefresh: refreshOutcomeSchema,
});
export type PortfolioState = z.infer<typeof portfolioStateSchema>;

/** A commission change the app saw between two validator lists. */
export const commissionChangeSchema = z.strictObject({
  votePubkey: addressSchema,
  from: z.int().min(0).max(100),
  to: z.int().min(0).max(100),
  /** Epoch of the list that first showed the new commission. */
  seenInEpoch: z.int().nonnegative(),
});
export type CommissionChange = z.infer<typeof commissionChangeSchema>;

export const validatorsSnapshotSchema = z.strictObject({
  meta: chainSnapshotMetaSchema,
  validators: z.array(validatorViewSchema),
  /** Changes seen in the last few epochs, newest last; older ones are dropped. */
  commissionChanges: z.array(commissionChangeSchema),
  /** Optional parts that failed (names, skip rate, APY inputs); their fields are null. */
  warnings: z.array(walletErrorDataSchema),
});
export type ValidatorsSnapshot = z.infer<typeof validatorsSnapshotSchema>;

export const validatorsStateSchema = z.strictObject({
  cluster: clusterIdSchema,
  snapshot: validatorsSnapshotSchema.nullable(),
  ageSeconds: z.int().nonnegative().nullable(),
  refreshing: z.boolean(),
  lastRefresh: refreshOutcomeSchema,
});
export type ValidatorsState = z.infer<typeof validatorsStateSchema>;

/**
 * online: the last request to the cluster succeeded. offline: it failed on every endpoint.
 * unknown: nothing was requested since the app started or the cluster changed.
 */
export const connectionStateSchema = z.enum(['unknown', 'online', 'offline']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const networkStatusSchema = z.strictObject({
  cluster: clusterIdSchema,
  /** The cluster's endpoints in the order they are tried. */
  endpoints: z.array(endpointSchema),
  /** True when the cluster uses the app's built-in endpoints. */
  defaultEndpoints: z.boolean(),
  connection: connectionStateSchema,
  /** Scheme, host and port of the endpoint that last responded, without its path or query. */
  servedBy: z.string().nullable(),
  slot: z.int().nonnegative().nullable(),
  epoch: z.int().nonnegative().nullable(),
  lastSuccessAt: isoTimeSchema.nullable(),
  lastCheckedAt: isoTimeSchema.nullable(),
  lastError: walletErrorDataSchema.nullable(),
});
export type NetworkStatus = z.infer<typeof networkStatusSchema>;

/** Something about an endpoint that the person should know before relying on it. */
export const endpointWarningSchema = z.discriminatedUnion('kind', [
  /** Plain HTTP to another machine: anyone on the path can alter balances and transactions. */
  z.strictObject({ kind: z.literal('insecure-http') }),
  /** The endpoint serves another public cluster than the one it is listed for. */
  z.strictObject({
    kind: z.literal('other-cluster'),
    expected: clusterIdSchema,
    actual: clusterIdSchema,
  }),
]);
export type EndpointWarning = z.infer<typeof endpointWarningSchema>;

export const endpointCheckSchema = endpointTestResultSchema.extend({
  warnings: z.array(endpointWarningSchema),
});
export type EndpointCheck = z.infer<typeof endpointCheckSchema>;

export const clusterEndpointsSchema = z.strictObject({
  cluster: clusterIdSchema,
  endpoints: z.array(endpointSchema),
  defaultEndpoints: z.boolean(),
});
export type ClusterEndpoints = z.infer<typeof clusterEndpointsSchema>;

/** Completed epochs whose rewards a portfolio refresh reads. */
export const rewardEpochCountSchema = z.int().min(1).max(10);
export const DEFAULT_REWARD_EPOCHS = 5;

export const chainMethods = {
  getPortfolio: defineMethod({
    summary:
      'Return the last saved portfolio of the current cluster at once, with its slot, epoch, time and age.',
    input: noInput,
    output: portfolioStateSchema,
  }),
  refreshPortfolio: defineMethod({
    summary:
      'Read the stake accounts and balances of every saved account and their recent rewards, then save them. A failure keeps the last data and is reported in lastRefresh. With afterChange, a refresh already running is followed by a new one instead of shared, because its reads may predate the change.',
    input: z.strictObject({
      rewardEpochs: rewardEpochCountSchema.optional(),
      afterChange: z.boolean().optional(),
    }),
    output: portfolioStateSchema,
  }),
  listValidators: defineMethod({
    summary:
      'Return the saved validator list of the current cluster, or read and save a new one when refresh is true.',
    input: z.strictObject({ refresh: z.boolean() }),
    output: validatorsStateSchema,
  }),
  getNetworkStatus: defineMethod({
    summary:
      'Describe the connection to the current cluster; with check set, ask the cluster for its slot first.',
    input: z.strictObject({ check: z.boolean() }),
    output: networkStatusSchema,
  }),
  setCluster: defineMethod({
    summary: 'Switch to another cluster; a custom cluster needs at least one endpoint.',
    input: z.strictObject({ cluster: clusterIdSchema }),
    output: networkStatusSchema,
  }),
  setEndpoints: defineMethod({
    summary:
      'Replace the RPC endpoints of a cluster, in the order they are tried; an empty list restores the built-in ones.',
    input: z.strictObject({
      cluster: clusterIdSchema,
      urls: z
        .array(newEndpointUrlSchema)
        .max(10)
        .refine((urls) => new Set(urls).size === urls.length, 'each endpoint may appear once'),
    }),
    output: clusterEndpointsSchema,
  }),
  testEndpoint: defineMethod({
    summary:
      'Check that a URL serves Solana JSON-RPC: latency, version, genesis hash and slot, with warnings for plain HTTP and for another cluster.',
    input: z.strictObject({ url: newEndpointUrlSchema, cluster: clusterIdSchema }),
    output: endpointCheckSchema,
  }),
};

export const chainEvents = {
  portfolioUpdated: defineEvent({
    summary: 'The portfolio changed: a refresh finished or failed, or the cluster changed.',
    payload: portfolioStateSchema,
  }),
  validatorsUpdated: defineEvent({
    summary: 'The validator list changed: a refresh finished or failed, or the cluster changed.',
    payload: validatorsStateSchema,
  }),
  networkStatusChanged: defineEvent({
    summary: 'The connection to the cluster, its endpoints or its latest slot changed.',
    payload: networkStatusSchema,
  }),
};
