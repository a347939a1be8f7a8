import { create } from 'zustand';

import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { call, subscribe } from '../bridge/wallet';
import { useErrors } from './errors';

interface SettingsState {
  settings: Settings | undefined;
  load: () => Promise<void>;
  update: (patch: SettingsPatch) => Promise<void>;
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: undefined,
  load: async () => {
    try {
      set({ settings: await call('getSettings', {}) });
    } catch (error) {
      useErrors.getState().show(error);
    }
  },
  update: async (patch) => {
    // Show the change at once so controls respond immediately; undo it if main refuses.
    const before = get().settings;
    if (before !== undefined) {
      set({ settings: { ...before, ...patch } });
    }
    try {
      set({ settings: await call('updateSettings', patch) });
    } catch (error) {
      set({ settings: before });
      useErrors.getState().show(error);
    }
  },
}));

export function followSettings(): () => void {
  return subscribe('settingsChanged', (settings) => useSettings.setState({ settings }));
}
