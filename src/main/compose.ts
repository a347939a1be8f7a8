import type { Logger } from 'pino';

import type { AppInfo } from '../shared/contract/app';
import { createAppHandlers, type ExternalOpener } from './api/app-handlers';
import type { Handlers } from './api/handlers';
import { EventBus } from './event-bus';
import { LedgerService, type LedgerTransportProvider } from './ledger';
import { SettingsService, type SettingsPersistence } from './settings-service';

export interface AppConfig {
  info: AppInfo;
  logger: Logger;
  settingsPersistence: SettingsPersistence;
  openExternal: ExternalOpener;
  /** USB HID in the desktop app; the emulated Ledger in the demo and the tests. */
  ledgerTransport: LedgerTransportProvider;
}

export interface ComposedApp {
  handlers: Handlers;
  bus: EventBus;
  ledger: LedgerService;
  close(): Promise<void>;
}

/** Builds the services and their bridge handlers; both hosts call this. */
export function composeApp(config: AppConfig): ComposedApp {
  const bus = new EventBus(config.logger.child({ subsystem: 'events' }));
  const settings = new SettingsService(config.settingsPersistence, bus);
  const ledger = new LedgerService(
    config.ledgerTransport,
    config.logger.child({ subsystem: 'ledger' }),
  );
  ledger.start();

  // Each domain binds its own slice of the contract; the Handlers type makes a missing
  // method a compile error here.
  const handlers: Handlers = {
    ...createAppHandlers({ info: config.info, settings, openExternal: config.openExternal }),
  };

  return {
    handlers,
    bus,
    ledger,
    close: () => {
      ledger.stop();
      return Promise.resolve();
    },
  };
}
