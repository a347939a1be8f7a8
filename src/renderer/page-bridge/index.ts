// Runs in the page served by the browser host, before the app's own script: it defines
// `window.wallet` over the loopback WebSocket with the same shape the Electron preload
// gives. It is built on the fly by the host and never shipped in the packaged app.
import {
  isEventName,
  methodNames,
  type MethodName,
  type Result,
  type WalletApi,
} from '../../shared/contract';
import { createWalletApi, type EventListenerSet } from '../../shared/contract/client';
import { WalletError } from '../../shared/errors';
import { bridgePath, type HostFrame } from '../../shared/contract/socket-protocol';

const tokenKey = 'wallet-bridge-token';

function readToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

const token = readToken();
const listeners: EventListenerSet = new Map();
const pending = new Map<number, (result: Result<unknown>) => void>();
const queued: string[] = [];
let socket: WebSocket | undefined;
let nextId = 1;
let retryDelay = 250;
// Connections that closed before they opened, in a row. The host refuses a missing or
// wrong token before the socket opens, so after a few such closes retrying is pointless.
let rejectedInARow = 0;
const maxRejections = 3;
let tokenRejected = token === '';

function disconnected(): Result<never> {
  const code = tokenRejected ? 'BRIDGE_TOKEN_REJECTED' : 'BRIDGE_DISCONNECTED';
  return { ok: false, error: new WalletError(code, {}).toData() };
}

function handleFrame(frame: HostFrame): void {
  if (frame.type === 'result') {
    pending.get(frame.id)?.(frame.result as Result<unknown>);
    pending.delete(frame.id);
  } else if (frame.type === 'event' && isEventName(frame.name)) {
    for (const listener of listeners.get(frame.name) ?? []) {
      listener(frame.payload);
    }
  }
}

function connect(): void {
  const url = `ws://${window.location.host}${bridgePath}?token=${encodeURIComponent(token)}`;
  const current = new WebSocket(url);
  socket = current;

  let opened = false;
  current.addEventListener('open', () => {
    opened = true;
    rejectedInARow = 0;
    retryDelay = 250;
    for (const frame of queued.splice(0)) {
      current.send(frame);
    }
  });
  current.addEventListener('message', (event: MessageEvent<string>) => {
    handleFrame(JSON.parse(event.data) as HostFrame);
  });
  current.addEventListener('close', () => {
    rejectedInARow = opened ? 0 : rejectedInARow + 1;
    tokenRejected = rejectedInARow >= maxRejections;
    // Calls made before any connection opened stay queued through the first refusals, so
    // they end with the real reason rather than a passing disconnect.
    if (opened || tokenRejected) {
      failPending();
    }
    if (tokenRejected) {
      return;
    }
    window.setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 5_000);
  });
}

function failPending(): void {
  for (const resolve of pending.values()) {
    resolve(disconnected());
  }
  pending.clear();
  queued.length = 0;
}

function callHost(method: MethodName, input: unknown): Promise<Result<unknown>> {
  if (tokenRejected) {
    return Promise.resolve(disconnected());
  }
  const id = nextId++;
  const frame = JSON.stringify({ type: 'call', id, method, input });
  return new Promise((resolve) => {
    pending.set(id, resolve);
    if (socket?.readyState === WebSocket.OPEN) {
      socket.send(frame);
    } else {
      queued.push(frame);
    }
  });
}

const api: WalletApi = createWalletApi(methodNames, callHost, listeners);
Object.defineProperty(window, 'wallet', { value: api, writable: false, configurable: false });
if (!tokenRejected) {
  connect();
}
