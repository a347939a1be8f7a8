import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { PublicKey } from '@solana/web3.js';
import type { Logger } from 'pino';

import { startBrowserHost, type BrowserHost } from '../../../src/main/browser-host/server';
import { composeApp } from '../../../src/main/compose';
import { defaultSettings, type SettingsPatch } from '../../../src/shared/domain/settings';
import { createLogger } from '../../../src/main/logging';
import packageJson from '../../../package.json';
import { DevicePanelService } from '../demo-panel';
import { EmulatorProvider } from '../emulated-ledger/emulator-provider';
import { LedgerEmulator, type LedgerEmulatorOptions } from '../ledger-emulator';
import { startLocalnet, type Localnet } from '../localnet';

export interface DemoAppOptions {
  /** Folder for this run's data; a new temporary folder when absent. */
  dataDir?: string;
  /** 0 or absent picks a free port. */
  port?: number;
  /** Folder of the built renderer; out/renderer by default. */
  rendererDir?: string;
  logger?: Logger;
  /** Settings of the emulated Ledger; the Solana app open and waiting for a person by default. */
  emulator?: LedgerEmulatorOptions;
  /**
   * Starts a local chain, points the app at it, funds the emulated Ledger's first accounts
   * and shows the chain on the device panel. On by default. False starts no chain and
   * leaves the app on the settings in its data folder.
   */
  localnet?: boolean;
}

export interface DemoApp {
  url: string;
  origin: string;
  dataDir: string;
  /** Address of the device panel, with the run token. */
  panelUrl: string;
  host: BrowserHost;
  emulator: LedgerEmulator;
  panel: DevicePanelService;
  /** The local chain, when `localnet` was set. */
  localnet: Localnet | null;
  close(): Promise<void>;
}

/**
 * Starts the whole app in demo mode behind the browser host: the same services and
 * contract as the desktop app, for `npm run demo` and the end-to-end tests.
 */
export async function startDemoApp(options: DemoAppOptions = {}): Promise<DemoApp> {
  const logger = options.logger ?? createLogger('app');
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'stake-desk-demo-')));
  const rendererDir = options.rendererDir ?? resolve(__dirname, '../../../out/renderer');

  const emulator = new LedgerEmulator(options.emulator);
  // The production node-hid transport runs over the emulator's fake HID device, so the
  // demo exercises Ledger's USB framing as the desktop app does.
  const ledgerTransport = new EmulatorProvider(emulator, { framing: 'hid' });

  const localnet =
    options.localnet === false
      ? null
      : await startLocalnet({ logger: logger.child({ subsystem: 'localnet' }) });
  if (localnet !== null) {
    await fundDemoAccounts(localnet, emulator);
  }

  const composed = await composeApp({
    ledgerTransport,
    dataDir,
    info: { version: packageJson.version, host: 'browser', demo: true },
    logger,
    openExternal: () => Promise.resolve(false),
    ...(localnet === null ? {} : { initialSettings: localnetSettings(localnet.url) }),
  });

  const otherApps = options.emulator?.otherApps;
  const panel = new DevicePanelService({
    emulator,
    logger: logger.child({ subsystem: 'device-panel' }),
    chain: localnet,
    ...(otherApps === undefined ? {} : { otherApps: Object.keys(otherApps) }),
  });

  const host = await startBrowserHost({
    handlers: composed.handlers,
    bus: composed.bus,
    logger: logger.child({ subsystem: 'browser-host' }),
    rendererDir,
    port: options.port ?? 0,
    extraRoutes: [panel.route],
  });
  await panel.attach({ origin: host.origin, token: host.token });

  return {
    url: host.url,
    origin: host.origin,
    panelUrl: panel.url,
    dataDir,
    host,
    emulator,
    panel,
    localnet,
    close: async () => {
      // The panel ends its event streams first; the host waits for open responses to end.
      panel.close();
      await host.close();
      await composed.close();
      ledgerTransport.dispose();
      await localnet?.close();
    },
  };
}

/** Emulated Ledger accounts the demo funds, one per derivation scheme, with SOL amounts. */
const demoFunding: readonly { path: string; lamports: bigint }[] = [
  { path: "44'/501'/0'", lamports: 25_000_000_000n },
  { path: "44'/501'/1'", lamports: 4_500_000_000n },
  { path: "44'/501'/0'/0'", lamports: 1_250_000_000n },
];

/** Gives the emulated Ledger's first accounts SOL, so account discovery finds them. */
async function fundDemoAccounts(localnet: Localnet, emulator: LedgerEmulator): Promise<void> {
  for (const { path, lamports } of demoFunding) {
    await localnet.fund(new PublicKey(emulator.publicKey(path)), lamports);
  }
}

/** Points the app at the local chain; the local chain's port changes on every start. */
function localnetSettings(url: string): SettingsPatch {
  return { cluster: 'localnet', endpoints: { ...defaultSettings.endpoints, localnet: [url] } };
}
