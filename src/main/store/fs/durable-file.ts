import { randomBytes } from 'node:crypto';
import { open, rename, truncate, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Suffix of the temporary files that atomic writes create next to their target. */
export const temporaryFileSuffix = '.tmp';

/**
 * Replaces a file's contents so that a reader sees either the old or the new contents,
 * even if the process dies at any point. The temporary file sits in the target's folder
 * because rename is atomic only within one file system.
 */
export async function writeFileAtomic(path: string, contents: string): Promise<void> {
  const directory = dirname(path);
  const temporaryPath = join(
    directory,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}${temporaryFileSuffix}`,
  );

  try {
    const handle = await open(temporaryPath, 'wx', 0o600);
    try {
      await handle.writeFile(contents, 'utf8');
      // The data must be on disk before the rename makes it visible, or a power loss
      // could leave the new name pointing at an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporaryPath, path);
  } catch (error) {
    await unlink(temporaryPath).catch(() => undefined);
    throw error;
  }

  // The rename lives in the folder's entry table, which needs its own flush.
  await syncDirectory(directory);
}

/**
 * Appends one line and flushes it to disk before returning. On failure the file is cut
 * back to `expectedSize`, so a half-written line never stays in front of the next append.
 */
export async function appendLineDurably(
  path: string,
  line: string,
  expectedSize: number,
): Promise<number> {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  const handle = await open(path, 'a', 0o600);
  try {
    await handle.write(bytes);
    await handle.sync();
  } catch (error) {
    await handle.truncate(expectedSize).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }

  if (expectedSize === 0) {
    // A new file's name must also survive a power loss.
    await syncDirectory(dirname(path));
  }
  return expectedSize + bytes.length;
}

/** Cuts a file to `size` bytes and flushes the change. */
export async function truncateDurably(path: string, size: number): Promise<void> {
  await truncate(path, size);
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (creations, renames, deletions) to disk. */
export async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a folder as a file, and NTFS journals metadata changes itself.
  if (process.platform === 'win32') {
    return;
  }
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
