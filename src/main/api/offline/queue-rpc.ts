import { z } from 'zod';

import type { ClusterId } from '../../../shared/domain/chain';
import { isWalletError, WalletError } from '../../../shared/errors';
import { fetchMultipleAccounts, type FetchedAccount, type RpcService } from '../../chain';
import { u64Schema } from '../../chain/rpc/rpcSchemas';

const COMMITMENT = 'confirmed';

const contextSchema = z.object({ slot: z.number().int().nonnegative() });
const latestBlockhashSchema = z.object({
  context: contextSchema,
  value: z.object({
    blockhash: z.string(),
    lastValidBlockHeight: z.number().int().nonnegative(),
  }),
});
const signatureStatusesSchema = z.object({
  context: contextSchema,
  value: z.array(
    z
      .object({
        slot: z.number().int().nonnegative(),
        err: z.unknown(),
        confirmationStatus: z.enum(['processed', 'confirmed', 'finalized']).nullable().optional(),
      })
      .nullable(),
  ),
});

export interface LandedStatus {
  slot: number;
  /** The runtime's error as JSON when the transaction landed but failed; null on success. */
  err: unknown;
  confirmationStatus: 'processed' | 'confirmed' | 'finalized' | null;
}

/**
 * The JSON-RPC calls of the offline features, through the chain layer's RpcService so they
 * share its retries, failover and request count.
 */
export class QueueRpc {
  constructor(private readonly rpc: RpcService) {}

  async latestBlockhash(
    signal?: AbortSignal,
  ): Promise<{ blockhash: string; lastValidBlockHeight: number }> {
    const response = await this.rpc.request(
      'getLatestBlockhash',
      [{ commitment: COMMITMENT }],
      latestBlockhashSchema,
      { signal },
    );
    return response.value.value;
  }

  async blockHeight(signal?: AbortSignal): Promise<number> {
    const response = await this.rpc.request(
      'getBlockHeight',
      [{ commitment: COMMITMENT }],
      z.number().int().nonnegative(),
      { signal },
    );
    return response.value;
  }

  async minimumBalanceForRentExemption(space: bigint, signal?: AbortSignal): Promise<bigint> {
    const response = await this.rpc.request(
      'getMinimumBalanceForRentExemption',
      [Number(space), { commitment: COMMITMENT }],
      u64Schema,
      { signal },
    );
    return response.value;
  }

  async accounts(
    addresses: readonly string[],
    signal?: AbortSignal,
  ): Promise<{ slot: number; accounts: Map<string, FetchedAccount | null> }> {
    const batch = await fetchMultipleAccounts(this.rpc, addresses, { signal });
    return { slot: batch.slot, accounts: batch.accounts };
  }

  /**
   * Returns where a signature landed, searching the node's whole history so that a
   * transaction whose blockhash expired long ago is still found; null when it never landed.
   */
  async signatureStatus(signature: string, signal?: AbortSignal): Promise<LandedStatus | null> {
    const response = await this.rpc.request(
      'getSignatureStatuses',
      [[signature], { searchTransactionHistory: true }],
      signatureStatusesSchema,
      { signal },
    );
    const status = response.value.value[0] ?? null;
    if (status === null) {
      return null;
    }
    return {
      slot: status.slot,
      err: status.err ?? null,
      confirmationStatus: status.confirmationStatus ?? null,
    };
  }

  /**
   * Broadcasts a signed transaction with preflight. Re-sending the same bytes is safe: the
   * cluster processes one signature at most once.
   *
   * @throws WalletError RPC_METHOD_ERROR when the node rejects it, with the node's message.
   */
  async sendTransaction(transactionBase64: string, signal?: AbortSignal): Promise<string> {
    const response = await this.rpc.request(
      'sendTransaction',
      [transactionBase64, { encoding: 'base64', preflightCommitment: COMMITMENT }],
      z.string(),
      { signal },
    );
    return response.value;
  }
}

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
