import { useState } from 'react';

import type { StakeAccountView } from '../../../shared/domain/chain';
import { formatSol, shortenAddress } from '../components/chain/amounts';
import { sortRows } from '../components/chain/sorting';
import { usePortfolio } from '../stores/portfolio';
import { useStakeFlow, type FlowKind } from '../stores/stake-flow';
import { flowTitles } from './StakeFlowDialog';

/** Rows rendered at once; a fund with thousands of accounts searches for the rest. */
const MAX_ROWS = 100;

/**
 * Renders the stake actions: stake SOL, spread it over several validators, withdraw from several
 * accounts, and one row per stake account with the actions its state allows.
 */
export function StakeFlowsSection() {
  const snapshot = usePortfolio((state) => state.state?.snapshot ?? null);
  const open = useStakeFlow((state) => state.open);
  const [search, setSearch] = useState('');
  const owners = snapshot?.owners ?? [];
  const firstOwner = owners[0]?.address ?? null;
  const ownKeys = new Set(owners.map((owner) => owner.address));
  // Same order as the stake accounts table opens with: largest balance first.
  const matching = sortRows(
    (snapshot?.stakeAccounts ?? []).filter((view) =>
      view.address.toLowerCase().includes(search.trim().toLowerCase()),
    ),
    (view) => BigInt(view.lamports),
    'descending',
  );
  const rows = matching.slice(0, MAX_ROWS);

  return (
    <section className="card stake-flows" aria-labelledby="stake-flows-heading">
      <h2 id="stake-flows-heading">Stake and manage</h2>
      {firstOwner === null ? (
        <p>Connect your Ledger and add an account to stake.</p>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={() => open('createStake', { account: firstOwner, stakeAccount: null })}
          >
            {flowTitles.createStake}
          </button>
          <button
            type="button"
            onClick={() => open('stakeAcross', { account: firstOwner, stakeAccount: null })}
          >
            {flowTitles.stakeAcross}
          </button>
          {owners.map((owner) => (
            <button
              key={owner.address}
              type="button"
              onClick={() => open('withdrawMany', { account: owner.address, stakeAccount: null })}
            >
              {flowTitles.withdrawMany} of {owner.name === '' ? owner.path : owner.name}
            </button>
          ))}
        </div>
      )}
      {snapshot !== null && snapshot.stakeAccounts.length > 0 && (
        <>
          <label className="action-search">
            Find a stake account
            <input
              type="search"
              value={search}
              placeholder="Address"
              onChange={(event) => setSearch(event.target.value)}
            />
          </label>
          {matching.length > rows.length && (
            <p className="field-hint">
              Showing {rows.length} of {matching.length} stake accounts; search to find others.
            </p>
          )}
          <table className="stake-actions">
            <caption>Actions on each stake account</caption>
            <thead>
              <tr>
                <th scope="col">Stake account</th>
                <th scope="col">State</th>
                <th scope="col">Balance</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((view) => (
                <StakeAccountActions key={view.address} view={view} ownKeys={ownKeys} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function StakeAccountActions({
  view,
  ownKeys,
}: {
  view: StakeAccountView;
  ownKeys: ReadonlySet<string>;
}) {
  const open = useStakeFlow((state) => state.open);
  const staker = ownKeys.has(view.staker) ? view.staker : null;
  const withdrawer = ownKeys.has(view.withdrawer) ? view.withdrawer : null;
  const actions = availableActions(view, staker !== null, withdrawer !== null);

  return (
    <tr data-stake-account={view.address}>
      <td className="mono" title={view.address}>
        {shortenAddress(view.address)}
      </td>
      <td>{view.state}</td>
      <td>{formatSol(view.lamports)}</td>
      <td>
        <div className="button-row">
          {actions.map((kind) => (
            <button
              key={kind}
              type="button"
              onClick={() =>
                open(kind, {
                  account: (kind === 'withdraw' ? withdrawer : (staker ?? withdrawer)) ?? '',
                  stakeAccount: view.address,
                })
              }
            >
              {flowTitles[kind]}
            </button>
          ))}
        </div>
      </td>
    </tr>
  );
}

/**
 * Actions that can work on the account now. The main process checks each again against the
 * chain; this only keeps buttons away that would certainly fail.
 */
function availableActions(
  view: StakeAccountView,
  isStaker: boolean,
  isWithdrawer: boolean,
): FlowKind[] {
  const actions: FlowKind[] = [];
  const delegated = view.kind === 'delegated' && view.deactivationEpoch === null;
  if (isStaker && !delegated) {
    actions.push('delegate');
  }
  if (isStaker && delegated) {
    actions.push('deactivate', 'redelegate');
  }
  if (isWithdrawer && view.withdrawable !== '0') {
    actions.push('withdraw');
  }
  if (isStaker) {
    actions.push('split', 'merge');
  }
  if (isStaker || isWithdrawer) {
    actions.push('authorize');
  }
  return actions;
}
