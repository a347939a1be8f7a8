import type { Logger } from 'pino';

import type { EndpointTestResult } from '../../../shared/domain/chain';
import { knownGenesisHashes, parseEndpoint } from './endpoints';
import { RpcService } from './rpcService';
import { genesisHashSchema, slotResultSchema, versionSchema } from './rpcSchemas';

export interface EndpointTestOptions {
  logger: Logger;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * Checks that `url` serves Solana JSON-RPC: one attempt each of getVersion (timed for the
 * latency), getGenesisHash (to name the cluster) and getSlot, without retries, so a slow or
 * broken endpoint shows as such.
 *
 * @throws WalletError RPC_ENDPOINT_INVALID for a bad URL, RPC_UNAVAILABLE or
 *   RPC_INVALID_RESPONSE when the endpoint fails or returns something else.
 */
export async function testEndpoint(
  url: string,
  options: EndpointTestOptions,
): Promise<EndpointTestResult> {
  const endpoint = parseEndpoint(url);
  const rpc = new RpcService({
    endpoints: [endpoint],
    logger: options.logger,
    fetch: options.fetch,
    policy: { attemptsPerEndpoint: 1, requestTimeoutMs: options.timeoutMs ?? 5_000 },
  });

  const started = performance.now();
  const version = await rpc.request('getVersion', [], versionSchema);
  const latencyMs = Math.round(performance.now() - started);
  const genesisHash = await rpc.request('getGenesisHash', [], genesisHashSchema);
  const slot = await rpc.request('getSlot', [{ commitment: 'confirmed' }], slotResultSchema);

  return {
    url,
    insecure: endpoint.insecure,
    latencyMs,
    version: version.value['solana-core'],
    genesisHash: genesisHash.value,
    knownCluster: knownGenesisHashes[genesisHash.value] ?? null,
    slot: slot.value,
  };
}
