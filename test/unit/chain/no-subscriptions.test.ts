import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

const SOURCE_ROOT = join(__dirname, '../../../src');

/**
 * web3.js calls that wait on a WebSocket subscription. The local chain serves no WebSocket,
 * and subscriptions bypass the RPC service's failover, so app code polls
 * getSignatureStatuses instead.
 */
const SUBSCRIPTION_CALL =
  /\.(confirmTransaction|onSignature|onSignatureWithOptions|onAccountChange|onProgramAccountChange|onSlotChange|onSlotUpdate|onRootChange|onLogs)\(|sendAndConfirm(Raw)?Transaction\(/;

async function listSourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await listSourceFiles(path)));
    } else if (/\.tsx?$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

describe('app source', () => {
  it('uses no WebSocket subscriptions', async () => {
    const files = await listSourceFiles(SOURCE_ROOT);
    const offenders: string[] = [];
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        if (SUBSCRIPTION_CALL.test(line)) {
          offenders.push(`${relative(SOURCE_ROOT, file)}:${index + 1}: ${line.trim()}`);
        }
      });
    }

    expect(files.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
