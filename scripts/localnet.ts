// Starts the local chain alone and prints its JSON-RPC URL.
//   npm run localnet -- [--port 8899] [--slot-ms 400]
// --port     TCP port on 127.0.0.1: default 8899, the usual Solana RPC port, and 0 picks a free one
// --slot-ms  advance one slot every this many milliseconds (default: only on request)
import { parseArgs } from 'node:util';

import pino from 'pino';

import { startLocalnet } from '../test/support/localnet';

const DEFAULT_PORT = 8899;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      'slot-ms': { type: 'string' },
    },
  });
  const port = Number(values.port);
  const slotMs = values['slot-ms'] === undefined ? undefined : Number(values['slot-ms']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  }
  if (slotMs !== undefined && !(slotMs > 0)) {
    throw new Error(`--slot-ms must be a positive number, got ${values['slot-ms']}`);
  }

  const logger = pino({ level: 'info' });
  const localnet = await startLocalnet({ port, logger, slotIntervalMs: slotMs });
  const epoch = await localnet.getEpochInfo();

  console.log(`Local chain JSON-RPC: ${localnet.url}`);
  console.log(
    `Epoch ${epoch.epoch}, slot ${epoch.absoluteSlot}; faucet ${localnet.faucet.toBase58()}`,
  );
  console.log(`Controls: POST ${localnet.url}/control/{advance-slots,advance-epochs,fund,...}`);

  const stop = (): void => {
    localnet.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('failed to stop the local chain:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
