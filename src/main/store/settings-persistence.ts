import { settingsSchema, type Settings } from '../../shared/domain/settings';
import { storedSettingsSchema, type StoredSettingsPatch } from '../../shared/domain/store';
import type { SettingsPersistence } from '../settings-service';
import type { StoredSettingsService } from './stored-settings-service';

/**
 * Adapts the store's settings file to the app's SettingsService. Fields of the app's
 * settings that the store does not know are dropped with a warning instead of failing.
 */
export function createSettingsPersistence(
  settings: StoredSettingsService,
  warn: (message: string, fields: string[]) => void,
): SettingsPersistence {
  return {
    load: () => Promise.resolve(settingsSchema.parse(settings.get())),
    save: async (next: Settings) => {
      const known = Object.keys(storedSettingsSchema.shape);
      const unknown = Object.keys(next).filter((field) => !known.includes(field));
      if (unknown.length > 0) {
        warn('settings fields the store has no place for were not saved', unknown);
      }
      const patch = Object.fromEntries(
        Object.entries(next).filter(([field]) => known.includes(field)),
      ) as StoredSettingsPatch;
      await settings.update(patch);
    },
  };
}
