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
    minWidth: 150,
    align: 'end',
    sortKey: id,
    render: (row) => formatSolDigits(row.view[id]),
  };
}

const columns: Column[] = [
  {
    id: 'address',
    title: 'Stake account',
    minWidth: 110,
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
    minWidth: 150,
    sortKey: 'state',
    firstDirection: 'ascending',
    render: (row) => (
      <span className="state" data-state={row.view.state}>
        {row.view.state}
        {row.view.stale && <span className="badge">not confirmed</span>}
      </span>
    ),
  },
  {
    id: 'validator',
    title: 'Validator',
    minWidth: 150,
    grow: 2,
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
  amountColumn('inactive', 'Inactive'),
  amountColumn('withdrawable', 'Withdrawable'),
  {
    id: 'progress',
    title: 'Activation',
    minWidth: 120,
    sortKey: 'progress',
    render: (row) => <ActivationProgress row={row} />,
  },
  {
    id: 'rewards',
    title: 'Rewards (SOL)',
    minWidth: 130,
    align: 'end',
    sortKey: 'rewards',
    render: (row) => (row.rewards === null ? '–' : formatSolDigits(row.rewards.amount)),
  },
  {
    id: 'age',
    title: 'Data age',
    minWidth: 100,
    sortKey: 'age',
    render: (row) => formatAge(row.ageSeconds),
  },
];

function ActivationProgress({ row }: { row: StakeAccountRow }) {
  if (row.progress === null) {
    return <span className="muted">{row.view.state === 'active' ? 'complete' : '–'}</span>;
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
