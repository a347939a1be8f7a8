import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { parseEndpoint } from '../../../src/main/chain/rpc/endpoints';
import { RequestTally } from '../../../src/main/chain/rpc/requestTally';
import { RpcService } from '../../../src/main/chain/rpc/rpcService';
import { u64Schema } from '../../../src/main/chain/rpc/rpcSchemas';
import { WalletError } from '../../../src/shared/errors';

type Responder = (init: RequestInit) => Promise<Response>;

const logger = pino({ level: 'silent' });
const A = 'https://a.example';
const B = 'https://b.example';

function ok(result: unknown): Responder {
  return (init) => {
    const body = typeof init.body === 'string' ? init.body : '{}';
    const { id } = JSON.parse(body) as { id: number };
    return Promise.resolve(Response.json({ jsonrpc: '2.0', id, result }));
  };
}

function text(body: string, status = 200, headers: Record<string, string> = {}): Responder {
  return () => Promise.resolve(new Response(body, { status, headers }));
}

function rpcError(code: number, message: string): Responder {
  return () => Promise.resolve(Response.json({ jsonrpc: '2.0', id: 1, error: { code, message } }));
}

/** Never responds, and rejects when the request's signal aborts, as fetch does. */
const hang: Responder = (init) =>
  new Promise((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });

/** Creates a fetch that replays a script per URL; the last responder of a script repeats. */
function scriptedFetch(scripts: Record<string, Responder[]>) {
  const calls: string[] = [];
  const fetchImpl = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : input.toString();
    calls.push(url);
    const script = scripts[url] ?? [];
    const responder = script.length > 1 ? script.shift() : script[0];
    if (responder === undefined) {
      return Promise.reject(new TypeError('fetch failed'));
    }
    return responder(init ?? {});
  };
  return { fetchImpl, calls };
}

function createService(
  scripts: Record<string, Responder[]>,
  options: { urls?: string[]; timeoutMs?: number } = {},
) {
  const { fetchImpl, calls } = scriptedFetch(scripts);
  const delays: number[] = [];
  const service = new RpcService({
    endpoints: (options.urls ?? [A, B]).map(parseEndpoint),
    logger,
    fetch: fetchImpl,
    random: () => 0.5,
    delay: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    policy: {
      attemptsPerEndpoint: 3,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      maxRetryAfterMs: 5_000,
      requestTimeoutMs: options.timeoutMs ?? 1_000,
    },
  });
  return { service, calls, delays };
}

