import type { Logger } from 'pino';

import {
  portfolioSnapshotSchema,
  type PortfolioRewards,
  type PortfolioSnapshot,
  type PortfolioState,
} from '../../../shared/contract/chain';
import type { ClusterId } from '../../../shared/domain/chain';
import type { StoredAccount } from '../../../shared/domain/store';
import { isWalletError, type WalletError, type WalletErrorData } from '../../../shared/errors';
import { fetchMultipleAccounts, listRecentCompletedEpochs, redactEndpointUrl } from '../../chain';
import type { ChainService } from '../../chain';
import type { ChainHub } from '../../chain-hub';
import type { EventBus } from '../../event-bus';
import type { SettingsService } from '../../settings-service';
import type { NetworkStatusService } from './network-status-service';
import {
  buildOwnerBalances,
  canReuseRewards,
  computePortfolioTotals,
  emptyRewards,
  rewardAddressesOf,
  summarizeRewards,
} from './portfolio-snapshot';
import { ClusterSnapshots, computeAgeSeconds, type SnapshotStore } from './snapshot-state';

/** A snapshot older than this is refreshed when a page opens. */
const REFRESH_AFTER_SECONDS = 60;

export interface PortfolioServiceDependencies {
  chainHub: Pick<ChainHub, 'chain'>;
  settings: Pick<SettingsService, 'get'>;
  accounts: { list(): StoredAccount[] };
  snapshots: SnapshotStore;
  network: Pick<NetworkStatusService, 'record'>;
  bus: Pick<EventBus, 'emit'>;
  logger: Logger;
  now?: () => Date;
}

export interface PortfolioRefreshOptions {
  /** Completed epochs whose rewards are read. */
  rewardEpochs: number;
  /** Start a new read after a refresh in flight instead of sharing its older result. */
  afterChange?: boolean;
}

/**
 * The person's portfolio on the current cluster: the stake accounts of every saved Ledger
 * account, the accounts' own balances, recent rewards and totals. The last snapshot is
 * saved per cluster and returned at once, so the pages have data offline. A refresh that
 * fails keeps that snapshot and reports the failure. A part that fails (balances, rewards)
 * keeps its older values and adds a warning.
 */
export class PortfolioService {
  private readonly chainHub: Pick<ChainHub, 'chain'>;
  private readonly settings: Pick<SettingsService, 'get'>;
  private readonly accounts: { list(): StoredAccount[] };
  private readonly network: Pick<NetworkStatusService, 'record'>;
  private readonly bus: Pick<EventBus, 'emit'>;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly snapshots: ClusterSnapshots<PortfolioSnapshot>;
  private readonly seededChains = new WeakSet<ChainService>();

  constructor(dependencies: PortfolioServiceDependencies) {
    this.chainHub = dependencies.chainHub;
    this.settings = dependencies.settings;
    this.accounts = dependencies.accounts;
    this.network = dependencies.network;
    this.bus = dependencies.bus;
    this.logger = dependencies.logger;
    this.now = dependencies.now ?? (() => new Date());
    // The portfolio is kept in the store's stake-account snapshot, balances and rewards included.
    this.snapshots = new ClusterSnapshots(
      dependencies.snapshots,
      'stakeAccounts',
      portfolioSnapshotSchema,
    );
  }

  async get(): Promise<PortfolioState> {
    const { cluster } = await this.settings.get();
    return this.describe(cluster);
  }

  /**
   * Reads the portfolio from the cluster, saves it and publishes it as a portfolioUpdated
   * event. Never rejects for a chain failure: the returned state then contains the last snapshot and the error in lastRefresh.
   */
  async refresh(options: PortfolioRefreshOptions): Promise<PortfolioState> {
    const { cluster } = await this.settings.get();
    return this.snapshots.runOnce(
      cluster,
      () => this.readAndSave(cluster, options),
      async () => {
        const state = await this.describe(cluster);
        this.bus.emit('portfolioUpdated', state);
        return state;
      },
      { afterChange: options.afterChange === true },
    );
  }

