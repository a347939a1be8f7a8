import type { TransactionReview } from '../../../../shared/contract/ledger';
import { AccountName } from './AccountName';

/**
 * Lets the person choose which of their accounts signs, when the message needs a signature
 * from more than one of them. Renders nothing for a single saved signer.
 */
export function SignerChoice({
  reviewed,
  signedBy,
  disabled,
  onChoose,
}: {
  reviewed: TransactionReview;
  /** Addresses that have already signed this message. */
  signedBy: readonly string[];
  disabled: boolean;
  onChoose: (address: string) => void;
}) {
  if (reviewed.signers.length < 2) {
    return null;
  }

  return (
    <section className="card" aria-labelledby="signer-choice-heading">
      <h2 id="signer-choice-heading">Your accounts that must sign</h2>
      <p>
        This transaction needs a signature from each of these {reviewed.signers.length} accounts.
        Sign with one, then choose the next. The signed transaction keeps the earlier signatures.
      </p>
      <fieldset className="radio-group">
        <legend>Sign with</legend>
        {reviewed.signers.map((signer) => (
          <label key={signer.address}>
            <input
              type="radio"
              name="review-signer"
              value={signer.address}
              checked={signer.address === reviewed.signer}
              disabled={disabled}
              onChange={() => onChoose(signer.address)}
            />
            {signer.name === '' ? 'Ledger account' : <AccountName name={signer.name} />}{' '}
            <span className="mono">
              {signer.path} {signer.address}
            </span>
            {signedBy.includes(signer.address) && ' (signed)'}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
