import type { Logger } from 'pino';

import type {
  ClusterEndpoints,
  EndpointCheck,
  EndpointWarning,
} from '../../../shared/contract/chain';
import type { ClusterId, EndpointTestResult } from '../../../shared/domain/chain';
import { WalletError } from '../../../shared/errors';
import { createClusterConfig, defaultClusterUrls, parseEndpoint, testEndpoint } from '../../chain';
import type { SettingsService } from '../../settings-service';

type Settings = Pick<SettingsService, 'get' | 'update'>;

/** Time-out of an endpoint test, short because a person is waiting for the result. */
const ENDPOINT_TEST_TIMEOUT_MS = 5_000;

/**
 * Makes `cluster` the current one.
 *
 * @throws WalletError RPC_ENDPOINT_INVALID for a custom cluster without endpoints.
 */
export async function chooseCluster(settings: Settings, cluster: ClusterId): Promise<void> {
  const current = await settings.get();
  createClusterConfig(cluster, current.endpoints[cluster]);
  if (current.cluster !== cluster) {
    await settings.update({ cluster });
  }
}

/**
 * Replaces the endpoints of `cluster`, in the order they are tried. An empty list brings
 * back the built-in endpoints, except for the custom cluster, which has none.
 *
 * @throws WalletError RPC_ENDPOINT_INVALID for a URL that is not http(s), or for emptying
 *   the custom cluster's list while it is the current cluster.
 */
export async function replaceEndpoints(
  settings: Settings,
  cluster: ClusterId,
  urls: readonly string[],
): Promise<ClusterEndpoints> {
  urls.forEach(parseEndpoint);
  const current = await settings.get();
  if (cluster === 'custom' && urls.length === 0 && current.cluster === 'custom') {
    throw new WalletError(
      'RPC_ENDPOINT_INVALID',
      { url: '', reason: 'the current custom cluster needs at least one endpoint' },
      'The custom cluster is in use, so keep at least one endpoint or choose another cluster first',
    );
  }

  await settings.update({ endpoints: { ...current.endpoints, [cluster]: [...urls] } });
  return describeClusterEndpoints(cluster, urls);
}

export function describeClusterEndpoints(
  cluster: ClusterId,
  urls: readonly string[],
): ClusterEndpoints {
  return {
    cluster,
    endpoints:
      cluster === 'custom' && urls.length === 0 ? [] : createClusterConfig(cluster, urls).endpoints,
    defaultEndpoints: usesBuiltInEndpoints(cluster, urls),
  };
}

/** Tells whether `urls` are the app's built-in endpoints of `cluster`, or empty so they apply. */
export function usesBuiltInEndpoints(cluster: ClusterId, urls: readonly string[]): boolean {
  if (cluster === 'custom') {
    return false;
  }
  const builtIn = defaultClusterUrls[cluster];
  return (
    urls.length === 0 ||
    (urls.length === builtIn.length && urls.every((url, index) => url === builtIn[index]))
  );
}

/**
 * Tests `url` as an endpoint of `cluster` and adds warnings: plain HTTP to another machine,
 * or a genesis hash of another public cluster.
 *
 * @throws WalletError RPC_UNAVAILABLE or another RPC error when the URL does not serve
 *   Solana JSON-RPC in time.
 */
export async function checkEndpoint(
  url: string,
  cluster: ClusterId,
  logger: Logger,
): Promise<EndpointCheck> {
  const result = await testEndpoint(url, { logger, timeoutMs: ENDPOINT_TEST_TIMEOUT_MS });
  return { ...result, warnings: listEndpointWarnings(result, cluster) };
}

/** Lists what the person should know about an endpoint tested for `cluster`. */
export function listEndpointWarnings(
  result: Pick<EndpointTestResult, 'insecure' | 'knownCluster'>,
  cluster: ClusterId,
): EndpointWarning[] {
  const warnings: EndpointWarning[] = [];
  if (result.insecure) {
    warnings.push({ kind: 'insecure-http' });
  }
  // A custom cluster may be any chain; the others must not serve a different public cluster.
  if (result.knownCluster !== null && cluster !== 'custom' && result.knownCluster !== cluster) {
    warnings.push({ kind: 'other-cluster', expected: cluster, actual: result.knownCluster });
  }
  return warnings;
}