  private async describe(cluster: ClusterId): Promise<PortfolioState> {
    const snapshot = await this.snapshots.get(cluster);
    const ageSeconds =
      snapshot === null ? null : computeAgeSeconds(snapshot.meta.fetchedAt, this.now());
    return {
      cluster,
      snapshot: snapshot === null ? null : this.withCurrentNames(snapshot),
      ageSeconds,
      needsRefresh:
        snapshot === null ||
        (ageSeconds ?? 0) > REFRESH_AFTER_SECONDS ||
        !sameKeys(snapshot, this.accounts.list()),
      refreshing: this.snapshots.isRefreshing(cluster),
      lastRefresh: this.snapshots.outcome(cluster),
    };
  }

  private async readAndSave(cluster: ClusterId, options: PortfolioRefreshOptions): Promise<void> {
    const saved = await this.snapshots.get(cluster);
    try {
      const chain = await this.chainHub.chain();
      const genesisHash = await chain.getGenesisHash();
      const previous = this.sameChainOrNull(chain, saved, genesisHash);
      this.seedKnownAccounts(chain, previous);
      const snapshot = await this.read(chain, cluster, previous, options, genesisHash);
      await this.save(cluster, snapshot);
      this.snapshots.setOutcome(cluster, { kind: 'succeeded', at: this.now().toISOString() });
    } catch (error) {
      if (!isWalletError(error)) {
        throw error;
      }
      this.logger.warn(
        { cluster, code: error.code },
        'portfolio refresh failed; keeping the last snapshot',
      );
      this.snapshots.setOutcome(cluster, {
        kind: 'failed',
        at: this.now().toISOString(),
        error: error.toData(),
      });
      await this.recordNetwork(error);
    }
  }

  /** @throws WalletError when the cluster cannot be reached at all. */
  private async read(
    chain: ChainService,
    cluster: ClusterId,
    previous: PortfolioSnapshot | null,
    options: PortfolioRefreshOptions,
    genesisHash: string,
  ): Promise<PortfolioSnapshot> {
    const accounts = this.accounts.list();
    const keys = accounts.map((account) => account.publicKey);

    // One cheap request first: if the cluster is unreachable the refresh fails here, and
    // the slot and epoch it returns feed the network status.
    const epochInfo = await chain.getEpochInfo();
    await this.network.record({
      kind: 'success',
      endpoint: chain.rpc.preferredEndpoint,
      slot: epochInfo.absoluteSlot,
      epoch: epochInfo.epoch,
    });

    const stake = await chain.stakeAccounts.refresh(keys);
    const warnings: WalletErrorData[] = [...stake.warnings];

    const balances = await this.readBalances(chain, keys, warnings);
    const owners = buildOwnerBalances(accounts, stake.accounts, balances, previous?.owners ?? []);
    const rewards = await this.readRewards(
      chain,
      rewardAddressesOf(
        stake.accounts.map((view) => view.address),
        previous,
      ),
      stake.meta.epoch,
      previous?.rewards ?? null,
      options.rewardEpochs,
      warnings,
    );

    this.logger.info(
      { cluster, owners: owners.length, stakeAccounts: stake.accounts.length },
      'refreshed portfolio',
    );
    return {
      meta: { ...stake.meta, endpoint: redactEndpointUrl(stake.meta.endpoint), genesisHash },
      owners,
      stakeAccounts: stake.accounts,
      summary: stake.summary,
      totals: computePortfolioTotals(owners, stake.summary),
      rewards,
      undecodable: stake.undecodable,
      warnings,
    };
  }

  private async readBalances(
    chain: ChainService,
    keys: readonly string[],
    warnings: WalletErrorData[],
  ): Promise<Map<string, bigint> | null> {
    if (keys.length === 0) {
      return new Map();
    }
    try {
      const batch = await fetchMultipleAccounts(chain.rpc, keys);
      return new Map([...batch.accounts].map(([key, account]) => [key, account?.lamports ?? 0n]));
    } catch (error) {
      warnings.push(toWarning(error));
      this.logger.warn(
        { keys: keys.length },
        'could not read account balances; keeping older ones',
      );
      return null;
    }
  }

