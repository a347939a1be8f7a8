import type { Logger } from 'pino';

import type { AppInfo } from '../shared/contract/app';
import { createHandlers, type ExternalOpener } from './api/create-handlers';
import type { Handlers } from './api/handlers';
import { EventBus } from './event-bus';
import { SettingsService, type SettingsPersistence } from './settings-service';

export interface AppConfig {
  info: AppInfo;
  logger: Logger;
  settingsPersistence: SettingsPersistence;
  openExternal: ExternalOpener;
}

export interface ComposedApp {
  handlers: Handlers;
  bus: EventBus;
  close(): Promise<void>;
}

/** Builds the services and their bridge handlers; both hosts call this. */
export function composeApp(config: AppConfig): ComposedApp {
  const bus = new EventBus(config.logger.child({ subsystem: 'events' }));
  const settings = new SettingsService(config.settingsPersistence, bus);

  const handlers = createHandlers({
    info: config.info,
    settings,
    openExternal: config.openExternal,
  });

  return {
    handlers,
    bus,
    close: () => Promise.resolve(),
  };
}
