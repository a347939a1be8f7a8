import type { Commitment } from '@solana/web3.js';

import { chunk, mapWithConcurrency } from './mapWithConcurrency';
import type { RpcRequestOptions, RpcService } from './rpcService';
import { multipleAccountsSchema, programAccountsSchema, type RpcAccountInfo } from './rpcSchemas';

/** Agave's limit on addresses per getMultipleAccounts request. */
export const MAX_ACCOUNTS_PER_REQUEST = 100;

/** Requests in flight at once for one batched read. */
const READ_CONCURRENCY = 4;

export interface FetchedAccount {
  address: string;
  lamports: bigint;
  owner: string;
  data: Uint8Array;
}

export interface AccountBatch {
  /** Lowest context slot among the requests, so every account is at least this recent. */
  slot: number;
  endpoints: string[];
  /** null for an address without an account. */
  accounts: Map<string, FetchedAccount | null>;
}

export interface ReadOptions extends RpcRequestOptions {
  commitment?: Commitment;
}

/** Reads accounts by address with getMultipleAccounts, 100 addresses per request. */
export async function fetchMultipleAccounts(
  rpc: RpcService,
  addresses: readonly string[],
  options: ReadOptions = {},
): Promise<AccountBatch> {
  const unique = [...new Set(addresses)];
  const batches = await mapWithConcurrency(
    chunk(unique, MAX_ACCOUNTS_PER_REQUEST),
    READ_CONCURRENCY,
    async (addressChunk) => {
      const response = await rpc.request(
        'getMultipleAccounts',
        [addressChunk, { encoding: 'base64', commitment: options.commitment ?? 'confirmed' }],
        multipleAccountsSchema,
        options,
      );
      return { addresses: addressChunk, ...response };
    },
  );

  const accounts = new Map<string, FetchedAccount | null>();
  let slot = Number.MAX_SAFE_INTEGER;
  for (const batch of batches) {
    slot = Math.min(slot, batch.value.context.slot);
    batch.addresses.forEach((address, index) => {
      const info = batch.value.value[index];
      accounts.set(address, info ? toFetchedAccount(address, info) : null);
    });
  }

  return {
    slot: batches.length === 0 ? 0 : slot,
    endpoints: [...new Set(batches.map((batch) => batch.endpoint))],
    accounts,
  };
}

export type ProgramAccountFilter =
  { dataSize: number } | { memcmp: { offset: number; bytes: string } };

export interface ProgramAccountsResult {
  /** Context slot, or null from a server that does not report one. */
  slot: number | null;
  endpoint: string;
  accounts: FetchedAccount[];
}

/** Reads a program's accounts that match every filter, in one request. */
export async function fetchProgramAccounts(
  rpc: RpcService,
  programId: string,
  filters: readonly ProgramAccountFilter[],
  options: ReadOptions = {},
): Promise<ProgramAccountsResult> {
  const response = await rpc.request(
    'getProgramAccounts',
    [
      programId,
      {
        encoding: 'base64',
        commitment: options.commitment ?? 'confirmed',
        withContext: true,
        filters,
      },
    ],
    programAccountsSchema,
    options,
  );

  return {
    slot: response.value.context?.slot ?? null,
    endpoint: response.endpoint,
    accounts: response.value.value.map((keyed) => toFetchedAccount(keyed.pubkey, keyed.account)),
  };
}

function toFetchedAccount(address: string, info: RpcAccountInfo): FetchedAccount {
  return {
    address,
    lamports: info.lamports,
    owner: info.owner,
    data: Buffer.from(info.data[0], 'base64'),
  };
}
