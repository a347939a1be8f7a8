import { join } from 'node:path';

import { build } from 'esbuild';

// The page side lives with the other code that runs in the page.
const pageBridgeEntry = join(__dirname, '../../renderer/page-bridge/index.ts');

/** Bundles the page side of the bridge into one classic script, in memory. */
export async function buildPageBridge(): Promise<string> {
  const result = await build({
    entryPoints: [pageBridgeEntry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) {
    throw new Error('esbuild produced no output for the page bridge.');
  }
  return output.text;
}
