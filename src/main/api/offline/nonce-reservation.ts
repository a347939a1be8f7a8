import type { PendingTransaction } from '../../../shared/domain/store';

/**
 * Statuses in which a queued transaction still needs its nonce unchanged. Once a transaction
 * lands the nonce advances, even when the transaction fails, and stale or expired ones can
 * no longer use it.
 */
export const NONCE_HOLDING_STATUSES = new Set<PendingTransaction['status']['kind']>([
  'unsigned',
  'signed',
  'sent',
]);

/**
 * Finds the queued transaction that reserves the nonce of `nonceAccount`. A record with the
 * bytes of `exceptMessage` is skipped, because a queued transaction under review does not
 * conflict with itself.
 */
export function findNonceHolder(
  records: readonly PendingTransaction[],
  nonceAccount: string,
  exceptMessage?: Uint8Array,
): PendingTransaction | undefined {
  const exceptBase64 =
    exceptMessage === undefined ? undefined : Buffer.from(exceptMessage).toString('base64');
  return records.find(
    (record) =>
      NONCE_HOLDING_STATUSES.has(record.status.kind) &&
      record.lifetime.kind === 'durableNonce' &&
      record.lifetime.nonceAccount === nonceAccount &&
      record.messageBase64 !== exceptBase64,
  );
}
