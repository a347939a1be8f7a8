import { useMemo, useState } from 'react';

import type { PortfolioSnapshot } from '../../../../shared/contract/chain';
import { stakeStateLabelSchema } from '../../../../shared/domain/chain';
import { isolateName } from '../ledger/isolate-name';
import { formatSolDigits, shortenAddress } from './amounts';
import { formatAge } from './age';
import type { SortState } from './sorting';
import {
  buildStakeAccountRows,
  emptyStakeAccountFilter,
  filterStakeAccountRows,
  sortStakeAccountRows,
  type StakeAccountFilter,
  type StakeAccountRow,
  type StakeAccountSortKey,
} from './stake-account-rows';
import { useNow } from './useNow';
import { VirtualTable, type TableColumn } from './VirtualTable';

type Column = TableColumn<StakeAccountRow, StakeAccountSortKey>;

function amountColumn(
  id: StakeAccountSortKey & keyof StakeAccountRow['view'],
  title: string,
): Column {
  return {
    id,
    title: `${title} (SOL)`,
    minWidth: 104,
    // Spare width goes mostly to the amounts, so balances of tens of thousands of SOL fit.
    grow: 3,
    align: 'end',
    sortKey: id,
    // A cell too narrow for a large amount ends in an ellipsis, and the title shows it whole.
    render: (row) => {
      const amount = formatSolDigits(row.view[id]);
      return <span title={amount}>{amount}</span>;
    },
  };
}

// Compact columns keep the table within the page at a 1280 px wide window. The activation
// progress sits in the State column, and the age of a stale row in its badge's title.
// Inactive has no column, because it counts the stake still activating a second time. Its
// other part, the lamports above the delegation, shows as Withdrawable (without a lockup).
const columns: Column[] = [
  {
    id: 'address',
    title: 'Stake account',
    minWidth: 76,
    sortKey: 'address',
    firstDirection: 'ascending',
    render: (row) => (
      <span className="mono" title={row.view.address}>
        <span aria-hidden="true">{shortenAddress(row.view.address)}</span>
        <span className="visually-hidden">{row.view.address}</span>
      </span>
    ),
  },
  {
    id: 'state',
    title: 'State',
    minWidth: 92,
    sortKey: 'state',
    firstDirection: 'ascending',
    render: (row) => (
      <span className="state-cell">
        <span className="state" data-state={row.view.state}>
          {row.view.state}
        </span>
        <span className="state-details">
          <ActivationProgress row={row} />
          {row.view.stale && (
            <span className="badge" title={`Last confirmed ${formatAge(row.ageSeconds)}`}>
              not confirmed
            </span>
          )}
        </span>
      </span>
    ),
  },
  {
    id: 'validator',
    title: 'Validator',
    minWidth: 80,
    sortKey: 'validator',
    firstDirection: 'ascending',
    render: (row) => {
      if (row.view.voter === null) {
        return <span className="muted">not delegated</span>;
      }
      return (
        <span title={row.view.voter}>{row.validatorName ?? shortenAddress(row.view.voter)}</span>
      );
    },
  },
  amountColumn('lamports', 'Balance'),
  amountColumn('effective', 'Effective'),
  amountColumn('activating', 'Activating'),
  amountColumn('deactivating', 'Deactivating'),
  amountColumn('withdrawable', 'Withdrawable'),
  {
    id: 'rewards',
    title: 'Rewards (SOL)',
    minWidth: 76,
    align: 'end',
    sortKey: 'rewards',
    render: (row) => (row.rewards === null ? '–' : formatSolDigits(row.rewards.amount)),
  },
];

/** Shows how far a delegation has warmed up or cooled down, and nothing once it has settled. */
function ActivationProgress({ row }: { row: StakeAccountRow }) {
  if (row.progress === null) {
    return null;
  }
  const percent = Math.round(row.progress * 100);
  const label =
    row.view.state === 'activating' ? `${percent} % effective` : `${percent} % still effective`;
  return (
    <span className="progress-cell">
      <progress max={100} value={percent} aria-label={label} />
      <span>{percent} %</span>
    </span>
  );
}

interface StakeAccountTableProps {
  snapshot: PortfolioSnapshot;
  validatorNames: ReadonlyMap<string, string>;
}

/** Lists every stake account of the saved Ledger accounts, with filters and sorting on every column. */
export function StakeAccountTable({ snapshot, validatorNames }: StakeAccountTableProps) {
  const [filter, setFilter] = useState<StakeAccountFilter>(emptyStakeAccountFilter);
  const [sort, setSort] = useState<SortState<StakeAccountSortKey>>({
    key: 'lamports',
    direction: 'descending',
  });
  // Ages are visibleRows to the minute, so a coarse clock keeps 10,000 rows from rebuilding often.
  const now = useNow(30_000);

  const rows = useMemo(
    () => buildStakeAccountRows(snapshot, validatorNames, now),
    [snapshot, validatorNames, now],
  );
  const visibleRows = useMemo(
    () => sortStakeAccountRows(filterStakeAccountRows(rows, filter), sort),
    [rows, filter, sort],
  );
  const change = (patch: Partial<StakeAccountFilter>) => setFilter({ ...filter, ...patch });

  return (
    <>
      <form
        className="filters"
        aria-label="Filter stake accounts"
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          Search
          <input
            type="search"
            value={filter.text}
            placeholder="Address, validator or authority"
            onChange={(event) => change({ text: event.target.value })}
          />
        </label>
        <label>
          State
          <select
            value={filter.state}
            onChange={(event) =>
              change({ state: event.target.value as StakeAccountFilter['state'] })
            }
          >
            <option value="all">All states</option>
            {stakeStateLabelSchema.options.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </label>
        <label>
          Ledger account
          <select value={filter.owner} onChange={(event) => change({ owner: event.target.value })}>
            <option value="all">All accounts</option>
            {snapshot.owners.map((owner) => (
              <option key={owner.address} value={owner.address}>
                {owner.name === '' ? owner.path : isolateName(owner.name)} (
                {shortenAddress(owner.address)})
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filter.onlyWithdrawable}
            onChange={(event) => change({ onlyWithdrawable: event.target.checked })}
          />
          Only withdrawable
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filter.onlyStale}
            onChange={(event) => change({ onlyStale: event.target.checked })}
          />
          Only not confirmed
        </label>
      </form>
      <p className="row-count" role="status" data-testid="stake-account-count">
        Showing {visibleRows.length.toLocaleString('en-US')} of{' '}
        {rows.length.toLocaleString('en-US')} stake accounts
      </p>
      <VirtualTable
        label="Stake accounts"
        className="stake-account-table"
        rows={visibleRows}
        columns={columns}
        rowKey={(row) => row.view.address}
        sort={sort}
        onSortChange={setSort}
        emptyText={
          rows.length === 0
            ? 'No stake account has one of your Ledger accounts as its staker or withdrawer.'
            : 'No stake account matches the filters.'
        }
      />
    </>
  );
}
