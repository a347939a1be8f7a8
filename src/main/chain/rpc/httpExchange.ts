import { WalletError } from '../../../shared/errors';
import { redactEndpointUrl } from './endpoints';
import type { RpcAttemptError } from './rpcFailure';
import { parseJsonPreservingIntegers } from './parseJsonIntegers';
import { parseRetryAfterMs } from './retryPolicy';

export interface HttpExchangeRequest {
  url: string;
  method: string;
  body: string;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** Returns any JSON body as it is, leaving JSON-RPC errors to the caller (web3.js). */
  acceptRpcError: boolean;
}

export interface HttpExchange {
  /** Response body as received. */
  text: string;
  /** The JSON-RPC `result` member; undefined when acceptRpcError returned the body as is. */
  result: unknown;
}

export type HttpExchangeOutcome =
  { ok: true; exchange: HttpExchange } | { ok: false; error: RpcAttemptError };

/**
 * Performs one HTTP POST of a JSON-RPC body and classifies the outcome. The time-out covers
 * the whole exchange, body included, so a server that stalls mid-body also times out.
 */
export async function sendJsonRpc(
  fetchImpl: typeof globalThis.fetch,
  request: HttpExchangeRequest,
): Promise<HttpExchangeOutcome> {
  const endpoint = redactEndpointUrl(request.url);
  const { method } = request;
  const timeoutSignal = AbortSignal.timeout(request.timeoutMs);
  const signal =
    request.signal === undefined ? timeoutSignal : AbortSignal.any([request.signal, timeoutSignal]);
  const fail = (error: RpcAttemptError): HttpExchangeOutcome => ({ ok: false, error });
  const timedOut = (): HttpExchangeOutcome =>
    fail(
      new WalletError(
        'RPC_TIMEOUT',
        { endpoint, method, timeoutMs: request.timeoutMs },
        `${method} to ${endpoint} timed out after ${request.timeoutMs} ms`,
      ),
    );

  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: request.body,
      signal,
    });
  } catch (error) {
    if (timeoutSignal.aborted) {
      return timedOut();
    }
    return fail(
      new WalletError(
        'RPC_NETWORK_ERROR',
        { endpoint, method, reason: describeCause(error) },
        `${method} to ${endpoint} failed: ${describeCause(error)}`,
      ),
    );
  }

  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), Date.now());
      return fail(
        new WalletError(
          'RPC_RATE_LIMITED',
          { endpoint, method, retryAfterMs },
          `${endpoint} is rate limiting ${method} (HTTP 429)`,
        ),
      );
    }
    return fail(
      new WalletError(
        'RPC_HTTP_ERROR',
        { endpoint, method, status: response.status },
        `${method} to ${endpoint} returned HTTP ${response.status}`,
      ),
    );
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (timeoutSignal.aborted) {
      return timedOut();
    }
    return fail(invalidResponse(endpoint, method, `body ended early: ${describeCause(error)}`));
  }

  let json: unknown;
  try {
    json = request.acceptRpcError ? JSON.parse(text) : parseJsonPreservingIntegers(text);
  } catch {
    return fail(invalidResponse(endpoint, method, `body is not JSON (${text.length} characters)`));
  }

  if (request.acceptRpcError) {
    return { ok: true, exchange: { text, result: undefined } };
  }
  return readEnvelope(json, text, endpoint, method);
}

function readEnvelope(
  json: unknown,
  text: string,
  endpoint: string,
  method: string,
): HttpExchangeOutcome {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: invalidResponse(endpoint, method, 'body is not a JSON-RPC object') };
  }

  if ('error' in json && json.error !== undefined && json.error !== null) {
    const { error } = json;
    const code =
      typeof error === 'object' && 'code' in error && typeof error.code === 'number'
        ? error.code
        : 0;
    const message =
      typeof error === 'object' && 'message' in error && typeof error.message === 'string'
        ? error.message
        : 'no message';
    return {
      ok: false,
      error: new WalletError(
        'RPC_METHOD_ERROR',
        { endpoint, method, rpcCode: code, rpcMessage: message },
        `${method} was rejected by ${endpoint}: ${message} (code ${code})`,
      ),
    };
  }

  if (!('result' in json)) {
    return { ok: false, error: invalidResponse(endpoint, method, 'body has no result member') };
  }
  return { ok: true, exchange: { text, result: json.result } };
}

function invalidResponse(endpoint: string, method: string, reason: string): RpcAttemptError {
  return new WalletError(
    'RPC_INVALID_RESPONSE',
    { endpoint, method, reason },
    `${method} from ${endpoint}: ${reason}`,
  );
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
