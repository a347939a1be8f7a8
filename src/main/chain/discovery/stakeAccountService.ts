import type { Logger } from 'pino';

import type {
  ChainSnapshotMeta,
  ClusterId,
  StakeAccountsSnapshot,
  StakeAccountView,
} from '../../../shared/domain/chain';
import { WalletError, isWalletError, type WalletErrorData } from '../../../shared/errors';
import { fetchMultipleAccounts, type FetchedAccount, type ReadOptions } from '../rpc/accountReads';
import { RequestTally } from '../rpc/requestTally';
import type { RpcService } from '../rpc/rpcService';
import type { RpcEpochSchedule } from '../rpc/rpcSchemas';
import { fetchEpochContext, type EpochContext } from '../stake/epochContext';
import { summarizePortfolio } from '../stake/portfolioSummary';
import { isControlledBy, readStakeAccount } from '../stake/readStakeAccount';
import {
  crossCheckEmptyAnswer,
  listOwnerQueries,
  runOwnerQueries,
  type OwnerQuery,
  type OwnerQueryOutcome,
} from './ownerQueries';

export interface StakeAccountServiceDependencies {
  rpc: RpcService;
  cluster: ClusterId;
  logger: Logger;
  getEpochSchedule: (options: ReadOptions) => Promise<RpcEpochSchedule>;
  /** See EpochContextOptions: used only where the cluster has no feature account. */
  newRateEpochWithoutFeatureAccount?: bigint | null;
  now?: () => Date;
}

export interface RefreshOptions {
  signal?: AbortSignal;
  /** Counts this refresh's HTTP requests; the snapshot reports the count either way. */
  tally?: RequestTally;
}

export interface StakeAccountsRefresh extends StakeAccountsSnapshot {
  /** HTTP requests this refresh sent, retries included. */
  requestCount: number;
}

interface FoundAccount {
  account: FetchedAccount;
  slot: number;
}

/**
 * Finds the stake accounts whose staker or withdrawer is one of the person's keys and keeps
 * the last known set. A failed or empty response never removes a known account. An empty
 * response is cross-checked on the other endpoints, and a known account that is still missing
 * is read by address. It is dropped only when a node at least as recent as the last sighting
 * shows it closed or no longer controlled by those keys. Otherwise it stays, marked stale.
 */
export class StakeAccountService {
  private readonly rpc: RpcService;
  private readonly cluster: ClusterId;
  private readonly logger: Logger;
  private readonly getEpochSchedule: (options: ReadOptions) => Promise<RpcEpochSchedule>;
  private readonly newRateEpochWithoutFeatureAccount: bigint | null;
  private readonly now: () => Date;
  private readonly known = new Map<string, StakeAccountView>();
  private lastMeta: ChainSnapshotMeta | null = null;

  constructor(dependencies: StakeAccountServiceDependencies) {
    this.rpc = dependencies.rpc;
    this.cluster = dependencies.cluster;
    this.logger = dependencies.logger;
    this.getEpochSchedule = dependencies.getEpochSchedule;
    this.newRateEpochWithoutFeatureAccount = dependencies.newRateEpochWithoutFeatureAccount ?? 0n;
    this.now = dependencies.now ?? (() => new Date());
  }

  /** Loads accounts saved from an earlier run, so a failed first refresh still shows them. */
  seedKnownAccounts(views: readonly StakeAccountView[], meta: ChainSnapshotMeta | null): void {
    for (const view of views) {
      this.known.set(view.address, { ...view, stale: true });
    }
    this.lastMeta = meta;
  }

  /** Forgets every known account, for a cluster that was reset and contains none of them. */
  forgetKnownAccounts(): void {
    this.known.clear();
    this.lastMeta = null;
  }

  get knownAccounts(): StakeAccountView[] {
    return sortByAddress([...this.known.values()]);
  }

