import { z } from 'zod';

import { fetchMultipleAccounts, type FetchedAccount, type RpcService } from '../chain';
import { u64Schema, voteAccountsSchema } from '../chain/rpc/rpcSchemas';

/** Commitment of every read: recent enough, and not rolled back in practice. */
const COMMITMENT = 'confirmed';

const contextSchema = z.object({ slot: z.number().int().nonnegative() });

const latestBlockhashSchema = z.object({
  context: contextSchema,
  value: z.object({
    blockhash: z.string(),
    lastValidBlockHeight: z.number().int().nonnegative(),
  }),
});
const balanceSchema = z.object({ context: contextSchema, value: u64Schema });
const epochInfoSchema = z.object({ epoch: z.number().int().nonnegative() });
const feeForMessageSchema = z.object({ context: contextSchema, value: u64Schema.nullable() });
const minimumDelegationSchema = z.object({ context: contextSchema, value: u64Schema });

const simulationSchema = z.object({
  context: contextSchema,
  value: z.object({
    err: z.unknown(),
    logs: z.array(z.string()).nullable().optional(),
    unitsConsumed: z.number().int().nonnegative().nullable().optional(),
  }),
});

const signatureStatusSchema = z.object({
  slot: z.number().int().nonnegative(),
  err: z.unknown(),
  confirmationStatus: z.enum(['processed', 'confirmed', 'finalized']).nullable().optional(),
});
const signatureStatusesSchema = z.object({
  context: contextSchema,
  value: z.array(signatureStatusSchema.nullable()),
});

const sendResponseSchema = z.union([
  z.object({ result: z.string() }),
  z.object({
    error: z.object({
      code: z.number().int(),
      message: z.string(),
      data: z
        .object({
          err: z.unknown().optional(),
          logs: z.array(z.string()).nullable().optional(),
        })
        .nullable()
        .optional(),
    }),
  }),
]);

export interface LatestBlockhash {
  blockhash: string;
  lastValidBlockHeight: number;
}

export interface SimulationResult {
  /** The runtime's error, as JSON; null when the simulation succeeded. */
  err: unknown;
  logs: string[] | null;
  unitsConsumed: number | null;
}

export interface SignatureStatus {
  slot: number;
  /** The runtime's error when the transaction landed but failed; null when it succeeded. */
  err: unknown;
  confirmationStatus: 'processed' | 'confirmed' | 'finalized' | null;
}

export type SendResult =
  | { ok: true; signature: string }
  | { ok: false; rpcCode: number; message: string; err: unknown; logs: string[] | null };

export type VoteAccounts = z.infer<typeof voteAccountsSchema>;

/**
 * The JSON-RPC calls that build, simulate, send and follow transactions, for the stake flows
 * and the send-later queue alike. They go through the chain layer's RpcService, so they share
 * its retries, failover and request count. u64 values come back as bigint.
 */
export class TransactionRpc {
  constructor(private readonly rpc: RpcService) {}

  /** URL of the endpoint the next request goes to first. */
  get endpoint(): string {
    return this.rpc.preferredEndpoint;
  }

