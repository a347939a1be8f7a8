import { type FormEvent } from 'react';

import { call } from '../../bridge/wallet';
import { formatSol, shortenAddress } from '../../components/chain/amounts';
import { usePortfolio } from '../../stores/portfolio';
import { useStakeFlow, type FlowTarget } from '../../stores/stake-flow';
import { useRememberedState } from '../form-memory';
import { NO_ITEMS } from '../no-items';

/** Withdraw everything several stake accounts can release now, in batches. */
export function WithdrawManyForm({ target }: { target: FlowTarget }) {
  const prepare = useStakeFlow((state) => state.prepare);
  const accounts = usePortfolio((state) => state.state?.snapshot?.stakeAccounts ?? NO_ITEMS);
  const choices = accounts.filter(
    (view) => view.withdrawer === target.account && view.withdrawable !== '0',
  );
  const [chosenList, setChosenList] = useRememberedState<readonly string[]>(
    'withdrawMany.chosen',
    choices.map((view) => view.address),
  );
  const chosen = new Set(chosenList);

  const toggle = (address: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) {
      next.add(address);
    } else {
      next.delete(address);
    }
    setChosenList([...next]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prepare(() =>
      call('prepareWithdrawMany', { account: target.account, stakeAccounts: [...chosen] }),
    );
  };

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Withdraw from several stake accounts">
      {choices.length === 0 ? (
        <p>No stake account of this Ledger account has anything to withdraw now.</p>
      ) : (
        <fieldset>
          <legend>Stake accounts to withdraw from, to the signing account</legend>
          {choices.map((view) => (
            <label key={view.address} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(view.address)}
                onChange={(event) => toggle(view.address, event.target.checked)}
              />
              <span className="mono">{shortenAddress(view.address)}</span> · {view.state} ·{' '}
              {formatSol(view.withdrawable)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={chosen.size === 0}>
          Review
        </button>
      </div>
    </form>
  );
}
