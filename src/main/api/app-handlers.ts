import { WalletError } from '../../shared/errors';
import type { AppInfo, appMethods } from '../../shared/contract/app';
import { isAllowedExternalUrl } from '../external-links';
import type { SettingsService } from '../settings-service';
import type { HandlersOf } from './handlers';

type AppHandlers = HandlersOf<typeof appMethods>;

/** Opens an allowlisted URL; returns false where the host has no way to open one. */
export type ExternalOpener = (url: string) => Promise<boolean>;

export interface AppHandlerServices {
  info: AppInfo;
  settings: SettingsService;
  openExternal: ExternalOpener;
}

export function createAppHandlers(services: AppHandlerServices): AppHandlers {
  return {
    getAppInfo: () => Promise.resolve(services.info),
    getSettings: () => services.settings.get(),
    updateSettings: (patch) => services.settings.update(patch),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new WalletError('EXTERNAL_URL_NOT_ALLOWED', { url });
      }
      // The URL passed the explorer allowlist just above.
      return { opened: await services.openExternal(url), url }; // eng-disable OPEN_EXTERNAL_JS_CHECK
    },
  };
}
