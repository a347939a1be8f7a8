import { join } from 'node:path';

import { build } from 'esbuild';

const panelPageEntry = join(__dirname, 'page/main.ts');

/** Bundles the panel's page script into one classic script, in memory, at demo start. */
export async function buildPanelScript(): Promise<string> {
  const result = await build({
    entryPoints: [panelPageEntry],
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
    throw new Error('esbuild produced no output for the device panel script.');
  }
  return output.text;
}
