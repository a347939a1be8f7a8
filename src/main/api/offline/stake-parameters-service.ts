import type { Logger } from 'pino';
import { z } from 'zod';

import type { ClusterId } from '../../../shared/domain/chain';
import type { RpcService } from '../../chain';
import { u64Schema } from '../../chain/rpc/rpcSchemas';
import { STAKE_ACCOUNT_SPACE } from '../../stake';
import type { SnapshotService } from '../../store';

/** The stake program figures an offline-built split, delegation or withdrawal is checked with. */
export interface SavedStakeParameters {
  /** Rent-exempt reserve of a 200-byte stake account. */
  stakeRentReserve: bigint;
  /** The cluster's minimum delegation, from `getStakeMinimumDelegation`. */
  minimumDelegation: bigint;
  slot: number;
  epoch: number;
  readAt: string;
}

/** JSON form of the figures in the store's stakeParameters snapshot; lamports as decimal strings. */
const savedParametersSchema = z.strictObject({
  stakeRentReserve: z.string().regex(/^\d+$/),
  minimumDelegation: z.string().regex(/^\d+$/),
});

const COMMITMENT = 'confirmed';
const epochInfoSchema = z.object({
  epoch: z.number().int().nonnegative(),
  absoluteSlot: z.number().int().nonnegative(),
});
const minimumDelegationSchema = z.object({ value: u64Schema });

export interface StakeParametersServiceDependencies {
  snapshots: Pick<SnapshotService, 'save' | 'load'>;
  logger: Logger;
  now?: () => Date;
}

/**
 * Reads the stake rent reserve and the minimum delegation while the cluster responds and keeps
 * them per cluster in the store, so operations prepared offline can still be checked with them.
 */
export class StakeParametersService {
  private readonly now: () => Date;

  constructor(private readonly dependencies: StakeParametersServiceDependencies) {
    this.now = dependencies.now ?? (() => new Date());
  }

  /**
   * Reads both figures with the slot and epoch of the read and saves them. A failure is
   * logged and not raised, because the caller's own read already succeeded.
   */
  async readAndSave(rpc: RpcService, cluster: ClusterId, signal?: AbortSignal): Promise<void> {
    try {
      const options = { signal };
      const [rent, minimum, epochInfo] = await Promise.all([
        rpc.request(
          'getMinimumBalanceForRentExemption',
          [Number(STAKE_ACCOUNT_SPACE), { commitment: COMMITMENT }],
          u64Schema,
          options,
        ),
        rpc.request(
          'getStakeMinimumDelegation',
          [{ commitment: COMMITMENT }],
          minimumDelegationSchema,
          options,
        ),
        rpc.request('getEpochInfo', [{ commitment: COMMITMENT }], epochInfoSchema, options),
      ]);
      await this.dependencies.snapshots.save(
        'stakeParameters',
        cluster,
        {
          slot: epochInfo.value.absoluteSlot,
          epoch: epochInfo.value.epoch,
          fetchedAt: this.now().toISOString(),
        },
        {
          stakeRentReserve: rent.value.toString(),
          minimumDelegation: minimum.value.value.toString(),
        },
        savedParametersSchema,
      );
    } catch (error) {
      this.dependencies.logger.warn(
        { cluster, err: error },
        'reading or saving the stake rent reserve and minimum delegation failed',
      );
    }
  }

  /** Returns the last saved figures of the cluster, or null when none were saved. */
  async load(cluster: ClusterId): Promise<SavedStakeParameters | null> {
    const saved = await this.dependencies.snapshots.load(
      'stakeParameters',
      cluster,
      savedParametersSchema,
    );
    if (saved === null) {
      return null;
    }
    return {
      stakeRentReserve: BigInt(saved.data.stakeRentReserve),
      minimumDelegation: BigInt(saved.data.minimumDelegation),
      slot: saved.context.slot,
      epoch: saved.context.epoch,
      readAt: saved.context.fetchedAt,
    };
  }
}
