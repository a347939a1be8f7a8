import { DEFAULT_REWARD_EPOCHS, type chainMethods } from '../../shared/contract/chain';
import type { Services } from '../compose';
import { checkEndpoint, chooseCluster, replaceEndpoints } from './chain/endpoint-settings';
import { NetworkStatusService } from './chain/network-status-service';
import { PortfolioService } from './chain/portfolio-service';
import { ValidatorListService } from './chain/validator-list-service';
import type { HandlersOf } from './handlers';

type ChainHandlers = HandlersOf<typeof chainMethods>;

export type ChainHandlerServices = Pick<
  Services,
  'bus' | 'store' | 'settings' | 'chainHub' | 'logger'
> & {
  /** Clock for snapshot ages and refresh times; the system clock when absent. */
  now?: () => Date;
};

/**
 * Binds the chain methods of the contract: the portfolio and validator snapshots with
 * their refreshes, the network status, and the cluster and endpoint settings.
 */
export function createChainHandlers(services: ChainHandlerServices): ChainHandlers {
  const { bus, chainHub, settings, store } = services;
  const logger = services.logger.child({ subsystem: 'chain-api' });
  const now = services.now;

  const network = new NetworkStatusService({ settings, chainHub, bus, logger, now });
  const portfolio = new PortfolioService({
    chainHub,
    settings,
    accounts: store.accounts,
    snapshots: store.snapshots,
    network,
    bus,
    logger,
    now,
  });
  const validators = new ValidatorListService({
    chainHub,
    settings,
    snapshots: store.snapshots,
    network,
    bus,
    logger,
    now,
  });

  return {
    getPortfolio: () => portfolio.get(),
    refreshPortfolio: ({ rewardEpochs, afterChange }) =>
      portfolio.refresh({
        rewardEpochs: rewardEpochs ?? DEFAULT_REWARD_EPOCHS,
        afterChange: afterChange === true,
      }),
    listValidators: ({ refresh }) => (refresh ? validators.refresh() : validators.get()),
    getNetworkStatus: ({ check }) => (check ? network.check() : network.status()),
    setCluster: async ({ cluster }) => {
      await chooseCluster(settings, cluster);
      return network.publish();
    },
    setEndpoints: async ({ cluster, urls }) => {
      const result = await replaceEndpoints(settings, cluster, urls);
      if ((await settings.get()).cluster === cluster) {
        await network.publish();
      }
      return result;
    },
    testEndpoint: ({ url, cluster }) => checkEndpoint(url, cluster, logger),
  };
}
