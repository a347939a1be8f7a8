import { z } from 'zod';

import { clusterIdSchema } from './chain';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const endpointUrlSchema = z.url({ protocol: /^https?$/ });

export const commitmentSchema = z.enum(['confirmed', 'finalized']);
export type Commitment = z.infer<typeof commitmentSchema>;

export const settingsSchema = z.strictObject({
  cluster: clusterIdSchema,
  /** RPC endpoints of each cluster, tried in order. */
  endpoints: z.record(clusterIdSchema, z.array(endpointUrlSchema).max(10)),
  theme: themeSchema,
  /** Commitment at which a sent transaction counts as landed. */
  commitment: commitmentSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = {
  cluster: 'mainnet-beta',
  endpoints: {
    'mainnet-beta': ['https://api.mainnet-beta.solana.com'],
    devnet: ['https://api.devnet.solana.com'],
    testnet: ['https://api.testnet.solana.com'],
    localnet: ['http://127.0.0.1:8899'],
    custom: [],
  },
  theme: 'system',
  commitment: 'confirmed',
};
