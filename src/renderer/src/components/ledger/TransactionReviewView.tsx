import type { TransactionReview } from '../../../../shared/contract/ledger';
import { AccountName } from './AccountName';
import { ChainCheckNotice } from './ChainCheckNotice';
import { describeChainCheck } from '../../../../shared/text/chain-check-text';
import { isolateName } from './isolate-name';
import { DeviceScreenList } from './DeviceScreenList';
import { formatSol } from './format';
import { InstructionList } from './InstructionList';
import { describeDeviceReview, describeWarning } from '../../../../shared/text/review-text';

/** Renders everything the person should read before signing a pasted transaction. */
export function TransactionReviewView({
  reviewed,
  onSign,
}: {
  reviewed: TransactionReview;
  onSign: () => void;
}) {
  const { review } = reviewed;
  const device = review.device;
  const signable = describeChainCheck(reviewed.chainCheck).signable;
  const labels = new Map(review.addresses.map((entry) => [entry.address, entry.label]));
  const name = (address: string) => {
    const label = labels.get(address);
    return label === undefined || label === null ? address : isolateName(label);
  };

  return (
    <section className="card review" aria-labelledby="review-heading">
      <h2 id="review-heading" tabIndex={-1}>
        What this transaction does
      </h2>

      <dl className="fields summary">
        <div>
          <dt>Signs with</dt>
          <dd>
            {reviewed.signerName === '' ? (
              'Ledger account'
            ) : (
              <AccountName name={reviewed.signerName} />
            )}{' '}
            <span className="mono">
              {reviewed.signerPath} {reviewed.signer}
            </span>
          </dd>
        </div>
        <div>
          <dt>Fee</dt>
          <dd>
            {formatSol(review.fee.totalLamports)}
            {review.fee.priorityLamports !== '0' &&
              ` (including a priority fee of ${formatSol(review.fee.priorityLamports)})`}
          </dd>
        </div>
        <div>
          <dt>Fee payer</dt>
          <dd className="mono">{name(review.feePayer)}</dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>
            {review.messageVersion === 'v0' ? 'Version 0' : 'Legacy'} {reviewed.inputKind},{' '}
            {reviewed.encoding}, {review.transactionSizeBytes} of {review.maxTransactionSizeBytes}{' '}
            bytes
          </dd>
        </div>
        <div>
          <dt>{review.durableNonce === null ? 'Recent blockhash' : 'Durable nonce'}</dt>
          <dd className="mono">
            {review.recentBlockhash}
            {review.durableNonce !== null && ` (nonce account ${review.durableNonce.nonceAccount})`}
          </dd>
        </div>
        <div>
          <dt>Message hash</dt>
          <dd className="mono" data-testid="message-hash">
            {review.messageHash}
          </dd>
        </div>
      </dl>

      <h3>On the cluster</h3>
      <ChainCheckNotice check={reviewed.chainCheck} />

      <h3>On the Ledger</h3>
      <p
        className={device.outcome === 'clearSign' ? 'notice ok' : 'notice'}
        data-testid="signing-mode"
      >
        {describeDeviceReview(device)}
      </p>

      {review.warnings.length > 0 && (
        <>
          <h3>Warnings</h3>
          <ul className="warnings" aria-label="Warnings">
            {review.warnings.map((warning, index) => (
              <li key={`${index}-${warning.kind}`}>{describeWarning(warning, name)}</li>
            ))}
          </ul>
        </>
      )}

      <h3>Instructions</h3>
      <InstructionList review={review} />

      {device.outcome !== 'refused' && (
        <>
          <h3>Screens your Ledger will show</h3>
          <DeviceScreenList screens={device.screens} label="Predicted Ledger screens" />
        </>
      )}

      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={device.outcome === 'refused' || !signable}
          aria-describedby={signable ? undefined : 'chain-check'}
          onClick={onSign}
        >
          Sign with Ledger
        </button>
      </div>
    </section>
  );
}
