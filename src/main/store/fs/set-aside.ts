import { access, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { SetAsideReason } from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import {
  describeFileError,
  formatFileTime,
  resolveStorePath,
  type StoreContext,
} from '../store-context';
import { syncDirectory } from './durable-file';

/**
 * Moves a damaged file to `<name>.corrupt-<time>` so the store can rebuild it while the
 * original stays on disk for inspection. Logs the reason and emits an event for the UI.
 * Returns the new name, relative to the data folder.
 */
export async function setAsideFile(
  context: StoreContext,
  relativePath: string,
  reason: SetAsideReason,
  detail: string,
): Promise<string> {
  const setAsideAs = await chooseSetAsideName(context, relativePath);
  const source = resolveStorePath(context, relativePath);

  try {
    await rename(source, resolveStorePath(context, setAsideAs));
    await syncDirectory(dirname(source));
  } catch (error) {
    throw new WalletError(
      'STORE_READ_FAILED',
      { file: relativePath, reason: describeFileError(error) },
      `${relativePath} is damaged (${detail}) and could not be moved aside`,
      { cause: error },
    );
  }

  context.logger.error(
    { file: relativePath, setAsideAs, reason, detail },
    'moved a damaged file aside; the store rebuilds it',
  );
  context.emit({ type: 'fileSetAside', file: relativePath, setAsideAs, reason, detail });
  return setAsideAs;
}

/** Returns an unused `<name>.corrupt-<time>` name for a file about to be moved aside. */
export async function chooseSetAsideName(
  context: StoreContext,
  relativePath: string,
): Promise<string> {
  const preferred = `${relativePath}.corrupt-${formatFileTime(context.now())}`;
  // rename() silently replaces an existing target, which would destroy an earlier copy.
  for (let attempt = 0; ; attempt += 1) {
    const candidate = attempt === 0 ? preferred : `${preferred}-${attempt}`;
    try {
      await access(resolveStorePath(context, candidate));
    } catch {
      return candidate;
    }
  }
}
