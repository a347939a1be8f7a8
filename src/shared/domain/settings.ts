import { z } from 'zod';

import { clusterIdSchema } from './chain';

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const endpointUrlSchema = z.url({ protocol: /^https?$/ });

/** Returns true when `url` carries a user name or password, which the app would show and log. */
export function hasUrlCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

export const ENDPOINT_CREDENTIALS_MESSAGE =
  'An address with a user name or password is not accepted, because the app lists and logs endpoint addresses. Use the key-in-path or query form your provider documents.';

/** An endpoint a person enters: http(s), without credentials. */
export const newEndpointUrlSchema = endpointUrlSchema
  .max(2048)
  .refine((url) => !hasUrlCredentials(url), ENDPOINT_CREDENTIALS_MESSAGE);

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