  /**
   * Refreshes the stake accounts controlled by `ownerKeys`.
   *
   * @throws WalletError RPC_UNAVAILABLE (or another RPC error) only when the cluster state
   *   cannot be read and no account is known yet; otherwise failures become warnings.
   */
  async refresh(
    ownerKeys: readonly string[],
    options: RefreshOptions = {},
  ): Promise<StakeAccountsRefresh> {
    const tally = options.tally ?? new RequestTally();
    const readOptions: ReadOptions = { signal: options.signal, tally };
    const keys = new Set(ownerKeys);
    const startCount = tally.count;

    let context: EpochContext;
    try {
      const schedule = await this.getEpochSchedule(readOptions);
      context = await fetchEpochContext(this.rpc, schedule, {
        ...readOptions,
        newRateEpochWithoutFeatureAccount: this.newRateEpochWithoutFeatureAccount,
      });
    } catch (error) {
      return this.keepKnownAfterFailure(keys, error, tally.count - startCount);
    }

    const fetchedAt = this.now().toISOString();
    const warnings: WalletErrorData[] = [];
    const outcomes = await this.queryOwners(keys, readOptions, warnings);
    const found = collectFound(outcomes, context.slot);
    warnings.push(...collectQueryFailures(outcomes));

    const fresh: StakeAccountView[] = [];
    const undecodable: { address: string; reason: string }[] = [];
    for (const [address, { account, slot }] of found) {
      const origin = { slot, epoch: Number(context.epoch), fetchedAt };
      const reading = readStakeAccount(account, context, origin, keys);
      if (reading.kind === 'view' && isControlledBy(reading.view, keys)) {
        fresh.push(reading.view);
      } else if (reading.kind === 'undecodable') {
        undecodable.push({ address, reason: reading.reason });
      }
    }

    const missing = [...this.known.values()].filter(
      (view) => isControlledBy(view, keys) && !found.has(view.address),
    );
    const resolved = await this.resolveMissing(missing, context, keys, readOptions);
    fresh.push(...resolved.fresh);
    undecodable.push(...resolved.undecodable);
    if (resolved.warning !== null) {
      warnings.push(resolved.warning);
    }

    this.replaceKnown([...fresh, ...resolved.stale]);
    const meta: ChainSnapshotMeta = {
      cluster: this.cluster,
      endpoint: context.endpoint,
      slot: context.slot,
      epoch: Number(context.epoch),
      fetchedAt,
    };
    this.lastMeta = meta;

    if (resolved.stale.length > 0) {
      warnings.push(this.staleWarning(resolved.stale));
      this.logger.warn(
        { staleCount: resolved.stale.length },
        'kept stake accounts that this refresh could not confirm',
      );
    }

    const accounts = this.knownAccounts;
    this.logger.info(
      { accounts: accounts.length, requests: tally.count - startCount, slot: context.slot },
      'refreshed stake accounts',
    );
    return {
      meta,
      accounts,
      summary: summarizePortfolio(accounts),
      undecodable,
      warnings,
      requestCount: tally.count - startCount,
    };
  }

  private async queryOwners(
    keys: ReadonlySet<string>,
    options: ReadOptions,
    warnings: WalletErrorData[],
  ): Promise<OwnerQueryOutcome[]> {
    const outcomes = await runOwnerQueries(this.rpc, listOwnerQueries([...keys]), options);

    // An empty list for a key with known accounts may come from a lagging node.
    for (const [index, outcome] of outcomes.entries()) {
      if (!outcome.ok || outcome.result.accounts.length > 0) {
        continue;
      }
      if (!this.hasKnownAccountFor(outcome.query)) {
        continue;
      }
      const checked = await crossCheckEmptyAnswer(this.rpc, outcome, options);
      if (checked !== null) {
        outcomes[index] = checked.outcome;
        warnings.push(checked.warning);
        this.logger.warn(checked.warning.context, 'an endpoint returned no stake accounts');
      }
    }
    return outcomes;
  }

