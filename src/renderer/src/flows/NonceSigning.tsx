import { useEffect, useState } from 'react';

import type {
  NonceAccountView,
  NonceCheckBasis,
  NonceOperation,
  PendingItem,
} from '../../../shared/contract/offline';
import { formatAge, secondsSince } from '../components/chain/age';
import { useNow } from '../components/chain/useNow';
import { InlineError } from '../components/ledger/InlineError';
import { DeviceScreenList } from '../components/ledger/DeviceScreenList';
import { TransactionReviewView } from '../components/ledger/TransactionReviewView';
import { describeStatus } from '../components/offline/status-text';
import { useNetwork } from '../stores/network';
import { useOffline } from '../stores/offline';
import { explainNoFreeNonce } from './nonce-choice-reason';
import { useNonceSigning } from './nonce-signing';

/**
 * Returns the nonce accounts whose authority is `account` and that no pending transaction
 * uses, and why there is none when nonce accounts exist but none is free.
 */
function useFreeNonces(account: string): { free: NonceAccountView[]; reason: string | null } {
  const nonces = useOffline((state) => state.nonces);
  useEffect(() => {
    void useOffline.getState().loadNonces(false);
  }, []);
  const all = nonces?.accounts ?? [];
  return {
    free: all.filter((nonce) => nonce.authority === account && nonce.reservedBy === null),
    reason: explainNoFreeNonce(all, account),
  };
}

/**
 * Offers to sign with one of the signer's free durable nonce accounts instead of a recent
 * blockhash. When the signer has no free nonce account, it shows why (every one reserved, or
 * only other authorities), else `emptyHint`, else nothing.
 */
