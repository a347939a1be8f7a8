import { open, readFile, unlink } from 'node:fs/promises';

export type LockResult = { acquired: true } | { acquired: false; ownerPid: number };

/**
 * Takes `lock` in the data folder for this process: creates it holding our process id, or
 * takes it over when its owner is no longer running (a crash leaves the file behind). Our
 * own process id counts as free, so a store reopened in the same process does not block.
 *
 * A process id reused by an unrelated program after a crash keeps the folder locked until
 * that program exits. Deleting the lock file by hand releases it.
 */
export async function acquireFolderLock(path: string): Promise<LockResult> {
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(String(process.pid));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { acquired: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }

    const ownerPid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isRunning(ownerPid)) {
      return { acquired: false, ownerPid };
    }
    // NOTE: two processes that find the same stale lock at the same moment can both
    // remove it, and a slow one may remove the fresh lock of the other. Electron's
    // single-instance lock keeps two app windows from starting together.
    await unlink(path).catch(() => undefined);
  }
}

export async function releaseFolderLock(path: string): Promise<void> {
  const ownerPid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
  if (ownerPid === process.pid) {
    // NOTE: two processes that find the same stale lock at the same moment can both
    // remove it, and a slow one may remove the fresh lock of the other. Electron's
    // single-instance lock keeps two app windows from starting together.
    await unlink(path).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
