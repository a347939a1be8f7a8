import { defaultSettings, type Settings, type SettingsPatch } from '../shared/domain/settings';
import type { EventBus } from './event-bus';

/** Storage of the settings between runs; the store provides the durable one. */
export interface SettingsPersistence {
  load(): Promise<Settings | undefined>;
  save(settings: Settings): Promise<void>;
}

export class SettingsService {
  private current: Settings | undefined;

  constructor(
    private readonly persistence: SettingsPersistence,
    private readonly bus: EventBus,
  ) {}

  async get(): Promise<Settings> {
    this.current ??= { ...defaultSettings, ...(await this.persistence.load()) };
    return this.current;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next: Settings = { ...(await this.get()), ...patch };
    await this.persistence.save(next);
    this.current = next;
    this.bus.emit('settingsChanged', next);
    return next;
  }
}
