import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Solana from '@ledgerhq/hw-app-solana';
import pino from 'pino';

import type { PanelState } from '../../support/demo-panel';
import { startDemoApp, type DemoApp } from '../../support/demo/start-demo-app';
import { EmulatorTransport } from '../../support/ledger-emulator';

const silent = pino({ level: 'silent' });

/** Starts a demo app wired as `npm run demo` wires it, with its own data folder and a stub renderer. */
export async function startPanelDemo(options: { localnet?: boolean } = {}): Promise<DemoApp> {
  const rendererDir = await mkdtemp(join(tmpdir(), 'panel-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body>app</body></html>');
  return startDemoApp({ logger: silent, rendererDir, localnet: options.localnet ?? false });
}

export interface PanelResponse {
  status: number;
  headers: Headers;
  body: string;
}

export interface ControlOptions {
  /** The run token by default; `null` sends none. */
  token?: string | null;
  /** The host's origin by default; `null` sends no Origin header. */
  origin?: string | null;
  contentType?: string;
  /** Raw body text; the JSON of `body` otherwise. */
  rawBody?: string;
  method?: string;
}

/** Sends a control the way the panel page does: POST, JSON, bearer token, the host's Origin. */
export async function postControl(
  demo: DemoApp,
  name: string,
  body: unknown = {},
  options: ControlOptions = {},
): Promise<PanelResponse> {
  const token = options.token === undefined ? demo.host.token : options.token;
  const origin = options.origin === undefined ? demo.origin : options.origin;
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? 'application/json',
  };
  if (token !== null) {
    headers['Authorization'] = `Bearer ${token}`;
  }
  if (origin !== null) {
    headers['Origin'] = origin;
  }
  const method = options.method ?? 'POST';
  const response = await fetch(`${demo.origin}/device/control/${name}`, {
    method,
    headers,
    body: method === 'GET' ? null : (options.rawBody ?? JSON.stringify(body)),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export function errorOf(response: PanelResponse): string {
  const parsed = JSON.parse(response.body) as { ok: boolean; error?: string };
  return parsed.error ?? '';
}

export function stateOf(response: PanelResponse): PanelState {
  const parsed = JSON.parse(response.body) as { ok: boolean; state: PanelState };
  return parsed.state;
}

/**
 * hw-app-solana over a transport of its own to the demo's emulator, so a test can raise a
 * request on the device the way the app would, without the app's own screens.
 */
export function deviceClient(demo: DemoApp): Solana {
  return new Solana(new EmulatorTransport(demo.emulator));
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Settles a device call into a value, so that a rejection that happens while the test is
 * still pressing panel buttons is not reported as unhandled.
 */
export function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Resolves once the emulator shows a pending request. */
export function waitForPendingRequest(demo: DemoApp): Promise<void> {
  if (demo.emulator.currentRequest !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const unsubscribe = demo.emulator.subscribe((event) => {
      if (event.type === 'request-started') {
        unsubscribe();
        resolve();
      }
    });
  });
}

/** The panel's server-sent event stream, read as a test would read the page's. */
export class PanelEventStream {
  private buffer = '';
  private readonly states: PanelState[] = [];
  private waiter: (() => void) | null = null;

  private constructor(private readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
  }

  /** Opens the stream; resolves with the HTTP status and, for 200, the stream. */
  static open(
    demo: DemoApp,
    headers: Record<string, string> = {},
    token: string | null = demo.host.token,
  ): Promise<{ status: number; stream: PanelEventStream | null }> {
    const query = token === null ? '' : `?token=${token}`;
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${demo.origin}/device/events${query}`,
        { headers },
        (response) => {
          if (response.statusCode !== 200) {
            response.resume();
            resolve({ status: response.statusCode ?? 0, stream: null });
            return;
          }
          resolve({ status: 200, stream: new PanelEventStream(response) });
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  /** Resolves with the first state, received or still to come, that matches. */
  async waitFor(matches: (state: PanelState) => boolean): Promise<PanelState> {
    for (;;) {
      const found = this.states.find(matches);
      if (found !== undefined) {
        return found;
      }
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
  }

  /** Calls `listener` when the server ends the stream. */
  onEnd(listener: () => void): void {
    this.response.on('end', listener);
  }

  close(): void {
    this.response.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block
        .split('\n')
        .find((line) => line.startsWith('data: '))
        ?.slice('data: '.length);
      if (block.includes('event: state') && data !== undefined) {
        this.states.push(JSON.parse(data) as PanelState);
      }
      end = this.buffer.indexOf('\n\n');
    }
    this.waiter?.();
    this.waiter = null;
  }
}
