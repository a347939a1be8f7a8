import { useEffect, useId, useState, type FormEvent } from 'react';

import type { MergeCandidate } from '../../../../shared/contract/stake';
import type { StakeAccountView } from '../../../../shared/domain/chain';
import type { StakeAuthorityType } from '../../../../shared/domain/stake';
import type { MethodInput } from '../../../../shared/contract';
import { call } from '../../bridge/wallet';
import { formatSol, shortenAddress } from '../../components/chain/amounts';
import { describeError } from '../../stores/errors';
import { useNetwork } from '../../stores/network';
import { usePortfolio } from '../../stores/portfolio';
import { useStakeFlow, type FlowKind, type FlowTarget } from '../../stores/stake-flow';
import { ValidatorSelect } from './ValidatorSelect';
import { addressProblem } from '../address-text';
import { useRememberedState } from '../form-memory';
import { NO_ITEMS } from '../no-items';
import { OfflineNonceOption } from '../NonceSigning';

type ActionKind = Extract<
  FlowKind,
  'delegate' | 'deactivate' | 'withdraw' | 'split' | 'merge' | 'authorize' | 'redelegate'
>;

/** Renders the form of an action on one stake account. */
export function AccountActionForm({ kind, target }: { kind: ActionKind; target: FlowTarget }) {
  const stakeAccount = target.stakeAccount ?? '';
  const view = usePortfolio((state) =>
    state.state?.snapshot?.stakeAccounts.find((entry) => entry.address === stakeAccount),
  );
  const header = (
    <p className="flow-subject">
      Stake account <span className="mono">{stakeAccount}</span>
      {view !== undefined && ` · ${view.state} · ${formatSol(view.lamports)}`}
    </p>
  );
  const props = { account: target.account, stakeAccount, currentVoter: view?.voter ?? null };

  switch (kind) {
    case 'delegate':
    case 'redelegate':
      return (
        <>
          {header}
          <DelegateForm kind={kind} {...props} />
        </>
      );
    case 'deactivate':
      return (
        <>
          {header}
          <DeactivateForm {...props} view={view ?? null} />
        </>
      );
    case 'withdraw':
      return (
        <>
          {header}
          <WithdrawForm {...props} withdrawable={view?.withdrawable ?? null} />
        </>
      );
    case 'split':
      return (
        <>
          {header}
          <SplitForm {...props} />
        </>
      );
    case 'merge':
      return (
        <>
          {header}
          <MergeForm {...props} />
        </>
      );
    case 'authorize':
      return (
        <>
          {header}
          <AuthorizeForm {...props} />
        </>
      );
  }
}

type WithdrawInput = MethodInput<'prepareWithdraw'>;
type AuthorizeInput = MethodInput<'prepareAuthorize'>;

interface ActionProps {
  account: string;
  stakeAccount: string;
  currentVoter: string | null;
}

function ReviewButton({ disabled = false }: { disabled?: boolean }) {
  return (
    <div className="button-row">
      <button type="submit" className="primary" disabled={disabled}>
        Review
      </button>
    </div>
  );
}

function DelegateForm({
  kind,
  account,
  stakeAccount,
  currentVoter,
}: ActionProps & { kind: 'delegate' | 'redelegate' }) {
  const prepare = useStakeFlow((state) => state.prepare);
  const [voteAccount, setVoteAccount] = useRememberedState(`${kind}.voteAccount`, '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const method = kind === 'delegate' ? 'prepareDelegate' : 'prepareRedelegate';
    void prepare(() => call(method, { account, stakeAccount, voteAccount }));
  };

  return (
    <form
      className="flow-form"
      onSubmit={submit}
      aria-label={kind === 'delegate' ? 'Delegate' : 'Move to another validator'}
    >
      {kind === 'redelegate' && (
        <p className="field-hint">
          Active stake has to cool down before it can move: this unstakes it now, and you delegate
          it to the new validator once the cooldown ends, usually at the next epoch.
        </p>
      )}
      <ValidatorSelect
        value={voteAccount}
        onChange={setVoteAccount}
        label={kind === 'delegate' ? 'Validator' : 'New validator'}
        exclude={kind === 'redelegate' ? currentVoter : null}
      />
      <ReviewButton disabled={voteAccount === ''} />
      {kind === 'delegate' && (
        <OfflineNonceOption
          account={account}
          operation={
            voteAccount === ''
              ? null
              : { operation: 'delegate', input: { account, stakeAccount, voteAccount } }
          }
        />
      )}
    </form>
  );
}

function DeactivateForm({
  account,
  stakeAccount,
  view,
}: ActionProps & { view: StakeAccountView | null }) {
  const prepare = useStakeFlow((state) => state.prepare);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prepare(() => call('prepareDeactivate', { account, stakeAccount }));
  };
  return (
    <form className="flow-form" onSubmit={submit} aria-label="Unstake">
      <p>{unstakeOutcome(view)}</p>
      <ReviewButton />
    </form>
  );
}

