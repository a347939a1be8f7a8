import { useId } from 'react';

import { formatPercent, shortenAddress } from '../../components/chain/amounts';
import { useValidators } from '../../stores/validators';
import { NO_ITEMS } from '../no-items';

/** Validator choice from the validators list, best-voting first, delinquent ones marked. */
export function ValidatorSelect({
  value,
  onChange,
  label = 'Validator',
  exclude = null,
}: {
  value: string;
  onChange: (voteAccount: string) => void;
  label?: string;
  /** A vote account not to offer, such as the one the stake is delegated to now. */
  exclude?: string | null;
}) {
  const id = useId();
  const validators = useValidators((state) => state.state?.snapshot?.validators ?? NO_ITEMS);
  const choices = validators
    .filter((validator) => validator.votePubkey !== exclude)
    .sort((left, right) => (right.creditsVsMedian ?? 0) - (left.creditsVsMedian ?? 0));

  return (
    <div className="validator-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} required>
        <option value="">Choose a validator</option>
        {choices.map((validator) => (
          <option key={validator.votePubkey} value={validator.votePubkey}>
            {validator.name ?? shortenAddress(validator.votePubkey)} · commission{' '}
            {validator.commission} % · APY {formatPercent(validator.estimatedApy, 1)}
            {validator.delinquent ? ' · delinquent' : ''}
          </option>
        ))}
      </select>
      {choices.length === 0 && (
        <p className="field-hint">
          The validators list has not loaded yet. Open the Validators page.
        </p>
      )}
    </div>
  );
}
