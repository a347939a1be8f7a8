import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { startBrowserHost, type BrowserHost } from '../../../src/main/browser-host/server';
import { composeApp, type ComposedApp } from '../../../src/main/compose';
import { maxFrameBytes } from '../../../src/shared/contract/socket-protocol';
import { noDeviceProvider } from '../../support/emulated-ledger/no-device-provider';

const silent = pino({ level: 'silent' });

let host: BrowserHost;
let composed: ComposedApp;
let rendererDir: string;

beforeEach(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'host-test-'));
  await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body>app</body></html>');
  composed = await composeApp({
    info: { version: '0.0.0-test', host: 'browser', demo: true },
    logger: silent,
    dataDir: await mkdtemp(join(tmpdir(), 'host-test-data-')),
    openExternal: () => Promise.resolve(false),
    ledgerTransport: noDeviceProvider,
  });
  host = await startBrowserHost({
    handlers: composed.handlers,
    bus: composed.bus,
    logger: silent,
    rendererDir,
  });
});

afterEach(async () => {
  await host.close();
  await composed.close();
});

function bridgeUrl(token: string | undefined): string {
  const base = host.origin.replace('http:', 'ws:') + '/bridge';
  return token === undefined ? base : `${base}?token=${token}`;
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function connectStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', () => resolve(-1));
  });
}

function openClient(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(bridgeUrl(host.token), { origin: host.origin });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextFrame(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    socket.once('message', (data: Buffer) =>
      resolve(JSON.parse(data.toString()) as Record<string, unknown>),
    );
  });
}

async function callOnce(method: string, input: unknown): Promise<Record<string, unknown>> {
  const socket = await openClient();
  const reply = nextFrame(socket);
  socket.send(JSON.stringify({ type: 'call', id: 1, method, input }));
  const frame = await reply;
  socket.close();
  return frame;
}

async function expectStillServing(): Promise<void> {
  const frame = await callOnce('getAppInfo', {});
  expect(frame).toMatchObject({ type: 'result', id: 1, result: { ok: true } });
}

describe('browser host', () => {
  it('serves a call with the right token and origin', async () => {
    const frame = await callOnce('getAppInfo', {});
    expect(frame).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, value: { version: '0.0.0-test', host: 'browser', demo: true } },
    });
  });

  it('rejects a connection without a token', async () => {
    expect(await connectStatus(bridgeUrl(undefined), host.origin)).toBe(401);
    await expectStillServing();
  });

  it('rejects a connection with a wrong token', async () => {
    const wrong = host.token.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    expect(await connectStatus(bridgeUrl(wrong), host.origin)).toBe(401);
    expect(await connectStatus(bridgeUrl(`${host.token}00`), host.origin)).toBe(401);
    await expectStillServing();
  });

  it('rejects a foreign origin even with the token', async () => {
    expect(await connectStatus(bridgeUrl(host.token), 'http://evil.example')).toBe(403);
    expect(await connectStatus(bridgeUrl(host.token), 'http://localhost:1')).toBe(403);
    expect(await connectStatus(bridgeUrl(host.token), undefined)).toBe(403);
    await expectStillServing();
  });

  it('closes a connection that sends an oversized frame', async () => {
    const socket = await openClient();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(maxFrameBytes + 1));
    expect(await closed).toBe(1009);
    await expectStillServing();
  });

  it.each([
    ['not JSON', '{"type":'],
    ['a JSON string', '"call"'],
    ['a call without id', JSON.stringify({ type: 'call', method: 'getAppInfo', input: {} })],
    ['an unknown frame type', JSON.stringify({ type: 'shell', id: 1, command: 'ls' })],
    [
      'extra frame fields',
      JSON.stringify({ type: 'call', id: 1, method: 'getAppInfo', input: {}, x: 1 }),
    ],
  ])('answers %s with an error and keeps the connection', async (_label, frame) => {
    const socket = await openClient();
    const reply = nextFrame(socket);
    socket.send(frame);
    expect(await reply).toMatchObject({ type: 'error', error: { code: 'INVALID_REQUEST' } });

    const next = nextFrame(socket);
    socket.send(JSON.stringify({ type: 'call', id: 2, method: 'getAppInfo', input: {} }));
    expect(await next).toMatchObject({ type: 'result', id: 2, result: { ok: true } });
    socket.close();
  });

  it('answers a binary frame with an error', async () => {
    const socket = await openClient();
    const reply = nextFrame(socket);
    socket.send(Buffer.from([1, 2, 3]));
    expect(await reply).toMatchObject({ type: 'error', error: { code: 'INVALID_REQUEST' } });
    socket.close();
  });

  it('returns INVALID_REQUEST for bad input and UNKNOWN_METHOD for unknown names', async () => {
    expect(await callOnce('updateSettings', { theme: 'neon' })).toMatchObject({
      result: { ok: false, error: { code: 'INVALID_REQUEST' } },
    });
    expect(await callOnce('require', { id: 'child_process' })).toMatchObject({
      result: { ok: false, error: { code: 'UNKNOWN_METHOD' } },
    });
  });

  it('pushes events to connected pages', async () => {
    const socket = await openClient();
    const frames: Record<string, unknown>[] = [];
    socket.on('message', (data: Buffer) =>
      frames.push(JSON.parse(data.toString()) as Record<string, unknown>),
    );
    const done = new Promise<void>((resolve) => {
      socket.on('message', () => {
        if (frames.length === 2) resolve();
      });
    });
    socket.send(
      JSON.stringify({ type: 'call', id: 5, method: 'updateSettings', input: { theme: 'dark' } }),
    );
    await done;
    const event = frames.find((frame) => frame['type'] === 'event');
    expect(event?.['name']).toBe('settingsChanged');
    expect(event?.['payload']).toMatchObject({ theme: 'dark' });
    socket.close();
  });

  it('serves the page with the bridge script and a strict CSP', async () => {
    const response = await fetch(`${host.origin}/`);
    const body = await response.text();
    expect(body).toContain('<script src="/__bridge.js"></script>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await fetch(`${host.origin}/__bridge.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('/bridge');
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const response = await fetch(`${host.origin}${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it('answers malformed percent-encoding with 400', async () => {
    const response = await fetch(`${host.origin}/%E0%A4%A`);
    expect(response.status).toBe(400);
    await expectStillServing();
  });

  it('listens on the loopback address only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
  });
});