/**
 * Explains what unstaking does to the account as of the last refresh. The stake program makes
 * stake that has not started to count inactive at once, while effective stake cools down.
 */
function unstakeOutcome(view: StakeAccountView | null): string {
  if (view === null) {
    return 'Unstaking stops rewards from the next epoch. Active stake can be withdrawn once the cooldown ends, usually after one epoch, and stake still activating becomes withdrawable at once.';
  }
  switch (view.state) {
    case 'activating':
      if (view.effective !== '0') {
        return 'Unstaking stops rewards from the next epoch. The part of this stake that is already effective cools down first, usually for one epoch; the part still activating becomes inactive at once.';
      }
      return 'This stake is still activating, so unstaking makes it inactive at once: it earns no rewards, and the SOL can be withdrawn as soon as this transaction lands.';
    case 'active':
      return 'Unstaking stops rewards from the next epoch. The SOL can be withdrawn once the cooldown ends, usually after one epoch.';
    case 'inactive':
    case 'deactivating':
      return 'This stake account is not staked now, so unstaking it does nothing.';
  }
}

function WithdrawForm({
  account,
  stakeAccount,
  withdrawable,
}: ActionProps & { withdrawable: string | null }) {
  const prepare = useStakeFlow((state) => state.prepare);
  const amountId = useId();
  const recipientId = useId();
  const [all, setAll] = useRememberedState('withdraw.all', true);
  const [text, setText] = useRememberedState('withdraw.text', '');
  const [recipient, setRecipient] = useRememberedState('withdraw.recipient', '');
  const [recipientError, setRecipientError] = useState<string | null>(null);

  const input: WithdrawInput = {
    account,
    stakeAccount,
    amount: all ? { unit: 'all' } : { unit: 'sol', value: text },
    ...(recipient.trim() === '' ? {} : { recipient: recipient.trim() }),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = input.recipient === undefined ? null : addressProblem('To', input.recipient);
    setRecipientError(problem);
    if (problem === null) {
      void prepare(() => call('prepareWithdraw', input));
    }
  };

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Withdraw">
      <p className="field-hint">
        {withdrawable === null
          ? 'Withdrawable now: unknown until the stake accounts are refreshed.'
          : `Withdrawable now: ${formatSol(withdrawable)}.`}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
        Withdraw everything withdrawable
      </label>
      {!all && (
        <div>
          <label htmlFor={amountId}>Amount (SOL)</label>
          <input
            id={amountId}
            inputMode="decimal"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      )}
      <div>
        <label htmlFor={recipientId}>To (empty: the signing Ledger account)</label>
        <input
          id={recipientId}
          className="mono"
          value={recipient}
          spellCheck={false}
          aria-invalid={recipientError !== null}
          aria-describedby={recipientError === null ? undefined : `${recipientId}-error`}
          onChange={(event) => setRecipient(event.target.value)}
        />
        {recipientError !== null && (
          <p id={`${recipientId}-error`} className="field-error" role="alert">
            {recipientError}
          </p>
        )}
      </div>
      <ReviewButton disabled={!all && text === ''} />
      <OfflineNonceOption
        account={account}
        operation={!all && text === '' ? null : { operation: 'withdraw', input }}
      />
    </form>
  );
}

function SplitForm({ account, stakeAccount }: ActionProps) {
  const prepare = useStakeFlow((state) => state.prepare);
  const id = useId();
  const [text, setText] = useRememberedState('split.text', '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prepare(() =>
      call('prepareSplit', { account, stakeAccount, amount: { unit: 'sol', value: text } }),
    );
  };

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Split">
      <p className="field-hint">
        The amount moves to a new stake account with the same validator. Both parts must keep the
        cluster&apos;s minimum delegation; the new account&apos;s rent reserve comes from the
        signing account.
      </p>
      <label htmlFor={id}>Amount to move (SOL)</label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <ReviewButton disabled={text === ''} />
      <OfflineNonceOption
        account={account}
        operation={
          text === ''
            ? null
            : {
                operation: 'split',
                input: { account, stakeAccount, amount: { unit: 'sol', value: text } },
              }
        }
      />
    </form>
  );
}

