import { useState } from 'react';

import type { PendingItem } from '../../../../shared/contract/offline';
import { useAccounts } from '../../stores/accounts';
import { formatAge, secondsSince } from '../chain/age';
import { useNow } from '../chain/useNow';
import { useOffline } from '../../stores/offline';
import { formatSol } from '../ledger/format';
import { isolateName } from '../ledger/isolate-name';

/** Names the queued transaction that reserved a nonce, by its summary when it is listed. */
function describeReservation(reservedBy: string | null, items: readonly PendingItem[]): string {
  if (reservedBy === null) {
    return 'Free';
  }
  const item = items.find((candidate) => candidate.id === reservedBy);
  return item === undefined ? 'A queued transaction' : `Queued: ${item.intent.summary}`;
}

/**
 * The person's durable nonce accounts with their current nonce and the transaction that
 * reserved it, and a form to create one for a saved Ledger account.
 */
export function NonceAccounts() {
  const nonces = useOffline((state) => state.nonces);
  const items = useOffline((state) => state.items);
  const busy = useOffline((state) => state.busy);
  const { loadNonces, createNonceAccount } = useOffline.getState();
  const accounts = useAccounts((state) => state.accounts);
  const [authority, setAuthority] = useState('');
  const chosen = authority === '' ? (accounts[0]?.address ?? '') : authority;
  const nowMs = useNow();

  return (
    <section className="card offline-section" aria-labelledby="nonce-heading">
      <div className="section-header">
        <h2 id="nonce-heading">Durable nonce accounts</h2>
        <button type="button" onClick={() => void loadNonces(true)}>
          Refresh nonces
        </button>
      </div>
      <p>
        A transaction that uses a durable nonce stays valid until it is sent, so you can sign it
        now, offline, and send it later. Each nonce works for one transaction.
      </p>
      {nonces?.error != null && (
        <p className="notice" role="status">
          The cluster could not be reached, so these are the nonces as last read. The Read column
          gives the age and slot of each.
        </p>
      )}
      {nonces !== undefined && (
        <p className="field-hint" data-testid="saved-stake-parameters">
          {nonces.stakeParameters === null
            ? 'The stake rent reserve and minimum delegation are not saved yet, so splits cannot be signed offline. Refresh the nonces while the cluster is reachable.'
            : `Saved for offline signing: stake rent reserve ${formatSol(nonces.stakeParameters.stakeRentReserve)} and minimum delegation ${formatSol(nonces.stakeParameters.minimumDelegation)}, read ${formatAge(secondsSince(nonces.stakeParameters.readAt, nowMs))} (slot ${nonces.stakeParameters.slot.toLocaleString('en-US')}).`}
        </p>
      )}
      {nonces === undefined || nonces.accounts.length === 0 ? (
        <p className="empty-state">No nonce accounts found for your Ledger accounts.</p>
      ) : (
        <table className="data-table" aria-label="Nonce accounts">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Authority</th>
              <th scope="col">Current nonce</th>
              <th scope="col">Balance</th>
              <th scope="col">Reserved by</th>
              <th scope="col">Read</th>
            </tr>
          </thead>
          <tbody>
            {nonces.accounts.map((account) => (
              <tr key={account.address}>
                <td className="mono">{account.address}</td>
                <td>
                  {account.authorityName === '' ? account.authorityPath : account.authorityName}
                </td>
                <td className="mono">{account.nonceValue}</td>
                <td>{formatSol(account.lamports)}</td>
                <td>{describeReservation(account.reservedBy, items)}</td>
                <td>
                  {formatAge(secondsSince(account.readAt, nowMs))} (slot{' '}
                  {account.slot.toLocaleString('en-US')})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void createNonceAccount(chosen);
        }}
      >
        <label>
          Authority
          <select value={chosen} onChange={(event) => setAuthority(event.target.value)}>
            {accounts.map((account) => (
              <option key={account.address} value={account.address}>
                {account.name === ''
                  ? account.path
                  : `${isolateName(account.name)} (${account.path})`}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={chosen === '' || busy.includes(chosen)}>
          Create nonce account
        </button>
      </form>
    </section>
  );
}
