import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

import {
  pendingTransactionSchema,
  storeFileVersions,
  type PendingTransaction,
} from '../../../shared/domain/store';
import { syncDirectory } from '../fs/durable-file';
import { pendingTransactionFile } from '../layout';
import { describeFileError, resolveStorePath, type StoreContext } from '../store-context';
import type { DocumentSpec } from '../versioned-document';

export function recordSpec(id: string): DocumentSpec<PendingTransaction> {
  return {
    file: pendingTransactionFile(id),
    version: storeFileVersions.pendingTransaction,
    schema: pendingTransactionSchema,
    migrations: [],
  };
}

/**
 * Deletes the file of a removed record. A failure is only logged, because the journal
 * already records the removal and the next open() deletes the file.
 */
export async function deleteRecordFile(context: StoreContext, id: string): Promise<void> {
  const path = resolveStorePath(context, pendingTransactionFile(id));
  try {
    await context.queue.run(path, () => unlink(path));
    await syncDirectory(dirname(path));
  } catch (error) {
    context.logger.warn(
      { id, reason: describeFileError(error) },
      'could not delete a removed pending transaction file',
    );
  }
}
