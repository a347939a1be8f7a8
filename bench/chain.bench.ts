import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { runDecodeBench } from './chain/decodeBench';
import { runRefreshBench } from './chain/refreshBench';

const DECODE_ACCOUNTS = 10_000;
const DECODE_RUNS = 5;
const KEYS = 5;
const ACCOUNTS_PER_KEY = 200;

/**
 * Measures the chain layer: decoding plus activation of 10,000 stake accounts (median of five
 * runs after a warm-up), and the requests of a full refresh of 5 keys with 200 stake accounts
 * each against one request per account. Prints the figures and writes bench/results/chain.json.
 */
async function main(): Promise<void> {
  runDecodeBench(1_000);
  const decodeRuns = Array.from({ length: DECODE_RUNS }, () => runDecodeBench(DECODE_ACCOUNTS));
  const decode = [...decodeRuns].sort((left, right) => left.totalMs - right.totalMs)[
    Math.floor(DECODE_RUNS / 2)
  ];
  if (decode === undefined) {
    throw new Error('no decode run');
  }

  const refresh = await runRefreshBench(KEYS, ACCOUNTS_PER_KEY);

  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
  };
  const results = { measuredAt: new Date().toISOString(), machine, decode, refresh };

  process.stdout.write(
    [
      `machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
      `decode + activation, ${decode.accounts} accounts (median of ${DECODE_RUNS}):`,
      `  ${decode.totalMs} ms total, ${decode.microsecondsPerAccount} µs per account`,
      `  heap ${decode.heapUsedBeforeMb} MB → ${decode.heapUsedAfterMb} MB (+${decode.heapGrowthMb} MB)`,
      `full refresh, ${refresh.keys} keys × ${refresh.accountsPerKey} accounts (${refresh.accountsFound} found):`,
      `  ${refresh.refreshRequests} requests in ${refresh.refreshMs} ms ${JSON.stringify(refresh.refreshRequestsByMethod)}`,
      `one request per account: ${refresh.perAccountRequests} requests in ${refresh.perAccountMs} ms`,
      `ratio: ${refresh.requestRatio}× fewer requests`,
      '',
    ].join('\n'),
  );

  const directory = join(__dirname, 'results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'chain.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${String(error)}\n`);
  process.exitCode = 1;
});
