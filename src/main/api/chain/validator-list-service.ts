import type { Logger } from 'pino';

import {
  validatorsSnapshotSchema,
  type ValidatorsSnapshot,
  type ValidatorsState,
} from '../../../shared/contract/chain';
import type { ClusterId } from '../../../shared/domain/chain';
import { isWalletError } from '../../../shared/errors';
import { redactEndpointUrl, type ChainService } from '../../chain';
import type { ChainHub } from '../../chain-hub';
import type { EventBus } from '../../event-bus';
import type { SettingsService } from '../../settings-service';
import { mergeCommissionChanges } from './commission-changes';
import type { NetworkStatusService } from './network-status-service';
import { ClusterSnapshots, computeAgeSeconds, type SnapshotStore } from './snapshot-state';

export interface ValidatorListServiceDependencies {
  chainHub: Pick<ChainHub, 'chain'>;
  settings: Pick<SettingsService, 'get'>;
  snapshots: SnapshotStore;
  network: Pick<NetworkStatusService, 'record'>;
  bus: Pick<EventBus, 'emit'>;
  logger: Logger;
  now?: () => Date;
}

/**
 * The validator list of the current cluster, saved per cluster so the page has it offline.
 * Commission changes are compared across lists, saved ones included, and flagged for a few
 * epochs.
 */
export class ValidatorListService {
  private readonly chainHub: Pick<ChainHub, 'chain'>;
  private readonly settings: Pick<SettingsService, 'get'>;
  private readonly network: Pick<NetworkStatusService, 'record'>;
  private readonly bus: Pick<EventBus, 'emit'>;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly snapshots: ClusterSnapshots<ValidatorsSnapshot>;
  private readonly seededChains = new WeakSet<ChainService>();

  constructor(dependencies: ValidatorListServiceDependencies) {
    this.chainHub = dependencies.chainHub;
    this.settings = dependencies.settings;
    this.network = dependencies.network;
    this.bus = dependencies.bus;
    this.logger = dependencies.logger;
    this.now = dependencies.now ?? (() => new Date());
    this.snapshots = new ClusterSnapshots(
      dependencies.snapshots,
      'validators',
      validatorsSnapshotSchema,
    );
  }

  async get(): Promise<ValidatorsState> {
    const { cluster } = await this.settings.get();
    return this.describe(cluster);
  }

  /**
   * Reads the list from the cluster, saves it and publishes a validatorsUpdated event. A
   * failure keeps the saved list and is reported in lastRefresh.
   */
  async refresh(): Promise<ValidatorsState> {
    const { cluster } = await this.settings.get();
    return this.snapshots.runOnce(
      cluster,
      () => this.readAndSave(cluster),
      async () => {
        const state = await this.describe(cluster);
        this.bus.emit('validatorsUpdated', state);
        return state;
      },
    );
  }

  private async describe(cluster: ClusterId): Promise<ValidatorsState> {
    const snapshot = await this.snapshots.get(cluster);
    return {
      cluster,
      snapshot,
      ageSeconds: snapshot === null ? null : computeAgeSeconds(snapshot.meta.fetchedAt, this.now()),
      refreshing: this.snapshots.isRefreshing(cluster),
      lastRefresh: this.snapshots.outcome(cluster),
    };
  }

  private async readAndSave(cluster: ClusterId): Promise<void> {
    const previous = await this.snapshots.get(cluster);
    try {
      const chain = await this.chainHub.chain();
      this.seedPreviousCommission(chain, previous);

      const list = await chain.validators.listValidators();
      const endpoint = chain.rpc.preferredEndpoint;
      await this.network.record({ kind: 'success', endpoint, slot: list.slot, epoch: list.epoch });

      const snapshot: ValidatorsSnapshot = {
        meta: {
          cluster,
          endpoint: redactEndpointUrl(endpoint),
          slot: list.slot,
          epoch: list.epoch,
          fetchedAt: list.fetchedAt,
        },
        validators: list.validators,
        commissionChanges: mergeCommissionChanges(
          previous?.commissionChanges ?? [],
          list.validators,
          list.epoch,
        ),
        warnings: list.warnings,
      };
      await this.save(cluster, snapshot);
      this.snapshots.setOutcome(cluster, { kind: 'succeeded', at: this.now().toISOString() });
    } catch (error) {
      if (!isWalletError(error)) {
        throw error;
      }
      this.logger.warn(
        { cluster, code: error.code },
        'validator list refresh failed; keeping the last list',
      );
      this.snapshots.setOutcome(cluster, {
        kind: 'failed',
        at: this.now().toISOString(),
        error: error.toData(),
      });
      if (error.code.startsWith('RPC_')) {
        await this.network.record({ kind: 'failure', error });
      }
    }
  }

  private async save(cluster: ClusterId, snapshot: ValidatorsSnapshot): Promise<void> {
    const { slot, epoch, fetchedAt } = snapshot.meta;
    try {
      await this.snapshots.put(cluster, { slot, epoch, fetchedAt }, snapshot);
    } catch (error) {
      this.logger.error({ cluster, err: error }, 'could not save the validator list');
    }
  }

  /** Lets a new ChainService compare commissions with the list saved in an earlier run. */
  private seedPreviousCommission(chain: ChainService, previous: ValidatorsSnapshot | null): void {
    if (this.seededChains.has(chain)) {
      return;
    }
    this.seededChains.add(chain);
    if (previous !== null) {
      chain.validators.seedPreviousCommission(previous.validators);
    }
  }
}
