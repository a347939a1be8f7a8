import type { Logger } from 'pino';
import { z } from 'zod';

import type { ChainCheck } from '../../../shared/contract/ledger';
import type { ClusterId } from '../../../shared/domain/chain';
import type { ReviewModel } from '../../../shared/domain/stake';
import { isWalletError, WalletError } from '../../../shared/errors';
import { fetchMultipleAccounts, type RpcService } from '../../chain';
import { describeSimulationError } from '../../stake';
import { decodeNonceAccount } from '../offline/nonce-account';
import { encodeTransaction } from '../transaction-rpc';

/** Commitment of every read, the same as the stake flows use. */
const COMMITMENT = 'confirmed';

/**
 * Time the whole check may take before the review goes on without it. A cluster that does not
 * respond in this time is treated like no cluster, so a review waits at most this long.
 */
export const CHAIN_CHECK_TIMEOUT_MS = 15_000;

const contextSchema = z.object({ slot: z.number().int().nonnegative() });
const validitySchema = z.object({ context: contextSchema, value: z.boolean() });
const simulationSchema = z.object({
  context: contextSchema,
  value: z.object({
    err: z.unknown(),
    logs: z.array(z.string()).nullable().optional(),
    unitsConsumed: z.number().int().nonnegative().nullable().optional(),
  }),
});

/** The cluster to query: its id and the RPC service of its endpoints. */
export interface CheckCluster {
  cluster: { id: ClusterId };
  rpc: RpcService;
}

export interface TransactionChainCheckDependencies {
  /** Returns the cluster chosen in the settings. */
  chain: () => Promise<CheckCluster>;
  logger: Logger;
  timeoutMs?: number;
}

export interface ChainCheckRequest {
  message: Uint8Array;
  review: ReviewModel;
  /** The person's own addresses in the message, whose balances the review warns about. */
  ownAddresses: readonly string[];
}

export interface ChainCheckResult {
  check: ChainCheck;
  /** Lamports of each own address that exists on the cluster; empty when not checked. */
  balances: Map<string, bigint>;
}

type LifetimeCheck =
  | { valid: true }
  | { valid: false; check: Extract<ChainCheck, { outcome: 'expired' | 'nonceMoved' }> };

/**
 * Queries the cluster whether a reviewed message would succeed now: its blockhash or durable
 * nonce, a simulation without signatures, and the balances of the person's accounts in it.
 * A cluster that cannot be reached gives a `notChecked` result instead of an error, because
 * a Ledger on an air-gapped machine must still be able to sign.
 */
export class TransactionChainCheckService {
  private readonly timeoutMs: number;

  constructor(private readonly dependencies: TransactionChainCheckDependencies) {
    this.timeoutMs = dependencies.timeoutMs ?? CHAIN_CHECK_TIMEOUT_MS;
  }

  /** Runs the check. It throws only CANCELLED, when `signal` aborts. */
  async check(request: ChainCheckRequest, signal?: AbortSignal): Promise<ChainCheckResult> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    // Stops the other requests once one has failed, since the check is then over.
    const firstFailure = new AbortController();
    const combined = AbortSignal.any(
      signal === undefined
        ? [timeout, firstFailure.signal]
        : [signal, timeout, firstFailure.signal],
    );

    try {
      const chain = await this.dependencies.chain();
      const [lifetime, simulation, balances] = await Promise.all([
        checkLifetime(chain.rpc, request.review, combined),
        simulate(chain.rpc, request.message, request.review, combined),
        readBalances(chain.rpc, request.ownAddresses, combined),
      ]);

      const check = lifetime.valid ? simulation : lifetime.check;
      this.dependencies.logger.info(
        {
          cluster: chain.cluster.id,
          outcome: check.outcome,
          messageHash: request.review.messageHash,
        },
        'checked a reviewed transaction against the cluster',
      );
      return { check, balances };
    } catch (error) {
      firstFailure.abort();
      if (signal?.aborted === true) {
        throw new WalletError('CANCELLED', {}, 'The review was cancelled', { cause: error });
      }
      return { check: this.notChecked(error, timeout.aborted), balances: new Map() };
    }
  }

  private notChecked(error: unknown, timedOut: boolean): ChainCheck {
    const code = isWalletError(error) ? error.code : 'INTERNAL';
    // An unreachable cluster is expected offline, so its message suffices; anything else
    // keeps its stack trace.
    const details = isWalletError(error)
      ? { code, timedOut, message: error.message }
      : { err: error, code, timedOut };
    this.dependencies.logger.warn(
      details,
      'could not check a reviewed transaction against the cluster',
    );
    if (timedOut) {
      return {
        outcome: 'notChecked',
        reason: 'timedOut',
        detail: `The cluster did not answer within ${this.timeoutMs / 1000} seconds.`,
      };
    }
    if (code === 'RPC_UNAVAILABLE' || code === 'NETWORK_REQUIRED') {
      return {
        outcome: 'notChecked',
        reason: 'unreachable',
        detail: 'No endpoint of the cluster could be reached.',
      };
    }
    // NOTE: a node also rejects simulateTransaction with an RPC error when the message loads a
    // missing address lookup table. Such a message is treated as unchecked, not as failing.
    return {
      outcome: 'notChecked',
      reason: 'rpcError',
      detail:
        error instanceof Error ? error.message.slice(0, 300) : 'The cluster returned an error.',
    };
  }
}

