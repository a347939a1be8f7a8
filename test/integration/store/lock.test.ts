import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { StoreService } from '../../../src/main/store';
import { createDataFolder, silentLogger } from './fixtures';

let folder: Awaited<ReturnType<typeof createDataFolder>>;

beforeEach(async () => {
  folder = await createDataFolder();
});

afterEach(async () => {
  await folder.remove();
});

const lockPath = () => join(folder.directory, 'lock');

/** Runs a process that exits at once and returns its id, which then names no running process. */
async function finishedProcessId(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('close', resolve));
  if (child.pid === undefined) {
    throw new Error('child process did not start');
  }
  return child.pid;
}

describe('data folder lock', () => {
  it('rejects a folder another running process holds', async () => {
    // The parent of the test worker is running for as long as the test runs.
    await writeFile(lockPath(), String(process.ppid));
    const store = new StoreService({ directory: folder.directory, logger: silentLogger });
    await expect(store.open()).rejects.toMatchObject({
      code: 'STORE_LOCKED',
      context: { ownerPid: process.ppid },
    });
  });

  it('takes over the lock of a process that died', async () => {
    await writeFile(lockPath(), String(await finishedProcessId()));
    const store = new StoreService({ directory: folder.directory, logger: silentLogger });
    await store.open();
    expect(await readFile(lockPath(), 'utf8')).toBe(String(process.pid));
  });

  it('takes over an empty lock file', async () => {
    await writeFile(lockPath(), '');
    const store = new StoreService({ directory: folder.directory, logger: silentLogger });
    await store.open();
    expect(await readFile(lockPath(), 'utf8')).toBe(String(process.pid));
  });

  it('releases the lock on close', async () => {
    const store = new StoreService({ directory: folder.directory, logger: silentLogger });
    await store.open();
    await store.close();
    await expect(readFile(lockPath())).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