function MergeForm({ account, stakeAccount }: ActionProps) {
  const prepare = useStakeFlow((state) => state.prepare);
  const [candidates, setCandidates] = useState<MergeCandidate[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [source, setSource] = useRememberedState('merge.source', '');
  const connection = useNetwork((state) => state.status?.connection);
  const saved = usePortfolio((state) => state.state?.snapshot?.stakeAccounts ?? NO_ITEMS);
  // Offline the merge options cannot be read, so the saved stake accounts of this staker are
  // offered instead and main checks the chosen pair against their saved states.
  const savedChoices =
    connection === 'offline' && candidates === null
      ? saved.filter((entry) => entry.address !== stakeAccount && entry.staker === account)
      : null;

  useEffect(() => {
    let current = true;
    call('getMergeOptions', { account, destination: stakeAccount })
      .then((result) => current && setCandidates(result.candidates))
      .catch((error: unknown) => current && setFailure(describeError(error).title));
    return () => {
      current = false;
    };
  }, [account, stakeAccount]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void prepare(() => call('prepareMerge', { account, destination: stakeAccount, source }));
  };

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Merge">
      <p className="field-hint">
        Choose the stake account to merge in: it closes, and all its SOL moves into{' '}
        <span className="mono">{shortenAddress(stakeAccount)}</span>, which stays open.
      </p>
      {failure !== null && savedChoices === null && <p className="field-error">{failure}</p>}
      {savedChoices !== null && savedChoices.length > 0 && (
        <fieldset>
          <legend>Stake account that closes (saved stake accounts)</legend>
          {savedChoices.map((entry) => (
            <label key={entry.address} className="checkbox merge-candidate">
              <input
                type="radio"
                name="merge-source"
                value={entry.address}
                checked={source === entry.address}
                onChange={() => setSource(entry.address)}
              />
              <span className="mono">{shortenAddress(entry.address)}</span>
              <span className="muted"> · {entry.state} at the last read</span>
            </label>
          ))}
        </fieldset>
      )}
      {candidates === null && failure === null && <p>Checking which accounts can merge…</p>}
      {candidates?.length === 0 && <p>You have no other stake account.</p>}
      {candidates !== null && candidates.length > 0 && (
        <fieldset>
          <legend>Stake account that closes</legend>
          {candidates.map((candidate) => (
            <label key={candidate.source} className="checkbox merge-candidate">
              <input
                type="radio"
                name="merge-source"
                value={candidate.source}
                disabled={!candidate.mergeable}
                checked={source === candidate.source}
                onChange={() => setSource(candidate.source)}
              />
              <span className="mono">{shortenAddress(candidate.source)}</span>
              {!candidate.mergeable && <span className="muted"> · {candidate.reason}</span>}
            </label>
          ))}
        </fieldset>
      )}
      <ReviewButton disabled={source === ''} />
      <OfflineNonceOption
        account={account}
        operation={
          source === ''
            ? null
            : { operation: 'merge', input: { account, destination: stakeAccount, source } }
        }
      />
    </form>
  );
}

function AuthorizeForm({ account, stakeAccount }: ActionProps) {
  const prepare = useStakeFlow((state) => state.prepare);
  const owners = usePortfolio((state) => state.state?.snapshot?.owners ?? NO_ITEMS);
  const id = useId();
  const [authorityType, setAuthorityType] = useRememberedState<StakeAuthorityType | 'both'>(
    'authorize.authorityType',
    'staker',
  );
  const [newAuthority, setNewAuthority] = useRememberedState('authorize.newAuthority', '');
  const [authorityError, setAuthorityError] = useState<string | null>(null);

  const types: StakeAuthorityType[] =
    authorityType === 'both' ? ['staker', 'withdrawer'] : [authorityType];
  const input: AuthorizeInput = {
    account,
    stakeAccount,
    changes: types.map((type) => ({ authorityType: type, newAuthority: newAuthority.trim() })),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = addressProblem('New authority address', newAuthority.trim());
    setAuthorityError(problem);
    if (problem === null) {
      void prepare(() => call('prepareAuthorize', input));
    }
  };

  return (
    <form className="flow-form" onSubmit={submit} aria-label="Change authority">
      <fieldset className="radio-group">
        <legend>Authority to hand over</legend>
        {(['staker', 'withdrawer', 'both'] as const).map((type) => (
          <label key={type}>
            <input
              type="radio"
              name="authority-type"
              checked={authorityType === type}
              onChange={() => setAuthorityType(type)}
            />
            {type === 'staker'
              ? 'Stake authority'
              : type === 'withdrawer'
                ? 'Withdraw authority'
                : 'Both'}
          </label>
        ))}
      </fieldset>
      {authorityType !== 'staker' && (
        <p className="notice danger" role="alert">
          The withdraw authority controls every lamport in this account. Whoever holds it can take
          all the SOL and change every authority, and this Ledger account cannot undo it.
        </p>
      )}
      <label htmlFor={id}>New authority address</label>
      <input
        id={id}
        className="mono"
        list={`${id}-own`}
        spellCheck={false}
        value={newAuthority}
        aria-invalid={authorityError !== null}
        aria-describedby={authorityError === null ? undefined : `${id}-error`}
        onChange={(event) => setNewAuthority(event.target.value)}
      />
      {authorityError !== null && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {authorityError}
        </p>
      )}
      <datalist id={`${id}-own`}>
        {owners
          .filter((owner) => owner.address !== account)
          .map((owner) => (
            <option key={owner.address} value={owner.address}>
              {owner.name === '' ? owner.path : owner.name}
            </option>
          ))}
      </datalist>
      <ReviewButton disabled={newAuthority.trim() === ''} />
      <OfflineNonceOption
        account={account}
        operation={newAuthority.trim() === '' ? null : { operation: 'authorize', input }}
      />
    </form>
  );
}
