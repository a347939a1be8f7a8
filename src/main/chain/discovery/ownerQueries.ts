import { WalletError, isWalletError, type WalletErrorData } from '../../../shared/errors';
import { redactEndpointUrl } from '../rpc/endpoints';
import {
  fetchProgramAccounts,
  type ProgramAccountsResult,
  type ReadOptions,
} from '../rpc/accountReads';
import { mapWithConcurrency } from '../rpc/mapWithConcurrency';
import type { RpcService } from '../rpc/rpcService';
import {
  STAKE_ACCOUNT_DATA_LENGTH,
  STAKE_PROGRAM_ID,
  STAKER_OFFSET,
  WITHDRAWER_OFFSET,
} from '../programIds';

export type AuthorityRole = 'staker' | 'withdrawer';

export interface OwnerQuery {
  key: string;
  role: AuthorityRole;
}

export type OwnerQueryOutcome =
  | { query: OwnerQuery; ok: true; result: ProgramAccountsResult }
  | { query: OwnerQuery; ok: false; error: WalletError };

/** getProgramAccounts requests in flight at once during discovery. */
const QUERY_CONCURRENCY = 4;

/** Lists one query per key and role, because a key may be only the staker or the withdrawer. */
export function listOwnerQueries(keys: readonly string[]): OwnerQuery[] {
  return [...new Set(keys)].flatMap((key) => [
    { key, role: 'staker' as const },
    { key, role: 'withdrawer' as const },
  ]);
}

/** Runs each query; a failed query is returned as an outcome rather than thrown. */
export async function runOwnerQueries(
  rpc: RpcService,
  queries: readonly OwnerQuery[],
  options: ReadOptions,
): Promise<OwnerQueryOutcome[]> {
  return mapWithConcurrency(queries, QUERY_CONCURRENCY, (query) =>
    runOwnerQuery(rpc, query, options),
  );
}

export async function runOwnerQuery(
  rpc: RpcService,
  query: OwnerQuery,
  options: ReadOptions,
): Promise<OwnerQueryOutcome> {
  const offset = query.role === 'staker' ? STAKER_OFFSET : WITHDRAWER_OFFSET;
  try {
    const result = await fetchProgramAccounts(
      rpc,
      STAKE_PROGRAM_ID.toBase58(),
      [{ dataSize: STAKE_ACCOUNT_DATA_LENGTH }, { memcmp: { offset, bytes: query.key } }],
      options,
    );
    return { query, ok: true, result };
  } catch (error) {
    if (isWalletError(error) && error.code !== 'CANCELLED') {
      return { query, ok: false, error };
    }
    throw error;
  }
}

/**
 * Repeats a query that returned an empty list on each other endpoint in turn, and returns the
 * first non-empty result with a lagging-endpoint warning. Returns null when every other
 * endpoint also returns an empty list or fails.
 */
export async function crossCheckEmptyAnswer(
  rpc: RpcService,
  emptyOutcome: Extract<OwnerQueryOutcome, { ok: true }>,
  options: ReadOptions,
): Promise<{ outcome: OwnerQueryOutcome; warning: WalletErrorData } | null> {
  const answered = emptyOutcome.result.endpoint;
  const others = rpc.endpointUrls.filter((url) => url !== answered);

  for (const endpoint of others) {
    const outcome = await runOwnerQuery(rpc, emptyOutcome.query, { ...options, endpoint });
    if (outcome.ok && outcome.result.accounts.length > 0) {
      const warning = new WalletError('RPC_ENDPOINT_LAGGING', {
        endpoint: redactEndpointUrl(answered),
        slot: emptyOutcome.result.slot,
        referenceEndpoint: redactEndpointUrl(endpoint),
        referenceSlot: outcome.result.slot,
      }).toData();
      return { outcome, warning };
    }
  }
  return null;
}
