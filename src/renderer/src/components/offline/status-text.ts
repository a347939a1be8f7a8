import type { PendingItem } from '../../../../shared/contract/offline';
import type { PendingStatus } from '../../../../shared/domain/store';

/** Describes a queue item's status in words, with the reason where the store has one. */
export function describeStatus(status: PendingStatus): string {
  switch (status.kind) {
    case 'unsigned':
      return 'Waiting for a signature';
    case 'signed':
      return 'Signed, waiting to be sent';
    case 'sent':
      return status.sendCount === 1
        ? 'Sent, waiting for confirmation'
        : `Sent ${status.sendCount} times, waiting for confirmation`;
    case 'confirmed':
      return `Confirmed in slot ${status.slot}`;
    case 'finalized':
      return `Finalized in slot ${status.slot}`;
    case 'failed':
      return `Failed: ${status.reason}`;
    case 'stale':
      return `Stale, not sent again: ${status.reason}`;
    case 'expired':
      return 'Expired: its blockhash ran out before it landed, so it was not sent again';
  }
}

/**
 * Describes how long a queue item stays valid, or returns null once it can no longer be sent
 * (confirmed, finalized, failed, stale or expired), because its validity no longer matters.
 */
export function describeLifetime(item: PendingItem): string | null {
  if (!canStillLand(item.status)) {
    return null;
  }
  switch (item.lifetime.kind) {
    case 'durableNonce':
      return `Durable nonce ${item.lifetime.nonceAccount}: valid until the nonce is used`;
    case 'blockhash':
      return `Blockhash: valid up to block height ${item.lifetime.lastValidBlockHeight}`;
  }
}

/** True while the item is unsigned, signed or sent but not yet confirmed, so it may still land. */
function canStillLand(status: PendingStatus): boolean {
  switch (status.kind) {
    case 'unsigned':
    case 'signed':
    case 'sent':
      return true;
    case 'confirmed':
    case 'finalized':
    case 'failed':
    case 'stale':
    case 'expired':
      return false;
  }
}

/** Explains that signed items wait in the queue while offline, in singular or plural. */
export function describeOfflineWait(sendable: number): string {
  const waiting =
    sendable === 1
      ? 'The 1 signed transaction stays here and is sent'
      : `The ${sendable} signed transactions stay here and are sent`;
  return `Offline: sending needs a connection to the cluster. ${waiting} when the network is back.`;
}

/**
 * Describes what importing a signed file did. A file that matches a queued transaction adds
 * its signature only when that transaction was still unsigned. Otherwise the queue is unchanged.
 */
export function describeSignedImport(item: PendingItem, matchedPending: boolean): string {
  if (!matchedPending) {
    return 'The signed transaction was added to the queue.';
  }
  switch (item.status.kind) {
    case 'signed':
      return 'The signature was added to the queued transaction.';
    case 'confirmed':
    case 'finalized':
      return `This transaction was already confirmed in slot ${item.status.slot}, so nothing was changed.`;
    case 'unsigned':
    case 'sent':
    case 'failed':
    case 'stale':
    case 'expired':
      return 'This transaction was already in the queue, so nothing was changed.';
  }
}
