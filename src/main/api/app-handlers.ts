import { WalletError } from '../../shared/errors';
import type { appMethods } from '../../shared/contract/app';
import { isAllowedExternalUrl } from '../external-links';
import type { Services } from '../compose';
import type { HandlersOf } from './handlers';

type AppHandlers = HandlersOf<typeof appMethods>;

/** Opens an allowlisted URL; returns false where the host has no way to open one. */
export type ExternalOpener = (url: string) => Promise<boolean>;

export function createAppHandlers(
  services: Pick<Services, 'info' | 'settings' | 'openExternal'>,
): AppHandlers {
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
