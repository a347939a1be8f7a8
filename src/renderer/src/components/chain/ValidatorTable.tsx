import { useMemo, useState } from 'react';

import type { ValidatorsSnapshot } from '../../../../shared/contract/chain';
import { formatPercent, formatSolDigits, shortenAddress } from './amounts';
import { parseLimit, type SortState } from './sorting';
import {
  buildValidatorRows,
  emptyValidatorFilter,
  filterValidatorRows,
  sortValidatorRows,
  validatorMetrics,
  type ValidatorFilter,
  type ValidatorMetric,
  type ValidatorRow,
  type ValidatorSortKey,
} from './validator-rows';
import { ValidatorWarningBadges } from './ValidatorWarnings';
import { VirtualTable, type TableColumn } from './VirtualTable';

type Column = TableColumn<ValidatorRow, ValidatorSortKey>;

/** Label and unit of each metric, for column titles and the limit fields. */
const metricLabels: Record<ValidatorMetric, { title: string; unit: string }> = {
  commission: { title: 'Commission', unit: '%' },
  activatedStake: { title: 'Stake', unit: 'SOL' },
  stakeShare: { title: 'Stake share', unit: '%' },
  creditsVsMedian: { title: 'Credits vs median', unit: 'ratio' },
  skipRate: { title: 'Skip rate', unit: '%' },
  estimatedApy: { title: 'Est. APY (estimate)', unit: '%' },
  lastVote: { title: 'Last vote', unit: 'slot' },
};

const columns: Column[] = [
  {
    id: 'name',
    title: 'Validator',
    minWidth: 220,
    grow: 2,
    sortKey: 'name',
    firstDirection: 'ascending',
    render: (row) => (
      <span className="validator-name" title={row.view.votePubkey}>
        {row.view.name ?? <span className="muted">No name</span>}
        <span className="mono muted"> {shortenAddress(row.view.votePubkey)}</span>
      </span>
    ),
  },
  {
    id: 'warnings',
    title: 'Warnings',
    minWidth: 230,
    grow: 2,
    sortKey: 'warnings',
    render: (row) => <ValidatorWarningBadges warnings={row.warnings} />,
  },
  {
    id: 'commission',
    title: metricLabels.commission.title,
    minWidth: 110,
    align: 'end',
    sortKey: 'commission',
    firstDirection: 'ascending',
    render: (row) => `${row.view.commission} %`,
  },
  {
    id: 'activatedStake',
    title: `${metricLabels.activatedStake.title} (SOL)`,
    minWidth: 150,
    align: 'end',
    sortKey: 'activatedStake',
    render: (row) => formatSolDigits(row.view.activatedStake),
  },
  {
    id: 'stakeShare',
    title: metricLabels.stakeShare.title,
    minWidth: 110,
    align: 'end',
    sortKey: 'stakeShare',
    render: (row) => formatPercent(row.view.stakeShare),
  },
  {
    id: 'creditsVsMedian',
    title: metricLabels.creditsVsMedian.title,
    minWidth: 150,
    align: 'end',
    sortKey: 'creditsVsMedian',
    render: (row) =>
      row.view.creditsVsMedian === null ? '–' : row.view.creditsVsMedian.toFixed(3),
  },
  {
    id: 'skipRate',
    title: metricLabels.skipRate.title,
    minWidth: 100,
    align: 'end',
    sortKey: 'skipRate',
    firstDirection: 'ascending',
    render: (row) => formatPercent(row.view.skipRate),
  },
  {
    id: 'estimatedApy',
    title: metricLabels.estimatedApy.title,
    minWidth: 170,
    align: 'end',
    sortKey: 'estimatedApy',
    render: (row) => formatPercent(row.view.estimatedApy),
  },
  {
    id: 'lastVote',
    title: metricLabels.lastVote.title,
    minWidth: 110,
    align: 'end',
    sortKey: 'lastVote',
    render: (row) => row.view.lastVote.toLocaleString('en-US'),
  },
];

/** Text of the limit fields as typed; parsed into numbers for the filter. */
type LimitText = Record<ValidatorMetric, { min: string; max: string }>;

