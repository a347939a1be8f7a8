import type { SettingsPersistence } from '../settings-service';
import type { StoredSettingsService } from './stored-settings-service';

/** Keeps the app's settings in the store's settings file. */
export function createSettingsPersistence(settings: StoredSettingsService): SettingsPersistence {
  return {
    load: () => Promise.resolve(settings.get()),
    save: async (next) => {
      await settings.update(next);
    },
  };
}