  /**
   * Reads by address the known accounts that discovery did not return. An account is dropped
   * when a node at a slot no older than its last sighting shows it closed or no longer
   * controlled by the keys. The others stay, marked stale.
   */
  private async resolveMissing(
    missing: readonly StakeAccountView[],
    context: EpochContext,
    keys: ReadonlySet<string>,
    options: ReadOptions,
  ): Promise<{
    fresh: StakeAccountView[];
    stale: StakeAccountView[];
    undecodable: { address: string; reason: string }[];
    warning: WalletErrorData | null;
  }> {
    const result = {
      fresh: [] as StakeAccountView[],
      stale: [] as StakeAccountView[],
      undecodable: [] as { address: string; reason: string }[],
      warning: null as WalletErrorData | null,
    };
    if (missing.length === 0) {
      return result;
    }

    let batch;
    try {
      batch = await fetchMultipleAccounts(
        this.rpc,
        missing.map((view) => view.address),
        options,
      );
    } catch (error) {
      result.stale = missing.map(markStale);
      result.warning = toWarning(error);
      return result;
    }

    const fetchedAt = this.now().toISOString();
    const origin = { slot: batch.slot, epoch: Number(context.epoch), fetchedAt };
    for (const previous of missing) {
      const account = batch.accounts.get(previous.address) ?? null;
      const isRecentEnough = batch.slot >= previous.dataSlot;
      const reading = account === null ? null : readStakeAccount(account, context, origin, keys);

      if (reading?.kind === 'view' && isControlledBy(reading.view, keys)) {
        // Present and still ours: discovery's index lagged or the owner query failed.
        result.fresh.push(reading.view);
      } else if (reading?.kind === 'undecodable') {
        result.undecodable.push({ address: previous.address, reason: reading.reason });
        result.stale.push(markStale(previous));
      } else if (isRecentEnough) {
        this.logger.info(
          { address: previous.address, slot: batch.slot },
          'dropped a stake account that was closed or moved to other authorities',
        );
      } else {
        result.stale.push(markStale(previous));
      }
    }
    return result;
  }

  private keepKnownAfterFailure(
    keys: ReadonlySet<string>,
    error: unknown,
    requestCount: number,
  ): StakeAccountsRefresh {
    const kept = [...this.known.values()].filter((view) => isControlledBy(view, keys));
    if (kept.length === 0 || this.lastMeta === null || !isWalletError(error)) {
      throw error;
    }

    this.logger.warn(
      { code: error.code, kept: kept.length },
      'stake account refresh failed; showing the last known accounts',
    );
    const stale = sortByAddress(kept.map(markStale));
    this.replaceKnown(stale);
    return {
      meta: this.lastMeta,
      accounts: stale,
      summary: summarizePortfolio(stale),
      undecodable: [],
      warnings: [error.toData(), this.staleWarning(stale)],
      requestCount,
    };
  }

  private hasKnownAccountFor(query: OwnerQuery): boolean {
    for (const view of this.known.values()) {
      if (view[query.role] === query.key) {
        return true;
      }
    }
    return false;
  }

  private replaceKnown(views: readonly StakeAccountView[]): void {
    this.known.clear();
    for (const view of views) {
      this.known.set(view.address, view);
    }
  }

  private staleWarning(stale: readonly StakeAccountView[]): WalletErrorData {
    const oldest = stale.reduce<string | null>(
      (earliest, view) =>
        earliest === null || view.fetchedAt < earliest ? view.fetchedAt : earliest,
      null,
    );
    return new WalletError('STAKE_ACCOUNTS_STALE', {
      staleCount: stale.length,
      lastFetchedAt: oldest,
    }).toData();
  }
}

function collectFound(outcomes: readonly OwnerQueryOutcome[], fallbackSlot: number) {
  const found = new Map<string, FoundAccount>();
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      continue;
    }
    const slot = outcome.result.slot ?? fallbackSlot;
    for (const account of outcome.result.accounts) {
      const existing = found.get(account.address);
      if (existing === undefined || existing.slot < slot) {
        found.set(account.address, { account, slot });
      }
    }
  }
  return found;
}

/** Returns one warning per distinct failure code, so many failed keys do not flood the screen. */
function collectQueryFailures(outcomes: readonly OwnerQueryOutcome[]): WalletErrorData[] {
  const byCode = new Map<string, WalletErrorData>();
  for (const outcome of outcomes) {
    if (!outcome.ok && !byCode.has(outcome.error.code)) {
      byCode.set(outcome.error.code, outcome.error.toData());
    }
  }
  return [...byCode.values()];
}

function markStale(view: StakeAccountView): StakeAccountView {
  return { ...view, stale: true };
}

function sortByAddress(views: StakeAccountView[]): StakeAccountView[] {
  return views.sort((left, right) => (left.address < right.address ? -1 : 1));
}

function toWarning(error: unknown): WalletErrorData {
  if (isWalletError(error)) {
    return error.toData();
  }
  throw error;
}