async function captureError(promise: Promise<unknown>): Promise<WalletError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WalletError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('RpcService', () => {
  it('returns the validated result', async () => {
    const { service } = createService({ [A]: [ok(42)] });

    const response = await service.request('getSlot', [], z.number());

    expect(response.value).toBe(42);
    expect(response.endpoint).toBe(A);
  });

  it('honours Retry-After on 429', async () => {
    const { service, delays, calls } = createService({
      [A]: [text('slow down', 429, { 'Retry-After': '2' }), ok(1)],
    });

    await service.request('getSlot', [], z.number());

    expect(delays).toEqual([2_000]);
    expect(calls).toEqual([A, A]);
  });

  it('backs off with jitter without Retry-After', async () => {
    const { service, delays } = createService({
      [A]: [text('busy', 503), text('busy', 503), ok(1)],
    });

    await service.request('getSlot', [], z.number());

    // random() = 0.5: half of 100 ms, then half of 200 ms.
    expect(delays).toEqual([50, 100]);
  });

  it('fails over when Retry-After is too long', async () => {
    const { service, delays, calls } = createService({
      [A]: [text('later', 429, { 'Retry-After': '60' })],
      [B]: [ok(7)],
    });

    const response = await service.request('getSlot', [], z.number());

    expect(response.endpoint).toBe(B);
    expect(delays).toEqual([]);
    expect(calls).toEqual([A, B]);
  });

  it('fails over after exhausting retries and stays there', async () => {
    const { service, calls } = createService({
      [A]: [text('down', 500)],
      [B]: [ok(1)],
    });

    await service.request('getSlot', [], z.number());
    await service.request('getSlot', [], z.number());

    expect(calls).toEqual([A, A, A, B, B]);
    expect(service.preferredEndpoint).toBe(B);
  });

  it('fails over without retry on 401', async () => {
    const { service, calls } = createService({ [A]: [text('no key', 401)], [B]: [ok(1)] });

    await service.request('getSlot', [], z.number());

    expect(calls).toEqual([A, B]);
  });

  it('retries malformed JSON', async () => {
    const { service, calls } = createService({ [A]: [text('<html>oops</html>'), ok(3)] });

    const response = await service.request('getSlot', [], z.number());

    expect(response.value).toBe(3);
    expect(calls).toEqual([A, A]);
  });

  it('times out a stalled request', async () => {
    const { service, calls } = createService({ [A]: [hang], [B]: [ok(5)] }, { timeoutMs: 30 });

    const response = await service.request('getSlot', [], z.number());

    expect(response.endpoint).toBe(B);
    expect(calls).toEqual([A, A, A, B]);
  });

  it('stops on a final JSON-RPC error', async () => {
    const { service, calls } = createService({
      [A]: [rpcError(-32602, 'Invalid params')],
      [B]: [ok(1)],
    });

    const error = await captureError(service.request('getSlot', [], z.number()));

    expect(error.code).toBe('RPC_METHOD_ERROR');
    expect(error.context).toMatchObject({ rpcCode: -32602, rpcMessage: 'Invalid params' });
    expect(calls).toEqual([A]);
  });

  it('fails over on method not found', async () => {
    const { service, calls } = createService({
      [A]: [rpcError(-32601, 'Method not found')],
      [B]: [ok(1)],
    });

    await service.request('getSlot', [], z.number());

    expect(calls).toEqual([A, B]);
  });

  it('reports every endpoint tried when all fail', async () => {
    const keyed = 'https://rpc.example/?api-key=secret';
    const { service } = createService(
      { [keyed]: [text('down', 502)], [B]: [text('down', 503)] },
      { urls: [keyed, B] },
    );

    const error = await captureError(service.request('getSlot', [], z.number()));

    expect(error.code).toBe('RPC_UNAVAILABLE');
    expect(error.context).toEqual({
      method: 'getSlot',
      endpointsTried: ['https://rpc.example/…', 'https://b.example'],
      lastCode: 'RPC_HTTP_ERROR',
    });
    expect(JSON.stringify(error.toData())).not.toContain('secret');
  });

  it('rejects a result of the wrong shape', async () => {
    const { service } = createService({ [A]: [ok('not a number')] });

    const error = await captureError(service.request('getSlot', [], z.number()));

    expect(error.code).toBe('RPC_INVALID_RESPONSE');
  });

  it('keeps u64 values above 2^53 exact', async () => {
    const { service } = createService({
      [A]: [text('{"jsonrpc":"2.0","id":1,"result":{"lamports":18446744073709551615}}')],
    });

    const response = await service.request('x', [], z.object({ lamports: u64Schema }));

    expect(response.value.lamports).toBe(18_446_744_073_709_551_615n);
  });

  it('sends a pinned request to one endpoint only', async () => {
    const { service, calls } = createService({ [A]: [ok(1)], [B]: [ok(2)] });

    const response = await service.request('getSlot', [], z.number(), { endpoint: B });

    expect(response.value).toBe(2);
    expect(calls).toEqual([B]);
  });

  it('counts every attempt', async () => {
    const { service } = createService({ [A]: [text('busy', 503), ok(1)] });
    const tally = new RequestTally();

    await service.request('getSlot', [], z.number(), { tally });

    expect(tally.count).toBe(2);
    expect(tally.byMethod()).toEqual({ getSlot: 2 });
    expect(service.tally.count).toBe(2);
  });

  it('stops when the caller aborts', async () => {
    const { service } = createService({ [A]: [hang] });
    const controller = new AbortController();

    const pending = service.request('getSlot', [], z.number(), { signal: controller.signal });
    controller.abort();
    const error = await captureError(pending);

    expect(error.code).toBe('CANCELLED');
  });

  it('passes raw bodies through for web3.js', async () => {
    const { service } = createService({
      [A]: [text('busy', 503), rpcError(-32002, 'Transaction simulation failed')],
    });

    const raw = await service.sendRaw('{"jsonrpc":"2.0","id":9,"method":"sendTransaction"}');

    expect(JSON.parse(raw)).toMatchObject({ error: { code: -32002 } });
  });
});
