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

/** Describes how long a queue item stays valid. */
export function describeLifetime(item: PendingItem): string {
  switch (item.lifetime.kind) {
    case 'durableNonce':
      return `Durable nonce ${item.lifetime.nonceAccount}: valid until the nonce is used`;
    case 'blockhash':
      return `Blockhash: valid up to block height ${item.lifetime.lastValidBlockHeight}`;
  }
}
