import type { Logger } from 'pino';
import type { z } from 'zod';

import type { Endpoint } from '../../../shared/domain/chain';
import { WalletError } from '../../../shared/errors';
import { redactEndpointUrl } from './endpoints';
import { sendJsonRpc, type HttpExchange } from './httpExchange';
import { classifyFailure, type RpcAttemptError } from './rpcFailure';
import { computeBackoffDelayMs, defaultRetryPolicy, type RetryPolicy } from './retryPolicy';
import { RequestTally } from './requestTally';

export interface RpcServiceDependencies {
  endpoints: readonly Endpoint[];
  logger: Logger;
  policy?: Partial<RetryPolicy>;
  fetch?: typeof globalThis.fetch;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  /** Waits between retries; injectable so unit tests can record delays instead of waiting. */
  delay?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RpcRequestOptions {
  /** Sends only to this endpoint URL, with retries but without failover. */
  endpoint?: string;
  signal?: AbortSignal;
  /** Counts the HTTP requests of one refresh in addition to the service-wide tally. */
  tally?: RequestTally;
}

export interface RpcResponse<T> {
  value: T;
  /** URL of the endpoint that returned the value. */
  endpoint: string;
}

/**
 * Sends JSON-RPC requests to a cluster's endpoints: a time-out per request, retries with
 * exponential backoff and jitter on 429, 5xx, time-outs and unreadable bodies (honouring
 * Retry-After), and failover to the next endpoint once one is exhausted. The endpoint that
 * last succeeded is tried first, so a failed primary costs one failover rather than one per
 * request. Every HTTP request is counted.
 */
export class RpcService {
  readonly tally = new RequestTally();
  private readonly endpoints: readonly Endpoint[];
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly random: () => number;
  private readonly delay: (ms: number, signal?: AbortSignal) => Promise<void>;
  private preferredIndex = 0;
  private nextRequestId = 1;

  constructor(dependencies: RpcServiceDependencies) {
    if (dependencies.endpoints.length === 0) {
      throw new WalletError(
        'RPC_ENDPOINT_INVALID',
        { url: '', reason: 'no endpoints' },
        'RpcService needs at least one endpoint',
      );
    }
    this.endpoints = dependencies.endpoints;
    this.logger = dependencies.logger;
    this.policy = { ...defaultRetryPolicy, ...dependencies.policy };
    this.fetchImpl = dependencies.fetch ?? globalThis.fetch;
    this.random = dependencies.random ?? Math.random;
    this.delay = dependencies.delay ?? waitFor;
  }

  get endpointUrls(): string[] {
    return this.endpoints.map((endpoint) => endpoint.url);
  }

  /** URL of the endpoint tried first by the next request. */
  get preferredEndpoint(): string {
    return this.endpointAt(this.preferredIndex).url;
  }

  /**
   * Calls `method` and validates its `result` against `schema`.
   *
   * @throws WalletError RPC_METHOD_ERROR when the node rejects the request for a reason another
   *   endpoint would share; RPC_UNAVAILABLE when every endpoint tried has failed.
   */
  async request<S extends z.ZodType>(
    method: string,
    params: readonly unknown[],
    schema: S,
    options: RpcRequestOptions = {},
  ): Promise<RpcResponse<z.infer<S>>> {
    const body = JSON.stringify({ jsonrpc: '2.0', id: this.nextRequestId++, method, params });
    const response = await this.sendWithFailover(method, body, options);

    const parsed = schema.safeParse(response.result);
    if (!parsed.success) {
      // A well-formed response of the wrong shape is a node fault, not a transient one.
      throw new WalletError(
        'RPC_INVALID_RESPONSE',
        {
          endpoint: redactEndpointUrl(response.endpoint),
          method,
          reason: parsed.error.issues[0]?.message ?? 'unexpected result shape',
        },
        `${method} returned a result of an unexpected shape`,
      );
    }
    return { value: parsed.data, endpoint: response.endpoint };
  }

  /**
   * Sends a JSON-RPC body prepared elsewhere (for example by web3.js) with the same retries and
   * failover, and returns the raw response text of the endpoint that succeeded.
   */
  async sendRaw(body: string, options: RpcRequestOptions = {}): Promise<string> {
    const method = readMethodName(body);
    const response = await this.sendWithFailover(method, body, {
      ...options,
      acceptRpcError: true,
    });
    return response.text;
  }

