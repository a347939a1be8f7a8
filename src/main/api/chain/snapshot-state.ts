import type { RefreshOutcome } from '../../../shared/contract/chain';
import type { ClusterId } from '../../../shared/domain/chain';
import type { Snapshot, SnapshotContext, SnapshotKind } from '../../../shared/domain/store';
import type { z } from 'zod';

/** The part of the store's SnapshotService that the chain pages use. */
export interface SnapshotStore {
  save<T>(
    kind: SnapshotKind,
    cluster: ClusterId,
    context: SnapshotContext,
    data: T,
    dataSchema: z.ZodType<T, T>,
  ): Promise<void>;
  load<T>(
    kind: SnapshotKind,
    cluster: ClusterId,
    dataSchema: z.ZodType<T, T>,
  ): Promise<Snapshot<T> | null>;
}

/** Whole seconds from `fetchedAt` to `now`, never negative (a clock step back reads as 0). */
export function computeAgeSeconds(fetchedAt: string, now: Date): number {
  const elapsed = now.getTime() - Date.parse(fetchedAt);
  return Number.isFinite(elapsed) ? Math.max(0, Math.floor(elapsed / 1000)) : 0;
}

/**
 * The per-cluster memory of a snapshot service: the snapshot last saved or loaded, the
 * outcome of the last refresh and the refresh in flight. Snapshots of each cluster are kept
 * apart, so switching clusters never shows one cluster's data under another's name.
 */
export class ClusterSnapshots<T> {
  private readonly loaded = new Map<ClusterId, T | null>();
  private readonly outcomes = new Map<ClusterId, RefreshOutcome>();
  private readonly running = new Map<ClusterId, Promise<unknown>>();
  /** The run queued behind the one in flight for callers that asked with `afterChange`. */
  private readonly following = new Map<ClusterId, Promise<unknown>>();

  constructor(
    private readonly store: SnapshotStore,
    private readonly kind: SnapshotKind,
    private readonly schema: z.ZodType<T, T>,
  ) {}

  /** Returns the snapshot of `cluster`, read from the store the first time. */
  async get(cluster: ClusterId): Promise<T | null> {
    if (!this.loaded.has(cluster)) {
      const stored = await this.store.load(this.kind, cluster, this.schema);
      // A refresh may have finished while the file was read; its data is newer.
      if (!this.loaded.has(cluster)) {
        this.loaded.set(cluster, stored?.data ?? null);
      }
    }
    return this.loaded.get(cluster) ?? null;
  }

  /** Keeps `data` as the cluster's snapshot and writes it to the store. */
  async put(cluster: ClusterId, context: SnapshotContext, data: T): Promise<void> {
    this.loaded.set(cluster, data);
    await this.store.save(this.kind, cluster, context, data, this.schema);
  }

  outcome(cluster: ClusterId): RefreshOutcome {
    return this.outcomes.get(cluster) ?? { kind: 'none' };
  }

  setOutcome(cluster: ClusterId, outcome: RefreshOutcome): void {
    this.outcomes.set(cluster, outcome);
  }

  isRefreshing(cluster: ClusterId): boolean {
    return this.running.has(cluster);
  }

  /**
   * Runs `work` and then `finish`, unless a refresh of the cluster is in flight, whose result
   * is shared instead. `finish` runs once the refresh no longer counts as running, so the state it builds has refreshing: false.
   * With `afterChange`, something changed after the refresh in flight began, such as a
   * transaction that landed. A new run then starts once that one ends, and every caller that
   * requests `afterChange` meanwhile shares it, so the result is never older than the change.
   */
  runOnce<R>(
    cluster: ClusterId,
    work: () => Promise<void>,
    finish: () => Promise<R>,
    options: { afterChange?: boolean } = {},
  ): Promise<R> {
    const inFlight = this.running.get(cluster) as Promise<R> | undefined;
    if (inFlight === undefined) {
      return this.start(cluster, work, finish);
    }
    if (options.afterChange !== true) {
      return inFlight;
    }

    const queued = this.following.get(cluster) as Promise<R> | undefined;
    if (queued !== undefined) {
      return queued;
    }
    const next = inFlight
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.following.delete(cluster);
        // A run started by another caller after the change is recent enough to share.
        return this.runOnce(cluster, work, finish);
      });
    this.following.set(cluster, next);
    return next;
  }

  private start<R>(
    cluster: ClusterId,
    work: () => Promise<void>,
    finish: () => Promise<R>,
  ): Promise<R> {
    const shared = (async () => {
      // Yield once, so the refresh is registered as running before `work` looks at it.
      await Promise.resolve();
      try {
        await work();
      } finally {
        this.running.delete(cluster);
      }
      return finish();
    })();
    this.running.set(cluster, shared);
    return shared;
  }
}