  private async readRewards(
    chain: ChainService,
    addresses: readonly string[],
    currentEpoch: number,
    previous: PortfolioRewards | null,
    epochCount: number,
    warnings: WalletErrorData[],
  ): Promise<PortfolioRewards | null> {
    const fetchedAt = this.now().toISOString();
    if (addresses.length === 0) {
      return emptyRewards(
        listRecentCompletedEpochs(currentEpoch, epochCount),
        currentEpoch,
        fetchedAt,
      );
    }
    if (canReuseRewards(previous, currentEpoch, addresses, epochCount)) {
      return previous;
    }

    try {
      const report = await chain.fetchRewards(addresses, epochCount);
      warnings.push(...report.warnings);
      return summarizeRewards({
        epochs: listRecentCompletedEpochs(currentEpoch, epochCount),
        entries: report.entries,
        apr: report.apr,
        readInEpoch: currentEpoch,
        fetchedAt,
      });
    } catch (error) {
      warnings.push(toWarning(error));
      this.logger.warn(
        { accounts: addresses.length },
        'could not read rewards; keeping older ones',
      );
      return previous;
    }
  }

  private async save(cluster: ClusterId, snapshot: PortfolioSnapshot): Promise<void> {
    const context = {
      slot: snapshot.meta.slot,
      epoch: snapshot.meta.epoch,
      fetchedAt: snapshot.meta.fetchedAt,
    };
    try {
      await this.snapshots.put(cluster, context, snapshot);
    } catch (error) {
      // The data is shown all the same; only the offline copy is older.
      this.logger.error({ cluster, err: error }, 'could not save the portfolio snapshot');
    }
  }

  /**
   * Returns the saved snapshot when it comes from the chain that responds now. A local chain
   * that was reset has a new genesis hash and none of the saved accounts, which would
   * otherwise stay on screen as unconfirmed forever.
   */
  private sameChainOrNull(
    chain: ChainService,
    saved: PortfolioSnapshot | null,
    genesisHash: string,
  ): PortfolioSnapshot | null {
    const savedHash = saved?.meta.genesisHash;
    if (saved === null || savedHash === undefined || savedHash === genesisHash) {
      return saved;
    }
    this.logger.warn(
      { savedGenesisHash: savedHash, genesisHash },
      'the cluster has a new genesis hash; dropping the stake accounts saved from the old one',
    );
    chain.stakeAccounts.forgetKnownAccounts();
    return null;
  }

  /**
   * Gives a new ChainService (the first one, or one built after a settings change) the
   * accounts saved earlier, so that a node returning an empty list cannot hide them.
   */
  private seedKnownAccounts(chain: ChainService, previous: PortfolioSnapshot | null): void {
    if (this.seededChains.has(chain)) {
      return;
    }
    this.seededChains.add(chain);
    if (previous !== null && chain.stakeAccounts.knownAccounts.length === 0) {
      chain.stakeAccounts.seedKnownAccounts(previous.stakeAccounts, previous.meta);
    }
  }

  private async recordNetwork(error: WalletError): Promise<void> {
    if (error.code.startsWith('RPC_')) {
      await this.network.record({ kind: 'failure', error });
    }
  }

  /** Shows the names the accounts have now, which the person may have changed since the read. */
  private withCurrentNames(snapshot: PortfolioSnapshot): PortfolioSnapshot {
    const names = new Map(this.accounts.list().map((account) => [account.publicKey, account.name]));
    return {
      ...snapshot,
      owners: snapshot.owners.map((owner) => ({
        ...owner,
        name: names.get(owner.address) ?? owner.name,
      })),
    };
  }
}

function sameKeys(snapshot: PortfolioSnapshot, accounts: readonly StoredAccount[]): boolean {
  const known = new Set(snapshot.owners.map((owner) => owner.address));
  return (
    known.size === accounts.length && accounts.every((account) => known.has(account.publicKey))
  );
}

function toWarning(error: unknown): WalletErrorData {
  if (isWalletError(error) && error.code !== 'CANCELLED') {
    return error.toData();
  }
  throw error;
}
