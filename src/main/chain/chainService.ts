import { Connection, type Commitment } from '@solana/web3.js';
import type { Logger } from 'pino';

import type {
  AccountApr,
  ClusterConfig,
  RewardEntry,
  StakeAccountView,
} from '../../shared/domain/chain';
import type { WalletErrorData } from '../../shared/errors';
import { StakeAccountService } from './discovery/stakeAccountService';
import { computeAprByAddress } from './rewards/apr';
import { fetchEpochDurations } from './rewards/epochDurations';
import { fetchInflationRewards, listRecentCompletedEpochs } from './rewards/inflationRewards';
import { fetchMultipleAccounts, type ReadOptions } from './rpc/accountReads';
import { redactEndpointUrl } from './rpc/endpoints';
import type { RetryPolicy } from './rpc/retryPolicy';
import { RpcService } from './rpc/rpcService';
import {
  epochInfoSchema,
  epochScheduleSchema,
  genesisHashSchema,
  type RpcEpochInfo,
  type RpcEpochSchedule,
} from './rpc/rpcSchemas';
import { fetchEpochContext } from './stake/epochContext';
import { readStakeAccount } from './stake/readStakeAccount';
import { ValidatorService } from './validators/validatorService';

export interface ChainServiceDependencies {
  cluster: ClusterConfig;
  logger: Logger;
  policy?: Partial<RetryPolicy>;
  fetch?: typeof globalThis.fetch;
  /**
   * Epoch from which the 9 % warmup and cooldown rate applies on a cluster that has no
   * account for the `reduce_stake_warmup_cooldown` feature; 0 when absent.
   */
  newRateEpochWithoutFeatureAccount?: bigint | null;
  now?: () => Date;
}

export interface RewardsReport {
  entries: RewardEntry[];
  apr: AccountApr[];
  /** Epochs whose duration was estimated from the slot time instead of block times. */
  estimatedDurationEpochs: number[];
  warnings: WalletErrorData[];
}

export interface StakeAccountsByAddress {
  accounts: StakeAccountView[];
  /** Addresses with no account, or an account that is not an initialized stake account. */
  notStake: string[];
  undecodable: { address: string; reason: string }[];
}

/**
 * Entry point to one Solana cluster: owns the RpcService (failover, retries, counting) and the
 * services that read stake accounts, rewards and validators through it.
 */
export class ChainService {
  readonly cluster: ClusterConfig;
  readonly rpc: RpcService;
  readonly stakeAccounts: StakeAccountService;
  readonly validators: ValidatorService;
  private readonly logger: Logger;
  private readonly newRateEpochWithoutFeatureAccount: bigint | null;
  private readonly now: () => Date;
  private epochSchedule: RpcEpochSchedule | null = null;

  constructor(dependencies: ChainServiceDependencies) {
    this.cluster = dependencies.cluster;
    this.logger = dependencies.logger;
    this.now = dependencies.now ?? (() => new Date());
    this.newRateEpochWithoutFeatureAccount = dependencies.newRateEpochWithoutFeatureAccount ?? 0n;
    this.rpc = new RpcService({
      endpoints: dependencies.cluster.endpoints,
      logger: dependencies.logger,
      policy: dependencies.policy,
      fetch: dependencies.fetch,
    });

    for (const endpoint of dependencies.cluster.endpoints.filter((entry) => entry.insecure)) {
      this.logger.warn(
        { endpoint: redactEndpointUrl(endpoint.url) },
        'RPC endpoint uses plain HTTP to a remote host; responses can be altered in transit',
      );
    }

    const getEpochSchedule = (options: ReadOptions): Promise<RpcEpochSchedule> =>
      this.getEpochSchedule(options);
    this.stakeAccounts = new StakeAccountService({
      rpc: this.rpc,
      cluster: dependencies.cluster.id,
      logger: dependencies.logger,
      getEpochSchedule,
      newRateEpochWithoutFeatureAccount: this.newRateEpochWithoutFeatureAccount,
      now: this.now,
    });
    this.validators = new ValidatorService({
      rpc: this.rpc,
      logger: dependencies.logger,
      getEpochSchedule,
      now: this.now,
    });
  }