/**
 * Checks that the message's lifetime has not ended: the blockhash is still valid, or the
 * durable nonce account still holds the value the message carries.
 */
async function checkLifetime(
  rpc: RpcService,
  review: ReviewModel,
  signal: AbortSignal,
): Promise<LifetimeCheck> {
  if (review.durableNonce === null) {
    const response = await rpc.request(
      'isBlockhashValid',
      [review.recentBlockhash, { commitment: COMMITMENT }],
      validitySchema,
      { signal },
    );
    const { context, value } = response.value;
    return value
      ? { valid: true }
      : {
          valid: false,
          check: { outcome: 'expired', slot: context.slot, blockhash: review.recentBlockhash },
        };
  }

  const { nonceAccount } = review.durableNonce;
  const batch = await fetchMultipleAccounts(rpc, [nonceAccount], { signal });
  const account = batch.accounts.get(nonceAccount) ?? null;
  const currentNonce = readNonceValue(nonceAccount, account);
  if (currentNonce === review.recentBlockhash) {
    return { valid: true };
  }
  return {
    valid: false,
    check: {
      outcome: 'nonceMoved',
      slot: batch.slot,
      nonceAccount,
      messageNonce: review.recentBlockhash,
      currentNonce,
    },
  };
}

/** Returns the account's nonce value, or null when it is missing or not a nonce account. */
function readNonceValue(
  address: string,
  account: { owner: string; data: Uint8Array } | null,
): string | null {
  if (account === null) {
    return null;
  }
  try {
    return decodeNonceAccount(address, account.owner, account.data).nonceValue;
  } catch (error) {
    if (isWalletError(error) && error.code === 'NONCE_ACCOUNT_INVALID') {
      return null;
    }
    throw error;
  }
}

/**
 * Simulates the message with empty signature slots and sigVerify off, so the device is not
 * asked before the runtime has run it. The blockhash is kept, so an expired one fails here too.
 */
async function simulate(
  rpc: RpcService,
  message: Uint8Array,
  review: ReviewModel,
  signal: AbortSignal,
): Promise<ChainCheck> {
  const transaction = encodeTransaction(
    message,
    review.requiredSigners.map(() => null),
  );
  const response = await rpc.request(
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
  const { context, value } = response.value;
  const logs = value.logs ?? [];
  const failure = describeSimulationError(
    value.err ?? null,
    logs,
    review.instructions.map((instruction) => instruction.programId),
  );
  if (failure === null) {
    return { outcome: 'ok', slot: context.slot, unitsConsumed: value.unitsConsumed ?? null };
  }
  return {
    outcome: 'failed',
    slot: context.slot,
    title: failure.title,
    detail: failure.detail,
    errorName: failure.errorName,
    instructionIndex: failure.instructionIndex,
    logs: logs.slice(-MAX_KEPT_LOG_LINES).map((line) => line.slice(0, MAX_LOG_LINE_LENGTH)),
  };
}

/** The last log lines kept with a failed check; the runtime's error is usually near the end. */
const MAX_KEPT_LOG_LINES = 40;
const MAX_LOG_LINE_LENGTH = 500;

async function readBalances(
  rpc: RpcService,
  addresses: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, bigint>> {
  const balances = new Map<string, bigint>();
  if (addresses.length === 0) {
    return balances;
  }
  const batch = await fetchMultipleAccounts(rpc, addresses, { signal });
  for (const [address, account] of batch.accounts) {
    if (account !== null) {
      balances.set(address, account.lamports);
    }
  }
  return balances;
}
