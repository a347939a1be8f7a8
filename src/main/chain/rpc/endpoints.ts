import type { ClusterConfig, ClusterId, Endpoint } from '../../../shared/domain/chain';
import { WalletError } from '../../../shared/errors';

/** Public endpoints of each cluster, in the order they are tried. */
export const defaultClusterUrls: Record<Exclude<ClusterId, 'custom'>, readonly string[]> = {
  'mainnet-beta': ['https://api.mainnet-beta.solana.com'],
  devnet: ['https://api.devnet.solana.com'],
  testnet: ['https://api.testnet.solana.com'],
  localnet: ['http://127.0.0.1:8899'],
};

/** Genesis hashes of the public clusters, used to tell which cluster an endpoint serves. */
export const knownGenesisHashes: Record<string, Exclude<ClusterId, 'custom' | 'localnet'>> = {
  '5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d': 'mainnet-beta',
  EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG: 'devnet',
  '4uhcVJyU9pJkvQyS88uRDiswHXSCkY3zQawwpjk2NsNY': 'testnet',
};

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks an RPC URL and marks plain HTTP to a host other than this machine as insecure,
 * because anyone on the path could then alter balances and transactions shown to the person.
 *
 * @throws WalletError RPC_ENDPOINT_INVALID for a URL that does not parse or is not http(s).
 */
export function parseEndpoint(url: string): Endpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WalletError(
      'RPC_ENDPOINT_INVALID',
      { url, reason: 'not a URL' },
      `RPC endpoint "${url}" is not a valid URL`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new WalletError(
      'RPC_ENDPOINT_INVALID',
      { url, reason: `unsupported scheme ${parsed.protocol}` },
      `RPC endpoint "${url}" must start with http:// or https://`,
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new WalletError(
      'RPC_ENDPOINT_INVALID',
      { url: redactEndpointUrl(url), reason: 'user name or password in the address' },
      `RPC endpoint "${redactEndpointUrl(url)}" carries a user name or password, which the app would show and log; use the key-in-path or query form of your provider`,
    );
  }
  const insecure = parsed.protocol === 'http:' && !loopbackHosts.has(parsed.hostname);
  return { url, insecure };
}

/**
 * Builds a cluster's endpoint list: the given URLs, or the cluster's defaults when none are
 * given. A custom cluster needs at least one URL.
 *
 * @throws WalletError RPC_ENDPOINT_INVALID for an invalid URL or a custom cluster without URLs.
 */
export function createClusterConfig(id: ClusterId, urls: readonly string[] = []): ClusterConfig {
  let chosen: readonly string[] = urls;
  if (chosen.length === 0 && id !== 'custom') {
    chosen = defaultClusterUrls[id];
  }
  if (chosen.length === 0) {
    throw new WalletError(
      'RPC_ENDPOINT_INVALID',
      { url: '', reason: 'a custom cluster needs at least one endpoint' },
      'Add at least one RPC endpoint URL for the custom cluster',
    );
  }
  return { id, endpoints: [...new Set(chosen)].map(parseEndpoint) };
}

/**
 * Shortens an endpoint URL for logs and error contexts to its scheme, host and port, because
 * providers put API keys in the path, the query or the user name.
 */
export function redactEndpointUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const hasMore = parsed.pathname !== '/' || parsed.search !== '' || parsed.username !== '';
    return hasMore ? `${parsed.origin}/…` : parsed.origin;
  } catch {
    return '(invalid URL)';
  }
}
