import { z } from 'zod';

import { defineEvent, defineMethod, noInput } from './define';
import { settingsSchema, settingsPatchSchema } from '../domain/settings';

export const appInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  /** True when the app runs against the emulated Ledger and the local chain. */
  demo: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appMethods = {
  getAppInfo: defineMethod({
    summary: 'Describe the running app: version, host kind and demo mode.',
    input: noInput,
    output: appInfoSchema,
  }),
  getSettings: defineMethod({
    summary: 'Read the current settings.',
    input: noInput,
    output: settingsSchema,
  }),
  updateSettings: defineMethod({
    summary: 'Change some settings and return all of them.',
    input: settingsPatchSchema,
    output: settingsSchema,
  }),
  openExternal: defineMethod({
    summary:
      'Open a block-explorer page in the system browser; only hosts on the allowlist are accepted.',
    input: z.object({ url: z.string().url().max(2048) }).strict(),
    output: z.object({
      /** False where the host cannot open a browser itself and the page must open the link. */
      opened: z.boolean(),
      url: z.string(),
    }),
  }),
};

export const appEvents = {
  settingsChanged: defineEvent({
    summary: 'Settings changed, from this window or another.',
    payload: settingsSchema,
  }),
};
