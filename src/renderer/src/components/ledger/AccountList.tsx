import { useEffect, useRef, useState, type FormEvent } from 'react';

import type { AccountView } from '../../../../shared/contract/ledger';
import { accountNameProblem } from '../../../../shared/domain/account-name';
import { useAccounts, type Verification } from '../../stores/accounts';
import { schemeLabels } from './format';
import { BalancesUnavailable } from './BalancesUnavailable';
import { InlineError } from './InlineError';

/** Renders the saved Ledger accounts with their names, addresses, paths and schemes. */
export function AccountList() {
  const accounts = useAccounts((state) => state.accounts);
  const activityKnown = useAccounts((state) => state.discovery.activityKnown);

  return (
    <section className="card" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Your accounts</h2>
      {activityKnown === false && <BalancesUnavailable />}
      {accounts.length === 0 ? (
        <p className="empty-state">No accounts yet. Connect your Ledger to find them.</p>
      ) : (
        <table className="account-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Address</th>
              <th scope="col">Path</th>
              <th scope="col">Scheme</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <AccountRow key={account.address} account={account} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AccountRow({ account }: { account: AccountView }) {
  const verification = useAccounts((state) => state.verifications[account.address]);
  const verify = useAccounts((state) => state.verify);

  return (
    <tr data-address={account.address}>
      <td>
        <NameField key={account.name} account={account} />
      </td>
      <td>
        <span className="mono address">{account.address}</span>
        {verification !== undefined && (
          <VerificationStatus verification={verification} address={account.address} />
        )}
      </td>
      <td className="mono">{account.path}</td>
      <td>{account.scheme === null ? 'Other path' : schemeLabels[account.scheme]}</td>
      <td>
        <div className="button-row">
          <button
            type="button"
            disabled={verification?.status === 'waiting'}
            onClick={() => void verify(account.address)}
          >
            Verify on Ledger
          </button>
          <RemoveButton account={account} />
        </div>
      </td>
    </tr>
  );
}

/** Removes an account only after a second, explicit confirmation in the same cell. */
function RemoveButton({ account }: { account: AccountView }) {
  const remove = useAccounts((state) => state.remove);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const keptAccount = useRef(false);
  const label = account.name === '' ? account.path : account.name;

  useEffect(() => {
    if (confirming) {
      confirmRef.current?.focus();
    } else if (keptAccount.current) {
      keptAccount.current = false;
      removeRef.current?.focus();
    }
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" ref={removeRef} onClick={() => setConfirming(true)}>
        Remove
      </button>
    );
  }
  return (
    <div className="remove-confirm" role="group" aria-label={`Remove account ${account.path}`}>
      <p>
        Remove <bdi>{label}</bdi> from this list? The Ledger keeps the account, and a new search
        finds it again.
      </p>
      <button
        type="button"
        ref={confirmRef}
        className="danger"
        onClick={() => void remove(account.address)}
      >
        Remove account
      </button>
      <button
        type="button"
        onClick={() => {
          keptAccount.current = true;
          setConfirming(false);
        }}
      >
        Keep account
      </button>
    </div>
  );
}

function NameField({ account }: { account: AccountView }) {
  const rename = useAccounts((state) => state.rename);
  const [name, setName] = useState(account.name);
  const inputId = `account-name-${account.address}`;
  const problemId = `${inputId}-problem`;
  const problem = accountNameProblem(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem === null) {
      void rename(account.address, name);
    }
  };

  return (
    <form className="name-field" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        Name of account {account.path}
      </label>
      <input
        id={inputId}
        value={name}
        placeholder="Unnamed"
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : problemId}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" disabled={problem !== null || name.trim() === account.name}>
        Rename
      </button>
      {problem !== null && (
        <p id={problemId} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function VerificationStatus({
  verification,
  address,
}: {
  verification: Verification;
  address: string;
}) {
  switch (verification.status) {
    case 'waiting':
      return (
        <p className="verification" role="status">
          Check the address on your Ledger. It must match {address} exactly, then approve it on the
          device.
        </p>
      );
    case 'approved':
      return (
        <p className="verification ok" role="status">
          Address confirmed on the Ledger.
        </p>
      );
    case 'rejected':
      return (
        <p className="verification warning" role="status">
          Address rejected on the Ledger. If it did not match, do not use this account.
        </p>
      );
    case 'failed':
      return <InlineError error={verification.error} />;
  }
}
