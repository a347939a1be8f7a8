import type { NonceAccountView } from '../../../shared/contract/offline';

/**
 * Explains in one line why `account` has no free nonce account to sign with, when nonce
 * accounts exist but every one is reserved or has another authority. Returns null when
 * there is a free one, or no nonce account at all.
 */
export function explainNoFreeNonce(
  nonces: readonly NonceAccountView[],
  account: string,
): string | null {
  const own = nonces.filter((nonce) => nonce.authority === account);
  if (nonces.length === 0 || own.some((nonce) => nonce.reservedBy === null)) {
    return null;
  }
  if (own.length > 0) {
    const count =
      own.length === 1 ? 'Its nonce account is' : `All ${own.length} of its nonce accounts are`;
    return `No durable nonce option: ${count} reserved by a queued transaction. Send or discard that transaction on the Activity page to free the nonce.`;
  }
  const authorities = [...new Set(nonces.map(authorityLabel))].join(', ');
  return `No durable nonce option: the nonce accounts found have another Ledger account as authority (${authorities}). Create one for this account on the Activity page.`;
}

function authorityLabel(nonce: NonceAccountView): string {
  return nonce.authorityName === ''
    ? nonce.authorityPath
    : `${nonce.authorityName} (${nonce.authorityPath})`;
}
