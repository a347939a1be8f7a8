import type { SendOutcome } from '../../../shared/contract/stake';
import { call } from '../bridge/wallet';
import { CopyField } from '../components/ledger/CopyField';

/** Shows the end of one draft: the signature and an explorer link, or the next step after expiry. */
export function FlowResult({
  outcome,
  onRebuild,
}: {
  outcome: SendOutcome;
  onRebuild: () => void;
}) {
  switch (outcome.outcome) {
    case 'landed':
      return (
        <div className="flow-result" data-outcome="landed">
          <p role="status" className="notice ok">
            The transaction landed in slot {outcome.slot.toLocaleString('en-US')} (
            {outcome.confirmationStatus}).
          </p>
          <CopyField label="Signature" value={outcome.signature} rows={2} />
          {outcome.explorerUrl !== null && <ExplorerLink url={outcome.explorerUrl} />}
        </div>
      );
    case 'expired':
      return (
        <div className="flow-result" data-outcome="expired">
          <p role="status" className="notice">
            The transaction expired before it reached the cluster, and its signature is not on
            chain, so nothing happened and no fee was charged. It can never land now.
          </p>
          <p>
            To go ahead, the app builds the same operation with a fresh blockhash, checks it again
            and asks your Ledger to sign it.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={onRebuild}>
              Build and sign a new transaction
            </button>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className="flow-result inline-error" data-outcome="failed" role="alert">
          <strong>{outcome.error.message}</strong>
          <p>It landed with an error: only the fee was charged.</p>
          <CopyField label="Signature" value={outcome.signature} rows={2} />
          {outcome.explorerUrl !== null && <ExplorerLink url={outcome.explorerUrl} />}
        </div>
      );
  }
}

/**
 * Opens the transaction in the block explorer through the main process, which allows only
 * explorer hosts. Where the host cannot open a browser, the link opens from the page.
 */
function ExplorerLink({ url }: { url: string }) {
  return (
    <a
      className="explorer-link"
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      onClick={(event) => {
        event.preventDefault();
        void call('openExternal', { url }).then((result) => {
          if (!result.opened) {
            window.open(url, '_blank', 'noopener,noreferrer');
          }
        });
      }}
    >
      View in the explorer
    </a>
  );
}
