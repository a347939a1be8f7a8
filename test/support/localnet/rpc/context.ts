import type { LocalChainService } from '../chain/localChain';
import type { TransactionProcessor } from '../chain/transactionProcessor';
import type { ValidatorNetworkService } from '../network/validatorNetwork';
import type { JsonValue } from './json';

/** Version of the Agave runtime inside solana-bankrun 0.4, reported as the node version. */
export const SOLANA_CORE_VERSION = '1.18.0';

/** What every RPC method handler can reach. */
export interface RpcContext {
  chain: LocalChainService;
  network: ValidatorNetworkService;
  processor: TransactionProcessor;
}

export type RpcHandler = (params: unknown, context: RpcContext) => Promise<JsonValue> | JsonValue;

export type RpcMethodTable = Record<string, RpcHandler>;

/** Wraps `value` in the `{ context, value }` shape of Solana RPC responses. */
export function withContext(slot: bigint, value: JsonValue): JsonValue {
  return { context: { slot, apiVersion: SOLANA_CORE_VERSION }, value };
}
