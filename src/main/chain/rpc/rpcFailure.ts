import { isWalletError, type WalletError } from '../../../shared/errors';

/** The errors one HTTP attempt can end with. */
export type RpcAttemptError =
  | WalletError<'RPC_RATE_LIMITED'>
  | WalletError<'RPC_TIMEOUT'>
  | WalletError<'RPC_HTTP_ERROR'>
  | WalletError<'RPC_NETWORK_ERROR'>
  | WalletError<'RPC_INVALID_RESPONSE'>
  | WalletError<'RPC_METHOD_ERROR'>;

/**
 * What to do after a failed attempt. retry: the same endpoint again after a delay. failover:
 * the next endpoint now. final: stop, because another endpoint would return the same error.
 */
export type FailureAction = 'retry' | 'failover' | 'final';

/**
 * JSON-RPC error codes after which another endpoint may succeed: method not found (an endpoint
 * with a reduced method set), internal error, and -32005 "node is unhealthy" or behind.
 */
const failoverRpcCodes = new Set([-32601, -32603, -32005]);

export function classifyFailure(error: RpcAttemptError): FailureAction {
  switch (error.code) {
    case 'RPC_RATE_LIMITED':
    case 'RPC_TIMEOUT':
    case 'RPC_NETWORK_ERROR':
    case 'RPC_INVALID_RESPONSE':
      return 'retry';
    case 'RPC_HTTP_ERROR': {
      const { status } = error.context;
      return status >= 500 || status === 408 ? 'retry' : 'failover';
    }
    case 'RPC_METHOD_ERROR': {
      const { rpcCode } = error.context;
      return failoverRpcCodes.has(rpcCode) ? 'failover' : 'final';
    }
  }
}

const attemptCodes = new Set([
  'RPC_RATE_LIMITED',
  'RPC_TIMEOUT',
  'RPC_HTTP_ERROR',
  'RPC_NETWORK_ERROR',
  'RPC_INVALID_RESPONSE',
  'RPC_METHOD_ERROR',
]);

export function isRpcAttemptError(error: unknown): error is RpcAttemptError {
  return isWalletError(error) && attemptCodes.has(error.code);
}
