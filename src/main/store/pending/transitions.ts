import type { PendingStatusKind } from '../../../shared/domain/store';

/**
 * Status changes a pending transaction may make. finalized and failed are terminal.
 * expired and stale may still turn into confirmed or finalized, because a transaction
 * whose blockhash ran out, or whose nonce moved on, may have landed after all. Reporting
 * it as lost would invite a second transaction for the same intent. confirmed may fall back
 * to sent or expired because the cluster can still skip the block it was confirmed in.
 */
const allowedTransitions: Record<PendingStatusKind, readonly PendingStatusKind[]> = {
  unsigned: ['signed', 'failed', 'stale', 'expired'],
  signed: ['sent', 'confirmed', 'finalized', 'failed', 'stale', 'expired'],
  sent: ['sent', 'confirmed', 'finalized', 'failed', 'stale', 'expired'],
  confirmed: ['finalized', 'sent', 'expired'],
  finalized: [],
  failed: [],
  stale: ['confirmed', 'finalized'],
  expired: ['confirmed', 'finalized'],
};

export function canTransition(from: PendingStatusKind, to: PendingStatusKind): boolean {
  return allowedTransitions[from].includes(to);
}

/**
 * Returns whether deleting a record in this status is safe. A signed, sent or confirmed
 * transaction may still land, so it has to reach another status first.
 */
export function isRemovable(status: PendingStatusKind): boolean {
  switch (status) {
    case 'unsigned':
    case 'finalized':
    case 'failed':
    case 'stale':
    case 'expired':
      return true;
    case 'signed':
    case 'sent':
    case 'confirmed':
      return false;
  }
}
