import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Logger } from 'pino';

import { handleControl, type LocalnetControls } from './controlRoutes';
import type { JsonRpcDispatcher } from './dispatcher';
import { stringifyJson } from './json';
import type { ServingMode } from './servingMode';

/** The server binds to loopback only, so nothing outside this machine can reach it. */
const LISTEN_HOST = '127.0.0.1';

/** Maximum request body size in bytes, far above any valid batch of transactions. */
const MAX_BODY_BYTES = 1024 * 1024;

const CONTROL_PREFIX = '/control/';

/**
 * HTTP front of the local node: JSON-RPC on `POST /`, `GET /health`, and the test
 * controls under `/control/`. Requests must name a loopback Host (against DNS rebinding)
 * and may come from a loopback Origin only.
 */
export class LocalnetHttpServer {
  private readonly server: Server;
  private port = 0;
  private mode: ServingMode = { kind: 'serving' };

  constructor(
    private readonly dispatcher: JsonRpcDispatcher,
    private readonly controls: LocalnetControls,
    private readonly logger?: Logger,
  ) {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        this.logger?.error({ err: error, url: request.url }, 'local RPC request failed');
        if (!response.headersSent) {
          sendText(response, 500, 'Internal Server Error');
        } else {
          response.destroy();
        }
      });
    });
  }

  get servingMode(): ServingMode {
    return this.mode;
  }

  set servingMode(mode: ServingMode) {
    this.mode = mode;
    this.logger?.info({ mode }, 'changed local RPC serving mode');
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, LISTEN_HOST, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    return `http://${LISTEN_HOST}:${this.port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error === undefined ? resolve() : reject(error)));
      this.server.closeAllConnections();
    });
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!this.hasLoopbackHost(request)) {
      sendText(response, 403, 'Forbidden: Host must be 127.0.0.1 or localhost');
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!isLoopbackOrigin(origin)) {
        sendText(response, 403, 'Forbidden: Origin must be a loopback address');
        return;
      }
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
    }
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      response.setHeader('Access-Control-Allow-Headers', 'content-type');
      response.writeHead(204).end();
      return;
    }

    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith(CONTROL_PREFIX)) {
      await this.routeControl(request, response, path.slice(CONTROL_PREFIX.length));
      return;
    }

    switch (this.mode.kind) {
      case 'offline':
        request.socket.destroy();
        return;
      case 'httpError':
        sendText(
          response,
          this.mode.status,
          `local node set to fail with HTTP ${this.mode.status}`,
        );
        return;
      case 'serving':
        break;
    }

    if (request.method === 'GET' && path === '/health') {
      sendText(response, 200, 'ok');
      return;
    }
    if (request.method !== 'POST' || path !== '/') {
      sendText(response, 404, 'Not Found: send JSON-RPC as POST /');
      return;
    }

    const body = await readBody(request);
    if (body === null) {
      sendText(response, 413, `Payload Too Large: limit is ${MAX_BODY_BYTES} bytes`);
      return;
    }
    const reply = await this.dispatcher.handle(body);
    if (reply === null) {
      response.writeHead(204).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(reply);
  }

  private async routeControl(
    request: IncomingMessage,
    response: ServerResponse,
    name: string,
  ): Promise<void> {
    const body = await readBody(request);
    if (body === null) {
      sendText(response, 413, `Payload Too Large: limit is ${MAX_BODY_BYTES} bytes`);
      return;
    }
    let parsed: unknown = {};
    if (body.trim() !== '') {
      try {
        parsed = JSON.parse(body);
      } catch {
        sendJson(
          response,
          400,
          stringifyJson({ ok: false, error: 'request body is not valid JSON' }),
        );
        return;
      }
    }
    const result = await handleControl(this.controls, request.method ?? 'GET', name, parsed);
    if (result.status >= 400) {
      this.logger?.warn(
        { control: name, status: result.status, reply: result.body },
        'control failed',
      );
    }
    sendJson(response, result.status, stringifyJson(result.body));
  }

  private hasLoopbackHost(request: IncomingMessage): boolean {
    const host = request.headers.host;
    return host === `${LISTEN_HOST}:${this.port}` || host === `localhost:${this.port}`;
  }
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')
    );
  } catch {
    return false;
  }
}

/** Reads the body as UTF-8, or returns null once it passes MAX_BODY_BYTES. */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

function sendJson(response: ServerResponse, status: number, json: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(json);
}
