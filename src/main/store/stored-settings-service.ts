import {
  defaultStoredSettings,
  storedSettingsPatchSchema,
  storedSettingsSchema,
  storeFileVersions,
  type StoredSettings,
  type StoredSettingsPatch,
} from '../../shared/domain/store';
import { WalletError } from '../../shared/errors';
import { storeLayout } from './layout';
import { settingsMigrations } from './migrations';
import { toInvalidRecord, type StoreContext } from './store-context';
import { readDocument, writeDocument, type DocumentSpec } from './versioned-document';

const settingsSpec: DocumentSpec<StoredSettings> = {
  file: storeLayout.settings,
  version: storeFileVersions.settings,
  schema: storedSettingsSchema,
  migrations: settingsMigrations,
};

/** Cluster, endpoints, theme and the other choices the person made. */
export class StoredSettingsService {
  private settings: StoredSettings = defaultStoredSettings;
  private opened = false;

  constructor(private readonly context: StoreContext) {}

  async open(): Promise<void> {
    const read = await readDocument(this.context, settingsSpec);
    switch (read.status) {
      case 'ok':
        this.settings = read.value;
        break;
      case 'missing':
        this.settings = defaultStoredSettings;
        break;
      case 'setAside':
        this.settings = defaultStoredSettings;
        await writeDocument(this.context, settingsSpec, defaultStoredSettings);
        break;
    }
    this.opened = true;
  }

  get(): StoredSettings {
    this.assertOpen();
    return this.settings;
  }

  async update(patch: StoredSettingsPatch): Promise<StoredSettings> {
    this.assertOpen();
    const checked = storedSettingsPatchSchema.safeParse(patch);
    if (!checked.success) {
      throw toInvalidRecord(settingsSpec.file, checked.error);
    }

    return this.context.queue.run('document:settings', async () => {
      const next: StoredSettings = { ...this.settings, ...dropUndefined(checked.data) };
      await writeDocument(this.context, settingsSpec, next);
      this.settings = next;
      return next;
    });
  }

  private assertOpen(): void {
    if (!this.opened) {
      throw new WalletError('STORE_NOT_OPEN', {});
    }
  }
}

function dropUndefined(patch: StoredSettingsPatch): StoredSettingsPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}
