import { type FormEvent } from 'react';

import { call } from '../../bridge/wallet';
import { useStakeFlow, type FlowTarget } from '../../stores/stake-flow';
import { useRememberedState } from '../form-memory';
import { emptyAmount, StakeAmountField, toStakeAmount } from './AmountField';
import { SignerSelect } from './SignerSelect';
import { ValidatorSelect } from './ValidatorSelect';

/** Stake SOL from a Ledger account with one validator, in a new stake account. */
export function CreateStakeForm({ target }: { target: FlowTarget }) {
  const prepare = useStakeFlow((state) => state.prepare);
  const [account, setAccount] = useRememberedState('createStake.account', target.account);
  const [voteAccount, setVoteAccount] = useRememberedState('createStake.voteAccount', '');
  const [amount, setAmount] = useRememberedState('createStake.amount', emptyAmount);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prepare(() =>
      call('prepareCreateStake', { account, voteAccount, amount: toStakeAmount(amount) }),
    );
  };

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Stake SOL">
      <SignerSelect value={account} onChange={setAccount} />
      <ValidatorSelect value={voteAccount} onChange={setVoteAccount} />
      <StakeAmountField account={account} validatorCount={1} value={amount} onChange={setAmount} />
      <div className="button-row">
        <button
          type="submit"
          className="primary"
          disabled={voteAccount === '' || amount.text === ''}
        >
          Review
        </button>
      </div>
    </form>
  );
}
