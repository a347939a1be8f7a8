import { z } from 'zod';

import { clusterIdSchema } from '../../shared/domain/chain';
import {
  defaultStoredSettings,
  endpointUrlSchema,
  type AccountsDocument,
  type StoredSettings,
} from '../../shared/domain/store';
import type { Migration } from './versioned-document';

/**
 * Version 1 kept the data at the top level of the file. Accounts used `address`, a path
 * with an `m/` prefix and an optional `label`. Settings held one `rpcUrl` for the selected
 * cluster and a `darkMode` flag where null meant "follow the system".
 */
const accountsVersion1Schema = z.object({
  schemaVersion: z.literal(1),
  accounts: z.array(
    z.object({
      address: z.string(),
      path: z.string(),
      label: z.string().nullable().optional(),
    }),
  ),
});

const settingsVersion1Schema = z.object({
  schemaVersion: z.literal(1),
  cluster: clusterIdSchema.exclude(['custom']),
  rpcUrl: endpointUrlSchema,
  darkMode: z.boolean().nullable(),
});

export const accountsMigrations: readonly Migration[] = [
  {
    from: 1,
    migrate(file) {
      const old = accountsVersion1Schema.parse(file);
      const data: AccountsDocument = {
        accounts: old.accounts.map((account) => ({
          publicKey: account.address,
          derivationPath: account.path.replace(/^m\//, ''),
          name: (account.label ?? '').trim().slice(0, 64),
        })),
      };
      return { schemaVersion: 2, data };
    },
  },
];

export const settingsMigrations: readonly Migration[] = [
  {
    from: 1,
    migrate(file) {
      const old = settingsVersion1Schema.parse(file);
      const defaults = defaultStoredSettings.endpoints[old.cluster];
      // The person's own endpoint goes first, so it stays the one the app tries first.
      const endpoints = [old.rpcUrl, ...defaults.filter((url) => url !== old.rpcUrl)];
      const data: StoredSettings = {
        ...defaultStoredSettings,
        cluster: old.cluster,
        endpoints: { ...defaultStoredSettings.endpoints, [old.cluster]: endpoints },
        theme: old.darkMode === null ? 'system' : old.darkMode ? 'dark' : 'light',
      };
      return { schemaVersion: 2, data };
    },
  },
];