  async latestBlockhash(signal?: AbortSignal): Promise<LatestBlockhash> {
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

  async epoch(signal?: AbortSignal): Promise<number> {
    const response = await this.rpc.request(
      'getEpochInfo',
      [{ commitment: COMMITMENT }],
      epochInfoSchema,
      { signal },
    );
    return response.value.epoch;
  }

  async balance(address: string, signal?: AbortSignal): Promise<bigint> {
    const response = await this.rpc.request(
      'getBalance',
      [address, { commitment: COMMITMENT }],
      balanceSchema,
      { signal },
    );
    return response.value.value;
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

  /** Reads the cluster's minimum delegation at run time, because a feature gate sets it. */
  async stakeMinimumDelegation(signal?: AbortSignal): Promise<bigint> {
    const response = await this.rpc.request(
      'getStakeMinimumDelegation',
      [{ commitment: COMMITMENT }],
      minimumDelegationSchema,
      { signal },
    );
    return response.value.value;
  }

  /** Returns the fee the cluster charges for the message, or null when its blockhash is unknown. */
  async feeForMessage(message: Uint8Array, signal?: AbortSignal): Promise<bigint | null> {
    const response = await this.rpc.request(
      'getFeeForMessage',
      [Buffer.from(message).toString('base64'), { commitment: COMMITMENT }],
      feeForMessageSchema,
      { signal },
    );
    return response.value.value;
  }

  /** Reads several accounts at one slot; an address with no account maps to null. */
  async accounts(
    addresses: readonly string[],
    signal?: AbortSignal,
  ): Promise<{ slot: number; accounts: Map<string, FetchedAccount | null> }> {
    const batch = await fetchMultipleAccounts(this.rpc, addresses, { signal });
    return { slot: batch.slot, accounts: batch.accounts };
  }

  async voteAccounts(signal?: AbortSignal): Promise<VoteAccounts> {
    const response = await this.rpc.request(
      'getVoteAccounts',
      [{ commitment: COMMITMENT }],
      voteAccountsSchema,
      { signal },
    );
    return response.value;
  }

  /**
   * Simulates an unsigned transaction: empty signature slots and sigVerify off, so the device
   * is not asked before the runtime has run the message.
   */
  async simulate(
    message: Uint8Array,
    signatureCount: number,
    signal?: AbortSignal,
  ): Promise<SimulationResult> {
    const transaction = encodeTransaction(
      message,
      Array.from({ length: signatureCount }, () => null),
    );
    const response = await this.rpc.request(
      'simulateTransaction',
      [
        Buffer.from(transaction).toString('base64'),
        {
          encoding: 'base64',
          sigVerify: false,
          replaceRecentBlockhash: false,
          commitment: COMMITMENT,
        },
      ],
      simulationSchema,
      { signal },
    );
    const { value } = response.value;
    return {
      err: value.err ?? null,
      logs: value.logs ?? null,
      unitsConsumed: value.unitsConsumed ?? null,
    };
  }

  /**
   * Sends a signed transaction with preflight. A rejection by the node (a failed preflight,
   * an unknown blockhash) is returned with the runtime's error instead of thrown, because
   * the caller decides from it whether the transaction expired. Network failures throw.
   * Sending the same bytes again is safe, because the runtime rejects a second transaction
   * with a signature it already processed (AlreadyProcessed).
   */
  async send(transaction: Uint8Array, signal?: AbortSignal): Promise<SendResult> {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'sendTransaction',
      params: [
        Buffer.from(transaction).toString('base64'),
        { encoding: 'base64', preflightCommitment: COMMITMENT, skipPreflight: false },
      ],
    });
    const text = await this.rpc.sendRaw(body, { signal });
    const parsed = sendResponseSchema.parse(JSON.parse(text));

    if ('result' in parsed) {
      return { ok: true, signature: parsed.result };
    }
    return {
      ok: false,
      rpcCode: parsed.error.code,
      message: parsed.error.message,
      err: parsed.error.data?.err ?? null,
      logs: parsed.error.data?.logs ?? null,
    };
  }

  /**
   * Reads one signature's status. With `searchHistory` the node also looks beyond its recent
   * status cache, which is what tells an expired transaction from one that landed long ago.
   */
  async signatureStatus(
    signature: string,
    searchHistory: boolean,
    signal?: AbortSignal,
  ): Promise<SignatureStatus | null> {
    const response = await this.rpc.request(
      'getSignatureStatuses',
      [[signature], { searchTransactionHistory: searchHistory }],
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
}

/**
 * Serializes a transaction: the shortvec count of signatures, each 64 bytes (zeros for a
 * missing one), then the message.
 */
export function encodeTransaction(
  message: Uint8Array,
  signatures: ReadonlyArray<Uint8Array | null>,
): Uint8Array {
  const count = encodeShortVec(signatures.length);
  const bytes = new Uint8Array(count.length + signatures.length * 64 + message.length);
  bytes.set(count, 0);
  signatures.forEach((signature, index) => {
    if (signature !== null) {
      bytes.set(signature, count.length + index * 64);
    }
  });
  bytes.set(message, count.length + signatures.length * 64);
  return bytes;
}

function encodeShortVec(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    if (rest === 0) {
      bytes.push(low);
      return Uint8Array.from(bytes);
    }
    bytes.push(low | 0x80);
  }
}
