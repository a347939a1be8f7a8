import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Faults the proxy can inject in place of, or on top of, the upstream response.
 * - rate-limit: HTTP 429, with a Retry-After header when retryAfterSeconds is set.
 * - http-error: the given status with a short text body.
 * - hang: accept the request and never respond, so the client's time-out fires.
 * - malformed-json: HTTP 200 with a body that is not JSON.
 * - truncated-body: the upstream response cut in half, with the full Content-Length announced.
 * - rpc-error: a JSON-RPC error object with the given code and message.
 * - empty-program-accounts: the upstream response with an empty account list and its context
 *   slot lowered by lagSlots, as a lagging node would send.
 */
export type Fault =
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'http-error'; status: number }
  | { kind: 'hang' }
  | { kind: 'malformed-json' }
  | { kind: 'truncated-body' }
  | { kind: 'rpc-error'; code: number; message: string }
  | { kind: 'empty-program-accounts'; lagSlots?: number };

export interface FaultRule {
  /** JSON-RPC method to match; every request when absent. */
  method?: string;
  /** How many matching requests get the fault; unlimited when absent. */
  times?: number;
  /** Matching requests passed through unchanged before the fault starts; 0 when absent. */
  after?: number;
  fault: Fault;
}

export interface ProxiedRequest {
  method: string;
  /** The fault applied, or null when the request was passed through unchanged. */
  fault: Fault['kind'] | null;
}

export interface FaultProxy {
  url: string;
  /** Every request received, in order. */
  readonly requests: readonly ProxiedRequest[];
  addRule(rule: FaultRule): void;
  clearRules(): void;
  /** Counts requests, of one JSON-RPC method when given. */
  count(method?: string): number;
  resetCount(): void;
  close(): Promise<void>;
}

interface ActiveRule extends FaultRule {
  remaining: number;
  toSkip: number;
}

/**
 * Starts an HTTP proxy on 127.0.0.1 in front of a JSON-RPC server (normally the local chain)
 * that counts requests and injects faults by rule. Rules are checked in the order added; the
 * first matching rule with uses left applies.
 */
export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const rules: ActiveRule[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(502, { 'Content-Type': 'text/plain' });
      }
      response.end(`fault proxy error: ${String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const method = readMethod(body);
    const rule = takeRule(rules, method);
    requests.push({ method, fault: rule?.fault.kind ?? null });

    if (rule === undefined) {
      const upstream = await forward(upstreamUrl, body);
      sendJson(response, upstream);
      return;
    }
    await applyFault(rule.fault, upstreamUrl, body, response);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addRule: (rule) =>
      rules.push({
        ...rule,
        remaining: rule.times ?? Number.POSITIVE_INFINITY,
        toSkip: rule.after ?? 0,
      }),
    clearRules: () => {
      rules.length = 0;
    },
    count: (method) =>
      method === undefined
        ? requests.length
        : requests.filter((entry) => entry.method === method).length,
    resetCount: () => {
      requests.length = 0;
    },
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function applyFault(
  fault: Fault,
  upstreamUrl: string,
  body: string,
  response: ServerResponse,
): Promise<void> {
  switch (fault.kind) {
    case 'rate-limit': {
      const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
      if (fault.retryAfterSeconds !== undefined) {
        headers['Retry-After'] = String(fault.retryAfterSeconds);
      }
      response.writeHead(429, headers);
      response.end('Too Many Requests');
      return;
    }
    case 'http-error':
      response.writeHead(fault.status, { 'Content-Type': 'text/plain' });
      response.end(`injected HTTP ${fault.status}`);
      return;
    case 'hang':
      // Leave the request open; close() destroys the socket.
      return;
    case 'malformed-json':
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('<html>502 Bad Gateway</html>');
      return;
    case 'truncated-body': {
      const upstream = await forward(upstreamUrl, body);
      const bytes = Buffer.from(upstream);
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': String(bytes.length),
      });
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      response.socket?.destroy();
      return;
    }
    case 'rpc-error':
      sendJson(
        response,
        JSON.stringify({
          jsonrpc: '2.0',
          id: readId(body),
          error: { code: fault.code, message: fault.message },
        }),
      );
      return;
    case 'empty-program-accounts': {
      const upstream = JSON.parse(await forward(upstreamUrl, body)) as {
        result?: unknown;
      };
      sendJson(response, JSON.stringify(emptyProgramAccounts(upstream, fault.lagSlots ?? 0)));
      return;
    }
  }
}

function emptyProgramAccounts(upstream: { result?: unknown }, lagSlots: number): unknown {
  const { result } = upstream;
  if (Array.isArray(result)) {
    return { ...upstream, result: [] };
  }
  if (typeof result === 'object' && result !== null && 'context' in result) {
    const context = result.context as { slot: number };
    return {
      ...upstream,
      result: { context: { ...context, slot: Math.max(0, context.slot - lagSlots) }, value: [] },
    };
  }
  return upstream;
}

/** Returns the first rule that applies to this request, spending one of its uses. */
function takeRule(rules: ActiveRule[], method: string): ActiveRule | undefined {
  for (const rule of rules) {
    if (rule.remaining <= 0 || (rule.method !== undefined && rule.method !== method)) {
      continue;
    }
    if (rule.toSkip > 0) {
      rule.toSkip -= 1;
      continue;
    }
    rule.remaining -= 1;
    return rule;
  }
  return undefined;
}

async function forward(upstreamUrl: string, body: string): Promise<string> {
  const response = await fetch(upstreamUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  return response.text();
}

function sendJson(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function readMethod(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (Array.isArray(parsed)) {
      return 'batch';
    }
    if (typeof parsed === 'object' && parsed !== null && 'method' in parsed) {
      return String(parsed.method);
    }
  } catch {
    return 'unparseable';
  }
  return 'unknown';
}

function readId(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'id' in parsed) {
      return parsed.id;
    }
  } catch {
    return null;
  }
  return null;
}
