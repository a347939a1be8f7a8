import { useId } from 'react';

import { formatSol, shortenAddress } from '../../components/chain/amounts';
import { usePortfolio } from '../../stores/portfolio';
import { NO_ITEMS } from '../no-items';

/** Choice of the Ledger account that signs and pays, with its balance when known. */
export function SignerSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (account: string) => void;
}) {
  const id = useId();
  const owners = usePortfolio((state) => state.state?.snapshot?.owners ?? NO_ITEMS);

  return (
    <div>
      <label htmlFor={id}>From Ledger account</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {owners.map((owner) => (
          <option key={owner.address} value={owner.address}>
            {owner.name === '' ? owner.path : owner.name} ({shortenAddress(owner.address)})
            {owner.lamports === null ? '' : ` · ${formatSol(owner.lamports)}`}
          </option>
        ))}
      </select>
    </div>
  );
}
