import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

import { PublicKey } from '@solana/web3.js';
import type { Logger } from 'pino';
import { ZodError, z } from 'zod';

import type { ExtraRoute } from '../../../src/main/browser-host/server';
import type { EmulatorEvent, LedgerEmulator } from '../ledger-emulator';
import { buildPanelScript } from './build-panel-script';
import { applyChainControl, readServing, type PanelChain } from './chain-commands';
import { applyDeviceControl, ControlConflictError } from './device-commands';
import {
  baseHeaders,
  isSameSecret,
  PanelHttpError,
  readJsonBody,
  readToken,
  sendError,
  sendJson,
} from './http';
import { panelCsp, renderPanelHtml } from './panel-html';
import {
  chainControlNames,
  deviceControlNames,
  panelControlPrefix,
  panelEventsPath,
  panelPath,
  panelScriptPath,
  panelStylePath,
  stateEventName,
  type ChainControlName,
  type ChainView,
  type DeviceAccount,
  type DeviceControlName,
  type PanelState,
  type SettledRequest,
} from './protocol';

export interface DevicePanelOptions {
  emulator: LedgerEmulator;
  logger: Logger;
  /** The local chain of this run; when absent, the chain section shows that there is none. */
  chain?: PanelChain | null;
  /**
   * Apps besides Solana that the emulator can open; by default the emulator's own default
   * list. NOTE: the emulator keeps its list private, so a caller that gives the emulator
   * other apps must pass their names here too.
   */
  otherApps?: readonly string[];
}

/** Origin and token of the browser host that serves the panel. */
export interface PanelHost {
  readonly origin: string;
  readonly token: string;
}

/** Keys whose addresses the chain section offers to fund: the three common derivation schemes. */
const accountPaths = ["44'/501'", "44'/501'/0'", "44'/501'/0'/0'"];

/** Same names as the emulator's default `otherApps`. */
const defaultOtherApps = ['Ethereum', 'Bitcoin'];

const panelStyleFile = join(__dirname, 'page/panel.css');

/**
 * The device panel of the demo: a page at `/device` on the browser host that shows the
 * emulated Ledger live over server-sent events, and POST routes that press its buttons and
 * change its settings. Every route needs the host's run token; controls also need the
 * host's Origin. Only `startDemoApp` wires it, so the packaged app never contains it.
 */
export class DevicePanelService {
  /** Pass to the browser host's `extraRoutes`. */
  readonly route: ExtraRoute = (request, response) => this.serve(request, response);

  private readonly emulator: LedgerEmulator;
  private readonly logger: Logger;
  private readonly chain: PanelChain | null;
  private readonly otherApps: readonly string[];
  private readonly accounts: readonly DeviceAccount[];
  private readonly streams = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;
  private host: PanelHost | null = null;
  private script: string | null = null;
  private style: string | null = null;
  private revision = 0;
  private lastSettled: SettledRequest | null = null;
  private chainView: ChainView;
  private closed = false;

  constructor(options: DevicePanelOptions) {
    this.emulator = options.emulator;
    this.logger = options.logger;
    this.chain = options.chain ?? null;
    this.otherApps = options.otherApps ?? defaultOtherApps;
    this.accounts = accountPaths.map((path) => ({
      path,
      address: new PublicKey(this.emulator.publicKey(path)).toBase58(),
    }));
    this.chainView =
      this.chain === null ? { kind: 'absent' } : { kind: 'loading', url: this.chain.url };
    this.unsubscribe = this.emulator.subscribe((event) => this.onEmulatorEvent(event));
  }

  /** Builds the page script and starts serving with the host's origin and token. */
  async attach(host: PanelHost): Promise<void> {
    this.script = await buildPanelScript();
    this.style = await readFile(panelStyleFile, 'utf8');
    this.host = host;
    this.logger.info({ url: `${host.origin}${panelPath}` }, 'device panel ready');
    await this.refreshChain();
  }

  /** Address of the panel page with the run token, once attached. */
  get url(): string {
    if (this.host === null) {
      throw new Error('The device panel is not attached to a browser host yet.');
    }
    return `${this.host.origin}${panelPath}?token=${this.host.token}`;
  }

  get state(): PanelState {
    return {
      revision: this.revision,
      device: this.emulator.status,
      settings: this.emulator.settings,
      otherApps: this.otherApps,
      request: this.emulator.currentRequest,
      lastSettled: this.lastSettled,
      accounts: this.accounts,
      chain: this.chainView,
    };
  }

