import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createSettingsPersistence, StoreService } from '../../../src/main/store';
import { defaultSettings } from '../../../src/shared/domain/settings';
import { createDataFolder, silentLogger } from './fixtures';

let folder: Awaited<ReturnType<typeof createDataFolder>>;

beforeEach(async () => {
  folder = await createDataFolder();
});

afterEach(async () => {
  await folder.remove();
});

describe('createSettingsPersistence', () => {
  it('saves the app settings into the store settings file', async () => {
    const store = new StoreService({ directory: folder.directory, logger: silentLogger });
    await store.open();
    const persistence = createSettingsPersistence(store.settings);

    expect(await persistence.load()).toEqual(defaultSettings);
    await persistence.save({ ...defaultSettings, theme: 'dark', cluster: 'devnet' });
    await store.close();

    const reopened = new StoreService({ directory: folder.directory, logger: silentLogger });
    await reopened.open();
    expect(reopened.settings.get().theme).toBe('dark');
    expect(reopened.settings.get().cluster).toBe('devnet');
    await reopened.close();
  });
});
