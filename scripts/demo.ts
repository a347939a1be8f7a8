import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { startDemoApp } from '../test/support/demo/start-demo-app';

const usage = `Usage: npm run demo -- [--port N] [--data-dir FOLDER]

Starts the app in a browser host with an emulated Ledger and a local chain, and a device
panel page that shows the emulated Ledger and presses its buttons.
  --port N           port on 127.0.0.1 to serve on (default: a free port)
  --data-dir FOLDER  folder for the app's data (default: a new temporary folder)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    process.stdout.write(`${usage}\n`);
    return;
  }

  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got "${values.port}".`);
  }
  const rendererDir = resolve(__dirname, '../out/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built; run `npm run build` first.');
  }

  const demo = await startDemoApp({
    port,
    rendererDir,
    localnet: true,
    ...(values['data-dir'] !== undefined ? { dataDir: resolve(values['data-dir']) } : {}),
  });
  process.stdout.write(`\nDemo running. Open these addresses in Chromium:\n\n`);
  process.stdout.write(`  App:          ${demo.url}\n`);
  process.stdout.write(`  Device panel: ${demo.panelUrl}\n\n`);
  if (demo.localnet !== null) {
    process.stdout.write(`Local chain RPC: ${demo.localnet.url}\n`);
  }
  process.stdout.write(`Data folder: ${demo.dataDir}\nPress Ctrl+C to stop.\n`);

  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
