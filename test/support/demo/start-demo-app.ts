import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { Logger } from 'pino';

import { startBrowserHost, type BrowserHost } from '../../../src/main/browser-host/server';
import { composeApp } from '../../../src/main/compose';
import { createLogger } from '../../../src/main/logging';
import { createMemorySettingsPersistence } from '../../../src/main/settings-service';
import packageJson from '../../../package.json';

export interface DemoAppOptions {
  /** Folder for this run's data; a new temporary folder when absent. */
  dataDir?: string;
  /** 0 or absent picks a free port. */
  port?: number;
  /** Folder of the built renderer; out/renderer by default. */
  rendererDir?: string;
  logger?: Logger;
}

export interface DemoApp {
  url: string;
  origin: string;
  dataDir: string;
  host: BrowserHost;
  close(): Promise<void>;
}

/**
 * Starts the whole app in demo mode behind the browser host: the same services and
 * contract as the desktop app, for `npm run demo` and the end-to-end tests.
 */
export async function startDemoApp(options: DemoAppOptions = {}): Promise<DemoApp> {
  const logger = options.logger ?? createLogger('demo');
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'stake-desk-demo-')));
  const rendererDir = options.rendererDir ?? resolve(__dirname, '../../../out/renderer');

  const composed = composeApp({
    info: { version: packageJson.version, host: 'browser', demo: true },
    logger,
    settingsPersistence: createMemorySettingsPersistence(),
    openExternal: () => Promise.resolve(false),
  });

  const host = await startBrowserHost({
    handlers: composed.handlers,
    bus: composed.bus,
    logger: logger.child({ subsystem: 'browser-host' }),
    rendererDir,
    port: options.port ?? 0,
  });

  return {
    url: host.url,
    origin: host.origin,
    dataDir,
    host,
    close: async () => {
      await host.close();
      await composed.close();
    },
  };
}
