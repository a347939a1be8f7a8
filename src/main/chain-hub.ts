import type { Logger } from 'pino';

import type { Settings } from '../shared/domain/settings';
import { ChainService, createClusterConfig } from './chain';
import type { SettingsService } from './settings-service';

/**
 * Keeps the ChainService of the cluster chosen in the settings, and builds a new one when
 * the person picks another cluster or changes its endpoints. Services of an earlier choice
 * are dropped, so their known-account caches never mix clusters.
 */
export class ChainHub {
  private current: { key: string; chain: ChainService } | undefined;

  constructor(
    private readonly settings: SettingsService,
    private readonly logger: Logger,
  ) {}

  async chain(): Promise<ChainService> {
    const settings = await this.settings.get();
    const key = clusterKey(settings);
    if (this.current?.key !== key) {
      const cluster = createClusterConfig(settings.cluster, settings.endpoints[settings.cluster]);
      this.logger.info(
        { cluster: cluster.id, endpoints: cluster.endpoints.length },
        'connected to a cluster',
      );
      this.current = { key, chain: new ChainService({ cluster, logger: this.logger }) };
    }
    return this.current.chain;
  }
}

function clusterKey(settings: Settings): string {
  return JSON.stringify([settings.cluster, settings.endpoints[settings.cluster]]);
}