  /** Returns the epoch schedule, read once because it never changes on a cluster. */
  async getEpochSchedule(options: ReadOptions = {}): Promise<RpcEpochSchedule> {
    if (this.epochSchedule === null) {
      const response = await this.rpc.request('getEpochSchedule', [], epochScheduleSchema, options);
      this.epochSchedule = response.value;
    }
    return this.epochSchedule;
  }

  /** Returns the cluster's genesis hash, which changes only when a local chain is reset. */
  async getGenesisHash(options: ReadOptions = {}): Promise<string> {
    const response = await this.rpc.request('getGenesisHash', [], genesisHashSchema, options);
    return response.value;
  }

  async getEpochInfo(options: ReadOptions = {}): Promise<RpcEpochInfo> {
    const response = await this.rpc.request(
      'getEpochInfo',
      [{ commitment: options.commitment ?? 'confirmed' }],
      epochInfoSchema,
      options,
    );
    return response.value;
  }

  /**
   * Reads stake accounts by address (getMultipleAccounts, 100 per request) with their
   * activation at the current epoch, for example to show an account right after a transaction.
   * Lockups whose custodian is one of `signerKeys` count as lifted.
   */
  async fetchStakeAccountsByAddress(
    addresses: readonly string[],
    signerKeys: readonly string[] = [],
    options: ReadOptions = {},
  ): Promise<StakeAccountsByAddress> {
    const schedule = await this.getEpochSchedule(options);
    const context = await fetchEpochContext(this.rpc, schedule, {
      ...options,
      newRateEpochWithoutFeatureAccount: this.newRateEpochWithoutFeatureAccount,
    });
    const batch = await fetchMultipleAccounts(this.rpc, addresses, options);
    const origin = {
      slot: batch.slot,
      epoch: Number(context.epoch),
      fetchedAt: this.now().toISOString(),
    };
    const keys = new Set(signerKeys);

    const result: StakeAccountsByAddress = { accounts: [], notStake: [], undecodable: [] };
    for (const [address, account] of batch.accounts) {
      const reading = account === null ? null : readStakeAccount(account, context, origin, keys);
      if (reading?.kind === 'view') {
        result.accounts.push(reading.view);
      } else if (reading?.kind === 'undecodable') {
        result.undecodable.push({ address, reason: reading.reason });
      } else {
        result.notStake.push(address);
      }
    }
    return result;
  }

  /**
   * Reads the inflation rewards of `addresses` over the last `epochCount` completed epochs and
   * an APR per address from them and the measured epoch durations.
   */
  async fetchRewards(
    addresses: readonly string[],
    epochCount: number,
    options: ReadOptions = {},
  ): Promise<RewardsReport> {
    const epochInfo = await this.getEpochInfo(options);
    const epochs = listRecentCompletedEpochs(epochInfo.epoch, epochCount);
    const schedule = await this.getEpochSchedule(options);

    const rewards = await fetchInflationRewards(this.rpc, addresses, epochs, options);
    const durations = await fetchEpochDurations(this.rpc, schedule, epochs, options);
    return {
      entries: rewards.entries,
      apr: computeAprByAddress(rewards.entries, durations.seconds),
      estimatedDurationEpochs: durations.estimated,
      warnings: rewards.warnings,
    };
  }

  /**
   * Creates a web3.js Connection whose HTTP requests go through this service's retries,
   * failover and request count, with web3.js's own 429 retry turned off. Use it for what this
   * layer does not wrap, such as sending transactions.
   *
   * NOTE: subscriptions (confirmTransaction's WebSocket) still go to the first endpoint's
   * WebSocket URL directly; poll getSignatureStatuses to stay on the failover path.
   */
  createConnection(commitment: Commitment = 'confirmed'): Connection {
    const rpc = this.rpc;
    const fetchThroughService = async (
      _input: string | URL | Request,
      init?: RequestInit,
    ): Promise<Response> => {
      const body = typeof init?.body === 'string' ? init.body : '';
      const text = await rpc.sendRaw(body, { signal: init?.signal ?? undefined });
      return new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };

    return new Connection(rpc.preferredEndpoint, {
      commitment,
      fetch: fetchThroughService,
      disableRetryOnRateLimit: true,
    });
  }
}
