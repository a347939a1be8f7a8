import type { PendingItem } from '../../../../shared/contract/offline';

/** Intent kind of the queued transaction that creates a nonce account. */
const CREATE_NONCE_INTENT = 'createNonceAccount';

/**
 * Returns true when a queue change may have changed the nonce table: a transaction that
 * creates or uses a nonce account changed status or left the queue. A confirmed creation adds
 * an account, and a landed, stale or removed nonce transaction frees its reservation.
 */
export function nonceListOutdated(previous: PendingItem[], next: PendingItem[]): boolean {
  const nextById = new Map(next.map((item) => [item.id, item]));
  return previous.some((item) => {
    if (!touchesNonce(item)) {
      return false;
    }
    const after = nextById.get(item.id);
    return after === undefined || after.status.kind !== item.status.kind;
  });
}

function touchesNonce(item: PendingItem): boolean {
  return item.intent.kind === CREATE_NONCE_INTENT || item.lifetime.kind === 'durableNonce';
}
