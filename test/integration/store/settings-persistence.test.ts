import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createSettingsPersistence, StoreService } from '../../../src/main/store';
import type { Settings } from '../../../src/shared/domain/settings';
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
    const warnings: string[][] = [];
    const persistence = createSettingsPersistence(store.settings, (_, fields) =>
      warnings.push(fields),
    );

    expect(await persistence.load()).toMatchObject({ theme: 'system' });
    await persistence.save({ theme: 'dark' });
    await store.close();

    const reopened = new StoreService({ directory: folder.directory, logger: silentLogger });
    await reopened.open();
    expect(reopened.settings.get().theme).toBe('dark');
    expect(warnings).toEqual([]);
  });

  it('warns about fields the store has no place for', async () => {
    const store = new StoreService({ directory: folder.directory, logger: silentLogger });
    await store.open();
    const warnings: string[][] = [];
    const persistence = createSettingsPersistence(store.settings, (_, fields) =>
      warnings.push(fields),
    );

    const extended = { theme: 'light', fontSize: 14 } as Settings;
    await persistence.save(extended);
    expect(warnings).toEqual([['fontSize']]);
    expect(store.settings.get().theme).toBe('light');
  });
});
