import { type FormEvent } from 'react';

import { call } from '../../bridge/wallet';
import { useStakeFlow, type FlowTarget } from '../../stores/stake-flow';
import { useRememberedState } from '../form-memory';
import { emptyAmount, StakeAmountField, toStakeAmount, type AmountValue } from './AmountField';
import { SignerSelect } from './SignerSelect';
import { ValidatorSelect } from './ValidatorSelect';

interface Allocation {
  key: number;
  voteAccount: string;
  amount: AmountValue;
}

const MAX_VALIDATORS = 20;

/**
 * Spread a deposit over several validators. Each validator gets its own stake account and
 * transaction, reviewed and signed one after the other.
 */
export function StakeAcrossForm({ target }: { target: FlowTarget }) {
  const prepare = useStakeFlow((state) => state.prepare);
  const [account, setAccount] = useRememberedState('stakeAcross.account', target.account);
  const [rows, setRows] = useRememberedState<Allocation[]>('stakeAcross.rows', [
    { key: 1, voteAccount: '', amount: emptyAmount },
    { key: 2, voteAccount: '', amount: emptyAmount },
  ]);

  const change = (key: number, patch: Partial<Allocation>) =>
    setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () =>
    setRows([
      ...rows,
      { key: Math.max(...rows.map((row) => row.key)) + 1, voteAccount: '', amount: emptyAmount },
    ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prepare(() =>
      call('prepareStakeAcrossValidators', {
        account,
        allocations: rows.map((row) => ({
          voteAccount: row.voteAccount,
          amount: toStakeAmount(row.amount),
        })),
      }),
    );
  };
  const complete = rows.every((row) => row.voteAccount !== '' && row.amount.text !== '');

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Stake across validators">
      <SignerSelect value={account} onChange={setAccount} />
      <p className="field-hint">
        The Max and percentage buttons of each row share the maximum for {rows.length} validators.
      </p>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="allocation">
          <legend>Validator {index + 1}</legend>
          <ValidatorSelect
            value={row.voteAccount}
            onChange={(voteAccount) => change(row.key, { voteAccount })}
          />
          <StakeAmountField
            account={account}
            validatorCount={rows.length}
            value={row.amount}
            onChange={(amount) => change(row.key, { amount })}
          />
          {rows.length > 1 && (
            <button
              type="button"
              onClick={() => setRows(rows.filter((entry) => entry.key !== row.key))}
            >
              Remove validator {index + 1}
            </button>
          )}
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" onClick={add} disabled={rows.length >= MAX_VALIDATORS}>
          Add a validator
        </button>
        <button type="submit" className="primary" disabled={!complete}>
          Review
        </button>
      </div>
    </form>
  );
}