  private async sendWithFailover(
    method: string,
    body: string,
    options: RpcRequestOptions & { acceptRpcError?: boolean },
  ): Promise<HttpExchange & { endpoint: string }> {
    const order = this.endpointOrder(options.endpoint);
    const tried: string[] = [];
    let lastError: RpcAttemptError | null = null;

    for (const index of order) {
      const endpoint = this.endpointAt(index);
      tried.push(redactEndpointUrl(endpoint.url));
      const outcome = await this.sendToEndpoint(endpoint.url, method, body, options);

      if (outcome.ok) {
        if (options.endpoint === undefined && index !== this.preferredIndex) {
          this.logger.warn(
            { method, endpoint: redactEndpointUrl(endpoint.url) },
            'RPC failed over to another endpoint',
          );
          this.preferredIndex = index;
        }
        return { ...outcome.exchange, endpoint: endpoint.url };
      }

      lastError = outcome.error;
      if (classifyFailure(outcome.error) === 'final') {
        throw outcome.error;
      }
    }

    this.logger.error(
      { method, endpointsTried: tried, lastCode: lastError?.code ?? null },
      'RPC request failed on every endpoint',
    );
    throw new WalletError(
      'RPC_UNAVAILABLE',
      { method, endpointsTried: tried, lastCode: lastError?.code ?? null },
      `${method} failed on every endpoint tried (${tried.join(', ')}): ${lastError?.message ?? 'no endpoint'}`,
      { cause: lastError },
    );
  }

  private async sendToEndpoint(
    url: string,
    method: string,
    body: string,
    options: RpcRequestOptions & { acceptRpcError?: boolean },
  ): Promise<{ ok: true; exchange: HttpExchange } | { ok: false; error: RpcAttemptError }> {
    let lastError: RpcAttemptError | null = null;

    for (let attempt = 1; attempt <= this.policy.attemptsPerEndpoint; attempt += 1) {
      this.tally.record(method);
      options.tally?.record(method);

      const result = await sendJsonRpc(this.fetchImpl, {
        url,
        method,
        body,
        timeoutMs: this.policy.requestTimeoutMs,
        signal: options.signal,
        acceptRpcError: options.acceptRpcError === true,
      });
      if (result.ok) {
        return result;
      }
      if (options.signal?.aborted === true) {
        throw new WalletError('CANCELLED', {}, `${method} was cancelled`);
      }

      lastError = result.error;
      const action = classifyFailure(result.error);
      if (action !== 'retry' || attempt === this.policy.attemptsPerEndpoint) {
        return { ok: false, error: result.error };
      }

      const waitMs = this.retryDelayMs(result.error, attempt);
      if (waitMs === null) {
        return { ok: false, error: result.error };
      }
      this.logger.debug(
        { method, endpoint: redactEndpointUrl(url), code: result.error.code, attempt, waitMs },
        'retrying RPC request',
      );
      await this.delay(waitMs, options.signal);
    }

    // Unreachable with attemptsPerEndpoint >= 1; kept so the types close.
    return { ok: false, error: lastError ?? networkError(url, method, 'no attempt made') };
  }

  /** Returns the wait before the next attempt, or null to move to the next endpoint. */
  private retryDelayMs(error: RpcAttemptError, attempt: number): number | null {
    if (error.code === 'RPC_RATE_LIMITED') {
      const { retryAfterMs } = error.context;
      if (retryAfterMs !== null) {
        return retryAfterMs <= this.policy.maxRetryAfterMs ? retryAfterMs : null;
      }
    }
    return computeBackoffDelayMs(attempt, this.policy, this.random);
  }

  private endpointOrder(pinned: string | undefined): number[] {
    if (pinned !== undefined) {
      const index = this.endpoints.findIndex((endpoint) => endpoint.url === pinned);
      if (index === -1) {
        throw new WalletError(
          'RPC_ENDPOINT_INVALID',
          { url: redactEndpointUrl(pinned), reason: 'not an endpoint of this cluster' },
          'The requested endpoint is not configured for this cluster',
        );
      }
      return [index];
    }
    const count = this.endpoints.length;
    return Array.from({ length: count }, (_, offset) => (this.preferredIndex + offset) % count);
  }

  private endpointAt(index: number): Endpoint {
    const endpoint = this.endpoints[index];
    if (endpoint === undefined) {
      throw new RangeError(`no endpoint at index ${index}`);
    }
    return endpoint;
  }
}

function readMethodName(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (Array.isArray(parsed)) {
      return 'batch';
    }
    if (typeof parsed === 'object' && parsed !== null && 'method' in parsed) {
      return String(parsed.method);
    }
  } catch {
    // Fall through: the node rejects the body and the caller receives its error response.
  }
  return 'unknown';
}

function networkError(url: string, method: string, reason: string): RpcAttemptError {
  return new WalletError('RPC_NETWORK_ERROR', { endpoint: redactEndpointUrl(url), method, reason });
}

function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new WalletError('CANCELLED', {}));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new WalletError('CANCELLED', {}));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
