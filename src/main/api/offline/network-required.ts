import type { ClusterId } from '../../../shared/domain/chain';
import { isWalletError, WalletError } from '../../../shared/errors';

/**
 * Turns "no endpoint answered" into NETWORK_REQUIRED naming the action that needs the
 * network. Other errors pass through unchanged.
 */
export function requireNetwork(error: unknown, action: string, cluster: ClusterId): unknown {
  if (isWalletError(error) && error.code === 'RPC_UNAVAILABLE') {
    return new WalletError(
      'NETWORK_REQUIRED',
      { action, cluster, cause: error.code },
      `${action} needs the ${cluster} cluster, which did not answer`,
      { cause: error },
    );
  }
  return error;
}

/** True when the error means no endpoint of the cluster could be reached. */
export function isNetworkUnavailable(error: unknown): boolean {
  return (
    isWalletError(error) && (error.code === 'RPC_UNAVAILABLE' || error.code === 'NETWORK_REQUIRED')
  );
}