  /** Ends every event stream and refuses later requests; call before closing the host. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const stream of this.streams) {
      stream.end();
    }
    this.streams.clear();
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://panel.invalid');
    if (url.pathname !== panelPath && !url.pathname.startsWith(`${panelPath}/`)) {
      return false;
    }

    try {
      const host = this.authorize(request, url);
      await this.dispatch(request, response, url, host);
    } catch (error) {
      this.sendFailure(response, url, error);
    }
    return true;
  }

  private authorize(request: IncomingMessage, url: URL): PanelHost {
    const host = this.host;
    if (this.closed || host === null) {
      throw new PanelHttpError(503, 'The device panel is not running.');
    }

    // Browsers send Origin with every POST and with cross-origin reads. A same-origin page
    // load or event stream may come without one, so the token alone guards those.
    const origin = request.headers.origin;
    const mustHaveOrigin = request.method !== 'GET' && request.method !== 'HEAD';
    if ((mustHaveOrigin || origin !== undefined) && origin !== host.origin) {
      throw new PanelHttpError(
        403,
        `Origin ${origin ?? '(none)'} may not use the device panel; open it from ${host.origin}.`,
      );
    }
    if (!isSameSecret(readToken(request, url), host.token)) {
      throw new PanelHttpError(
        401,
        'The run token is missing or invalid; open the device panel address the demo printed.',
      );
    }
    return host;
  }

  private async dispatch(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    host: PanelHost,
  ): Promise<void> {
    if (url.pathname.startsWith(panelControlPrefix)) {
      requireMethod(request, 'POST');
      await this.control(request, response, url.pathname.slice(panelControlPrefix.length));
      return;
    }

    requireMethod(request, 'GET');
    switch (url.pathname) {
      case panelPath:
        this.sendAsset(response, 'text/html; charset=utf-8', renderPanelHtml(host.token));
        return;
      case panelScriptPath:
        this.sendAsset(response, 'text/javascript; charset=utf-8', this.script ?? '');
        return;
      case panelStylePath:
        this.sendAsset(response, 'text/css; charset=utf-8', this.style ?? '');
        return;
      case panelEventsPath:
        this.openStream(request, response);
        return;
      default:
        throw new PanelHttpError(404, `No device panel route at ${url.pathname}.`);
    }
  }

  private async control(
    request: IncomingMessage,
    response: ServerResponse,
    name: string,
  ): Promise<void> {
    if (!isDeviceControl(name) && !isChainControl(name)) {
      throw new PanelHttpError(404, `Unknown control "${name}".`);
    }
    const body = await readJsonBody(request);

    if (isDeviceControl(name)) {
      applyDeviceControl(this.emulator, name, body);
    } else {
      await this.controlChain(name, body);
    }
    this.logger.info({ control: name }, 'device panel control applied');
    sendJson(response, 200, { ok: true, state: this.state });
  }

  private async controlChain(name: ChainControlName, body: unknown): Promise<void> {
    const chain = this.chain;
    if (chain === null) {
      throw new PanelHttpError(404, 'This demo runs without a local chain.');
    }
    const result = await applyChainControl(chain, name, body);
    const lastFunding =
      result.kind === 'funded' ? { address: result.address, signature: result.signature } : null;
    await this.refreshChain(lastFunding);
  }

  /** Reads the chain position again and sends it; keeps the last funding unless given a newer one. */
  private async refreshChain(
    funding: { address: string; signature: string } | null = null,
  ): Promise<void> {
    const chain = this.chain;
    if (chain === null) {
      return;
    }
    const previous = this.chainView.kind === 'ready' ? this.chainView.lastFunding : null;
    try {
      const [info, serving] = await Promise.all([chain.getEpochInfo(), readServing(chain)]);
      this.chainView = {
        kind: 'ready',
        url: chain.url,
        epoch: info.epoch,
        slotIndex: info.slotIndex,
        slotsInEpoch: info.slotsInEpoch,
        absoluteSlot: info.absoluteSlot,
        serving,
        lastFunding: funding ?? previous,
      };
    } catch (error) {
      this.logger.error({ err: error }, 'failed to read the local chain position');
      const message = error instanceof Error ? error.message : String(error);
      this.chainView = { kind: 'failed', url: chain.url, message };
    }
    this.publish();
  }

  private openStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...baseHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    // A short retry delay, because the panel's server is on the same machine.
    response.write('retry: 1000\n\n');
    this.streams.add(response);
    this.logger.info({ streams: this.streams.size }, 'device panel connected');
    writeState(response, this.state);

    request.on('close', () => {
      this.streams.delete(response);
      this.logger.info({ streams: this.streams.size }, 'device panel disconnected');
    });
  }

  private onEmulatorEvent(event: EmulatorEvent): void {
    if (event.type === 'request-settled') {
      this.lastSettled = {
        id: event.request.id,
        kind: event.request.kind,
        outcome: event.outcome,
      };
    }
    this.publish();
  }

  private publish(): void {
    this.revision += 1;
    const state = this.state;
    for (const stream of this.streams) {
      writeState(stream, state);
    }
  }

  private sendAsset(response: ServerResponse, type: string, body: string): void {
    response.writeHead(200, {
      ...baseHeaders,
      'Content-Type': type,
      'Content-Security-Policy': panelCsp,
    });
    response.end(body);
  }

  private sendFailure(response: ServerResponse, url: URL, error: unknown): void {
    const { status, message } = describeFailure(error);
    const headers = error instanceof PanelHttpError ? error.headers : {};
    if (status >= 500) {
      this.logger.error({ err: error, path: url.pathname }, 'device panel request failed');
    } else {
      this.logger.warn(
        { status, path: url.pathname, reason: message },
        'device panel request rejected',
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    sendError(response, status, message, headers);
  }
}

function describeFailure(error: unknown): { status: number; message: string } {
  if (error instanceof PanelHttpError) {
    return { status: error.status, message: error.message };
  }
  if (error instanceof ZodError) {
    return { status: 400, message: `Invalid control: ${z.prettifyError(error)}` };
  }
  if (error instanceof ControlConflictError) {
    return { status: 409, message: error.message };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { status: 500, message: `The control failed: ${reason}` };
}

function requireMethod(request: IncomingMessage, method: 'GET' | 'POST'): void {
  if (request.method !== method) {
    throw new PanelHttpError(405, `Use ${method} for this device panel route.`, { Allow: method });
  }
}

function writeState(stream: ServerResponse, state: PanelState): void {
  stream.write(`event: ${stateEventName}\ndata: ${JSON.stringify(state)}\n\n`);
}

function isDeviceControl(name: string): name is DeviceControlName {
  return (deviceControlNames as readonly string[]).includes(name);
}

function isChainControl(name: string): name is ChainControlName {
  return (chainControlNames as readonly string[]).includes(name);
}
