import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Duplex } from 'node:stream';

import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

import { WalletError } from '../../shared/errors';
import { dispatchCall } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import type { EventBus } from '../event-bus';
import { buildPageBridge } from './build-page-bridge';
import {
  bridgePath,
  bridgeScriptPath,
  clientFrameSchema,
  maxFrameBytes,
  type HostFrame,
} from '../../shared/contract/socket-protocol';

/** Extra HTTP routes of a demo or a test; return true when the request was handled. */
export type ExtraRoute = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export interface BrowserHostOptions {
  handlers: Handlers;
  bus: EventBus;
  logger: Logger;
  /** Folder with the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  extraRoutes?: ExtraRoute[];
}

export interface BrowserHost {
  /** Address to open, with the per-run token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const pageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Serves the built renderer on 127.0.0.1 and carries the bridge contract over a loopback
 * WebSocket. A connection needs this run's random token and the page's own Origin.
 * Used by `npm run demo` and the end-to-end tests; the Electron app never loads it.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { handlers, bus, logger, rendererDir } = options;
  const token = randomBytes(24).toString('hex');
  const bridgeScript = await buildPageBridge();
  const sockets = new Set<WebSocket>();
  let origin = '';

  const server = createServer((request, response) => {
    void serveHttp(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'failed to serve a request');
      if (!response.headersSent) {
        response.writeHead(500).end();
      }
    });
  });

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const route of options.extraRoutes ?? []) {
      if (await route(request, response)) {
        return;
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }

    const pathname = new URL(request.url ?? '/', origin).pathname;
    if (pathname === bridgeScriptPath) {
      sendBody(response, 200, contentTypes['.js'] ?? 'text/plain', bridgeScript);
      return;
    }

    const relative = pathname === '/' ? 'index.html' : decodePath(pathname.slice(1));
    if (relative === undefined) {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('The address is not valid percent-encoding.');
      return;
    }
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) {
      response.writeHead(404).end();
      return;
    }

    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    if (relative === 'index.html') {
      body = injectBridge(body);
    }
    sendBody(response, 200, contentTypes[extname(file)] ?? 'application/octet-stream', body);
  }

  function sendBody(response: ServerResponse, status: number, type: string, body: Buffer | string) {
    response.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': pageCsp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    response.end(body);
  }

  const socketServer = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== bridgePath) {
      rejectUpgrade(socket, 404, 'Not Found');
      return;
    }
    if (request.headers.origin !== origin) {
      logger.warn(
        { origin: request.headers.origin ?? 'none' },
        'refused a bridge connection from a foreign origin',
      );
      rejectUpgrade(socket, 403, 'Forbidden');
      return;
    }
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) {
      logger.warn('refused a bridge connection without the run token');
      rejectUpgrade(socket, 401, 'Unauthorized');
      return;
    }
    socketServer.handleUpgrade(request, socket, head, (connection) => serveSocket(connection));
  });

  function send(connection: WebSocket, frame: HostFrame): void {
    if (connection.readyState === connection.OPEN) {
      connection.send(JSON.stringify(frame));
    }
  }

  function serveSocket(connection: WebSocket): void {
    const controller = new AbortController();
    sockets.add(connection);
    logger.info({ connections: sockets.size }, 'page connected to the bridge');

    connection.on('message', (data: RawData, isBinary: boolean) => {
      void handleFrame(connection, data, isBinary, controller.signal);
    });
    connection.on('error', (error) => logger.warn({ err: error }, 'bridge connection failed'));
    connection.on('close', () => {
      controller.abort();
      sockets.delete(connection);
      logger.info({ connections: sockets.size }, 'page disconnected from the bridge');
    });
  }

  async function handleFrame(
    connection: WebSocket,
    data: RawData,
    isBinary: boolean,
    signal: AbortSignal,
  ): Promise<void> {
    let frame: unknown;
    try {
      frame = isBinary ? undefined : JSON.parse(rawText(data));
    } catch {
      frame = undefined;
    }

    const parsed = clientFrameSchema.safeParse(frame);
    if (!parsed.success) {
      const error = new WalletError('INVALID_REQUEST', {
        method: 'unknown',
        issues: [{ path: '', message: 'The frame is not a JSON call object.' }],
      });
      send(connection, { type: 'error', error: error.toData() });
      return;
    }

    const { id, method, input } = parsed.data;
    const result = await dispatchCall(handlers, logger, method, input, { signal });
    send(connection, { type: 'result', id, result });
  }

  const removeSink = bus.addSink((message) => {
    for (const connection of sockets) {
      send(connection, { type: 'event', name: message.name, payload: message.payload });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  logger.info({ origin }, 'browser host listening');

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      removeSink();
      for (const connection of sockets) {
        connection.terminate();
      }
      socketServer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function decodePath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString('utf8');
  }
  if (data instanceof ArrayBuffer) {
    return Buffer.from(new Uint8Array(data)).toString('utf8');
  }
  return data.toString('utf8');
}

function injectBridge(html: Buffer): Buffer {
  const text = html.toString('utf8');
  const tag = `<script src="${bridgeScriptPath}"></script>`;
  return Buffer.from(text.replace('<head>', `<head>\n    ${tag}`));
}
