import type { Logger } from 'pino';

import type { NetworkStatus } from '../../../shared/contract/chain';
import type { Settings } from '../../../shared/domain/settings';
import { isWalletError, type WalletError } from '../../../shared/errors';
import { createClusterConfig, redactEndpointUrl } from '../../chain';
import { epochInfoSchema } from '../../chain/rpc/rpcSchemas';
import type { ChainHub } from '../../chain-hub';
import type { EventBus } from '../../event-bus';
import type { SettingsService } from '../../settings-service';
import { usesBuiltInEndpoints } from './endpoint-settings';

export interface NetworkStatusServiceDependencies {
  settings: Pick<SettingsService, 'get'>;
  chainHub: Pick<ChainHub, 'chain'>;
  bus: Pick<EventBus, 'emit'>;
  logger: Logger;
  now?: () => Date;
}

/** Outcome of the latest request: the chain position on success, or the error on failure. */
export type NetworkObservation =
  | { kind: 'success'; endpoint: string; slot: number; epoch: number }
  | { kind: 'failure'; error: WalletError };

interface Observed {
  /** Cluster and endpoints the observation belongs to; a settings change starts afresh. */
  settingsKey: string;
  connection: NetworkStatus['connection'];
  servedBy: string | null;
  slot: number | null;
  epoch: number | null;
  lastSuccessAt: string | null;
  lastCheckedAt: string | null;
  lastError: NetworkStatus['lastError'];
}

/**
 * Tracks whether the current cluster responds. The portfolio and validator refreshes report what they saw, and check() requests the epoch from the cluster. Every change is pushed to the
 * pages as a networkStatusChanged event.
 */
export class NetworkStatusService {
  private readonly settings: Pick<SettingsService, 'get'>;
  private readonly chainHub: Pick<ChainHub, 'chain'>;
  private readonly bus: Pick<EventBus, 'emit'>;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private observed: Observed | null = null;

  constructor(dependencies: NetworkStatusServiceDependencies) {
    this.settings = dependencies.settings;
    this.chainHub = dependencies.chainHub;
    this.bus = dependencies.bus;
    this.logger = dependencies.logger;
    this.now = dependencies.now ?? (() => new Date());
  }

  async status(): Promise<NetworkStatus> {
    return describeStatus(await this.settings.get(), this.observed);
  }

  /** Reads the epoch from the cluster and records the outcome, a missing endpoint included. */
  async check(): Promise<NetworkStatus> {
    try {
      const chain = await this.chainHub.chain();
      const response = await chain.rpc.request(
        'getEpochInfo',
        [{ commitment: 'confirmed' }],
        epochInfoSchema,
      );
      return await this.record({
        kind: 'success',
        endpoint: response.endpoint,
        slot: response.value.absoluteSlot,
        epoch: response.value.epoch,
      });
    } catch (error) {
      if (!isWalletError(error)) {
        throw error;
      }
      return this.record({ kind: 'failure', error });
    }
  }

  /** Records what a request to the current cluster saw and publishes the new status. */
  async record(observation: NetworkObservation): Promise<NetworkStatus> {
    const settings = await this.settings.get();
    const settingsKey = keyOf(settings);
    const at = this.now().toISOString();
    const before = this.observed?.settingsKey === settingsKey ? this.observed : null;

    if (observation.kind === 'success') {
      if (before?.connection === 'offline') {
        this.logger.info({ cluster: settings.cluster }, 'cluster reachable again');
      }
      this.observed = {
        settingsKey,
        connection: 'online',
        servedBy: redactEndpointUrl(observation.endpoint),
        slot: observation.slot,
        epoch: observation.epoch,
        lastSuccessAt: at,
        lastCheckedAt: at,
        lastError: null,
      };
    } else {
      if (before?.connection !== 'offline') {
        this.logger.warn(
          { cluster: settings.cluster, code: observation.error.code },
          'cluster unreachable',
        );
      }
      this.observed = {
        settingsKey,
        connection: 'offline',
        servedBy: before?.servedBy ?? null,
        slot: before?.slot ?? null,
        epoch: before?.epoch ?? null,
        lastSuccessAt: before?.lastSuccessAt ?? null,
        lastCheckedAt: at,
        lastError: observation.error.toData(),
      };
    }

    const status = describeStatus(settings, this.observed);
    this.bus.emit('networkStatusChanged', status);
    return status;
  }

  /** Publishes the status of the settings as they are now, for example after a cluster switch. */
  async publish(): Promise<NetworkStatus> {
    const status = await this.status();
    this.bus.emit('networkStatusChanged', status);
    return status;
  }
}

function keyOf(settings: Settings): string {
  return JSON.stringify([settings.cluster, settings.endpoints[settings.cluster]]);
}

function describeStatus(settings: Settings, observed: Observed | null): NetworkStatus {
  const urls = settings.endpoints[settings.cluster];
  let endpoints: NetworkStatus['endpoints'] = [];
  try {
    endpoints = createClusterConfig(settings.cluster, urls).endpoints;
  } catch (error) {
    // A custom cluster without endpoints: the status shows an empty list.
    if (!isWalletError(error)) {
      throw error;
    }
  }

  const current = observed?.settingsKey === keyOf(settings) ? observed : null;
  return {
    cluster: settings.cluster,
    endpoints,
    defaultEndpoints: usesBuiltInEndpoints(settings.cluster, urls),
    connection: current?.connection ?? 'unknown',
    servedBy: current?.servedBy ?? null,
    slot: current?.slot ?? null,
    epoch: current?.epoch ?? null,
    lastSuccessAt: current?.lastSuccessAt ?? null,
    lastCheckedAt: current?.lastCheckedAt ?? null,
    lastError: current?.lastError ?? null,
  };
}