const emptyLimitText = Object.fromEntries(
  validatorMetrics.map((metric) => [metric, { min: '', max: '' }]),
) as LimitText;

function toLimits(text: LimitText): ValidatorFilter['limits'] {
  return Object.fromEntries(
    validatorMetrics.map((metric) => [
      metric,
      { min: parseLimit(text[metric].min), max: parseLimit(text[metric].max) },
    ]),
  ) as ValidatorFilter['limits'];
}

type Toggle =
  'hideDelinquent' | 'hideSuperminority' | 'hideHighCommission' | 'hideCommissionRaised';

const toggles: { key: Toggle; label: string }[] = [
  { key: 'hideDelinquent', label: 'Hide delinquent' },
  { key: 'hideSuperminority', label: 'Hide superminority' },
  { key: 'hideHighCommission', label: 'Hide high commission' },
  { key: 'hideCommissionRaised', label: 'Hide raised commission' },
];

/** Lists the cluster's validators with search, sorting and filters on every metric. */
export function ValidatorTable({ snapshot }: { snapshot: ValidatorsSnapshot }) {
  const [filter, setFilter] = useState<Omit<ValidatorFilter, 'limits'>>(emptyValidatorFilter);
  const [limitText, setLimitText] = useState<LimitText>(emptyLimitText);
  const [sort, setSort] = useState<SortState<ValidatorSortKey>>({
    key: 'activatedStake',
    direction: 'descending',
  });

  const rows = useMemo(() => buildValidatorRows(snapshot), [snapshot]);
  const limits = useMemo(() => toLimits(limitText), [limitText]);
  const visibleRows = useMemo(
    () => sortValidatorRows(filterValidatorRows(rows, { ...filter, limits }), sort),
    [rows, filter, limits, sort],
  );
  const changeLimit = (metric: ValidatorMetric, bound: 'min' | 'max', value: string) =>
    setLimitText({ ...limitText, [metric]: { ...limitText[metric], [bound]: value } });

  return (
    <>
      <form
        className="filters"
        aria-label="Filter validators"
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          Search
          <input
            type="search"
            value={filter.text}
            placeholder="Name, vote account or identity"
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          />
        </label>
        {toggles.map((toggle) => (
          <label key={toggle.key} className="checkbox">
            <input
              type="checkbox"
              checked={filter[toggle.key]}
              onChange={(event) => setFilter({ ...filter, [toggle.key]: event.target.checked })}
            />
            {toggle.label}
          </label>
        ))}
      </form>
      <details className="metric-limits">
        <summary>Limits on each metric</summary>
        <div className="limit-grid">
          {validatorMetrics.map((metric) => {
            const { title, unit } = metricLabels[metric];
            return (
              <fieldset key={metric}>
                <legend>
                  {title} ({unit})
                </legend>
                <label>
                  Minimum
                  <input
                    type="number"
                    inputMode="decimal"
                    aria-label={`Minimum ${title} (${unit})`}
                    value={limitText[metric].min}
                    onChange={(event) => changeLimit(metric, 'min', event.target.value)}
                  />
                </label>
                <label>
                  Maximum
                  <input
                    type="number"
                    inputMode="decimal"
                    aria-label={`Maximum ${title} (${unit})`}
                    value={limitText[metric].max}
                    onChange={(event) => changeLimit(metric, 'max', event.target.value)}
                  />
                </label>
              </fieldset>
            );
          })}
        </div>
      </details>
      <p className="row-count" role="status" data-testid="validator-count">
        Showing {visibleRows.length.toLocaleString('en-US')} of{' '}
        {rows.length.toLocaleString('en-US')} validators
      </p>
      <VirtualTable
        label="Validators"
        rows={visibleRows}
        columns={columns}
        rowKey={(row) => row.view.votePubkey}
        sort={sort}
        onSortChange={setSort}
        emptyText={
          rows.length === 0
            ? 'The cluster returned no validators.'
            : 'No validator matches the filters.'
        }
      />
      <p className="footnote">
        Est. APY is an estimate from the inflation rate, the commission and recent vote credits.
        Actual rewards vary from epoch to epoch and are not promised.
      </p>
    </>
  );
}
