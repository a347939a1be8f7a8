import type { ClusterId } from '../../shared/domain/chain';
import type { SnapshotKind } from '../../shared/domain/store';

/** Location of each file inside the data folder, with forward slashes. */
export const storeLayout = {
  lock: 'lock',
  accounts: 'accounts.json',
  settings: 'settings.json',
  snapshotsFolder: 'snapshots',
  pendingFolder: 'pending',
  pendingJournal: 'pending/journal.jsonl',
  auditFolder: 'audit',
  auditLog: 'audit/audit.jsonl',
  auditHead: 'audit/audit-head.json',
} as const;

/** Folders created at open. Temporary files left in them by a crash are removed then. */
export const storeFolders = [
  '',
  storeLayout.snapshotsFolder,
  storeLayout.pendingFolder,
  storeLayout.auditFolder,
] as const;

export function snapshotFile(kind: SnapshotKind, cluster: ClusterId): string {
  return `${storeLayout.snapshotsFolder}/${cluster}-${kind}.json`;
}

export function pendingTransactionFile(id: string): string {
  return `${storeLayout.pendingFolder}/${id}.json`;
}

const pendingFilePattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

/** Returns the transaction id a file name in the pending folder belongs to, if any. */
export function parsePendingTransactionFileName(name: string): string | null {
  return pendingFilePattern.exec(name)?.[1] ?? null;
}
