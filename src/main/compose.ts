import type { Logger } from 'pino';

import type { AppInfo } from '../shared/contract/app';
import type { SettingsPatch } from '../shared/domain/settings';
import { createAppHandlers, type ExternalOpener } from './api/app-handlers';
import { createChainHandlers } from './api/chain-handlers';
import { createLedgerHandlers } from './api/ledger-handlers';
import { createOfflineHandlers } from './api/offline-handlers';
import { createStakeFlowService, createStakeHandlers } from './api/stake-handlers';
import type { Handlers } from './api/handlers';
import { AccountActivityService } from './account-activity';
import { ChainHub } from './chain-hub';
import { EventBus } from './event-bus';
import { LedgerService, type LedgerTransportProvider } from './ledger';
import { SettingsService } from './settings-service';
import { createSettingsPersistence, StoreService, type StoreOpenReport } from './store';

export interface AppConfig {
  info: AppInfo;
  logger: Logger;
  /** Folder of the local store: Electron's userData, or a folder of the demo or a test. */
  dataDir: string;
  openExternal: ExternalOpener;
  /** USB HID in the desktop app; the emulated Ledger in the demo and the tests. */
  ledgerTransport: LedgerTransportProvider;
  /**
   * Settings applied once at start, before any handler runs. Demo and test only: the demo
   * points the app at its local chain this way.
   */
  initialSettings?: SettingsPatch;
}

/** The running services, shared by every domain's bridge handlers. */
export interface Services {
  info: AppInfo;
  logger: Logger;
  bus: EventBus;
  store: StoreService;
  storeReport: StoreOpenReport;
  settings: SettingsService;
  ledger: LedgerService;
  /** The ChainService of the cluster chosen in the settings. */
  chainHub: ChainHub;
  accountActivity: AccountActivityService;
  openExternal: ExternalOpener;
}

export interface ComposedApp {
  handlers: Handlers;
  services: Services;
  bus: EventBus;
  close(): Promise<void>;
}

/** Opens the store, starts the services and binds their bridge handlers; both hosts call this. */
export async function composeApp(config: AppConfig): Promise<ComposedApp> {
  const { logger } = config;
  const bus = new EventBus(logger.child({ subsystem: 'events' }));

  const store = new StoreService({
    directory: config.dataDir,
    logger: logger.child({ subsystem: 'store' }),
  });
  const storeReport = await store.open();
  const settings = new SettingsService(createSettingsPersistence(store.settings), bus);
  if (config.initialSettings !== undefined) {
    await settings.update(config.initialSettings);
  }

  const ledger = new LedgerService(config.ledgerTransport, logger.child({ subsystem: 'ledger' }));
  ledger.start();

  const chainHub = new ChainHub(settings, logger.child({ subsystem: 'chain' }));

  const services: Services = {
    info: config.info,
    logger,
    bus,
    store,
    storeReport,
    settings,
    ledger,
    chainHub,
    accountActivity: new AccountActivityService(chainHub),
    openExternal: config.openExternal,
  };

  const stakeFlows = createStakeFlowService(services);

  // Each domain binds its own slice of the contract; the Handlers type makes a missing
  // method a compile error here.
  const handlers: Handlers = {
    ...createAppHandlers(services),
    ...createLedgerHandlers(services),
    ...createChainHandlers(services),
    ...createOfflineHandlers(services),
    ...createStakeHandlers(stakeFlows),
  };

  return {
    handlers,
    services,
    bus,
    close: async () => {
      await stakeFlows.close();
      ledger.stop();
      await store.close();
    },
  };
}