export function NonceChoice({
  account,
  actionLabel,
  onChoose,
  emptyHint = null,
}: {
  account: string;
  actionLabel: string;
  onChoose: (nonceAccount: string) => void;
  /** Shown in place of the choice when the signer has no free nonce account. */
  emptyHint?: string | null;
}) {
  const { free, reason } = useFreeNonces(account);
  const [chosen, setChosen] = useState('');
  // A failed prepare returns the dialog to its usual flow, so its error is shown here.
  const error = useNonceSigning((state) => (state.stage === 'idle' ? state.error : undefined));
  const first = free[0];
  if (first === undefined) {
    const hint = reason ?? emptyHint;
    return hint === null ? null : (
      <p className="field-hint" data-testid="nonce-choice-hint">
        {hint}
      </p>
    );
  }
  const selected = free.some((nonce) => nonce.address === chosen) ? chosen : first.address;

  return (
    <fieldset className="nonce-choice">
      <legend>Sign with a durable nonce, send later</legend>
      {error !== undefined && <InlineError error={error} />}
      <p>
        The transaction uses the nonce value in place of a recent blockhash, so it stays valid until
        it is sent, even while the network is unreachable. It waits in the queue on the Activity
        page.
      </p>
      <label>
        Nonce account{' '}
        <select value={selected} onChange={(event) => setChosen(event.target.value)}>
          {free.map((nonce) => (
            <option key={nonce.address} value={nonce.address}>
              {nonce.seed} · {nonce.address}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="button" onClick={() => onChoose(selected)}>
          {actionLabel}
        </button>
      </div>
    </fieldset>
  );
}

/** Stake dialog kinds that main can prepare with a durable nonce from saved values. */
export const OFFLINE_NONCE_KINDS: ReadonlySet<string> = new Set([
  'deactivate',
  'withdraw',
  'split',
  'merge',
  'delegate',
  'authorize',
]);

/**
 * Explains, while the cluster is unreachable, why this operation cannot be signed for later.
 * Creating a stake account needs the cluster to check that the new address is free. The
 * other operations need current chain values or take more than one transaction.
 */
export function OfflineNonceNote({ kind }: { kind: string }) {
  const connection = useNetwork((state) => state.status?.connection);
  if (connection !== 'offline') {
    return null;
  }
  const reason =
    kind === 'createStake' || kind === 'stakeAcross'
      ? 'Creating a stake account needs the cluster, because the address of the new account has to be checked as free.'
      : 'This operation needs current chain values, so prepare it once the network is back.';
  return (
    <p className="notice" role="status" data-testid="offline-nonce-note">
      The cluster is unreachable. Unstake, withdraw, split, merge, delegate and authority changes
      can be signed now with a durable nonce and sent later. {reason}
    </p>
  );
}

/**
 * Offers, while the cluster is unreachable, to sign the form's operation with a durable nonce,
 * checked against saved values. `operation` is null until the form is complete.
 */
export function OfflineNonceOption({
  account,
  operation,
}: {
  account: string;
  operation: NonceOperation | null;
}) {
  const connection = useNetwork((state) => state.status?.connection);
  const prepareOperation = useNonceSigning((state) => state.prepareOperation);
  if (connection !== 'offline') {
    return null;
  }
  return (
    <div className="offline-nonce-option" data-testid="offline-nonce-option">
      <p className="notice" role="status">
        The cluster is unreachable. This can be signed now with a durable nonce and sent later. It
        is checked against the saved stake accounts, validator list, rent reserve and minimum
        delegation, and the cluster runs it only when it is sent.
      </p>
      {operation === null ? (
        <p className="field-hint">Complete the form to sign it with a durable nonce.</p>
      ) : (
        <NonceChoice
          account={account}
          actionLabel="Sign with durable nonce"
          onChoose={(nonceAccount) => void prepareOperation({ nonceAccount, operation })}
          emptyHint="This Ledger account has no free nonce account. Create one on the Activity page while the cluster is reachable."
        />
      )}
    </div>
  );
}

/** Renders the nonce path of the stake dialog, from the review to the queued or sent transaction. */
export function NonceSigningPanel() {
  const { stage, prepared, item, error, sign, cancelSigning, send } = useNonceSigning();
  const connection = useNetwork((state) => state.status?.connection);

  if (stage === 'preparing' || prepared === undefined || item === undefined) {
    return (
      <>
        {error !== undefined && <InlineError error={error} />}
        <p role="status">Building the transaction with the durable nonce…</p>
      </>
    );
  }
  const device = prepared.review.review.device;

  switch (stage) {
    case 'idle':
    case 'review':
      return (
        <section className="nonce-review" aria-label="Durable nonce review">
          {error !== undefined && <InlineError error={error} />}
          <CheckBasis basis={prepared.basis} />
          <TransactionReviewView reviewed={prepared.review} onSign={() => void sign()} />
        </section>
      );
    case 'signing':
      return (
        <>
          <p className="notice" role="status">
            Confirm the transaction on your Ledger.
          </p>
          {device.outcome !== 'refused' && (
            <DeviceScreenList screens={device.screens} label="Screens on your Ledger, in order" />
          )}
          <div className="button-row">
            <button type="button" onClick={() => void cancelSigning()}>
              Cancel signing
            </button>
          </div>
        </>
      );
    case 'queued':
    case 'sending':
      return (
        <>
          {error !== undefined && <InlineError error={error} />}
          <p
            className={endedBadly(item.status.kind) ? 'inline-error' : 'notice ok'}
            role={endedBadly(item.status.kind) ? 'alert' : 'status'}
            data-testid="nonce-queue-status"
          >
            {item.status.kind === 'signed'
              ? 'Signed and queued. It stays valid until its nonce is used, and is sent from the Activity page or when the network is back.'
              : describeStatus(item.status)}
          </p>
          {item.actions.send && (
            <div className="button-row">
              <button
                type="button"
                className="primary"
                disabled={stage === 'sending' || connection === 'offline'}
                onClick={() => void send()}
              >
                {stage === 'sending' ? 'Sending…' : 'Send now'}
              </button>
            </div>
          )}
        </>
      );
  }
}

/** Returns true for a queue item that can no longer land, which the page shows as an error. */
function endedBadly(kind: PendingItem['status']['kind']): boolean {
  return kind === 'stale' || kind === 'failed' || kind === 'expired';
}

/** Shows what the transaction was checked against: current cluster values, or saved ones. */
function CheckBasis({ basis }: { basis: NonceCheckBasis }) {
  const nowMs = useNow();
  switch (basis.kind) {
    case 'live':
      return (
        <details>
          <summary>Checks passed ({basis.checks.length})</summary>
          <ul>
            {basis.checks.map((check, index) => (
              <li key={index}>{check}</li>
            ))}
          </ul>
        </details>
      );
    case 'cached':
      return (
        <div className="offline-basis" data-testid="offline-basis">
          <p className="notice" role="note">
            The cluster is unreachable, so these figures come from the last saved reads and the
            transaction could not be simulated. It is checked again when it is sent.
          </p>
          <table>
            <caption>Saved figures used</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Value</th>
                <th scope="col">Read</th>
              </tr>
            </thead>
            <tbody>
              {basis.figures.map((figure) => (
                <tr key={figure.label}>
                  <th scope="row">{figure.label}</th>
                  <td className="mono">{figure.value}</td>
                  <td>
                    {formatAge(secondsSince(figure.readAt, nowMs))} (slot{' '}
                    {figure.slot.toLocaleString('en-US')})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul aria-label="Checks on saved values">
            {basis.checks.map((check, index) => (
              <li key={index}>{check}</li>
            ))}
          </ul>
        </div>
      );
  }
}
