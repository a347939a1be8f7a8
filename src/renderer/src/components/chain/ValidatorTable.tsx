import { useMemo, useState } from 'react';

import type { ValidatorsSnapshot } from '../../../../shared/contract/chain';
import { formatPercent, formatSolDigits, shortenAddress } from './amounts';
import { describeLimitProblem, parseLimit, type SortState } from './sorting';
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
const metricLabels: Record<
  ValidatorMetric,
  { title: string; unit: string; maxPercent: number | null }
> = {
  commission: { title: 'Commission', unit: '%', maxPercent: 100 },
  activatedStake: { title: 'Stake', unit: 'SOL', maxPercent: null },
  stakeShare: { title: 'Stake share', unit: '%', maxPercent: 100 },
  creditsVsMedian: { title: 'Credits vs median', unit: 'ratio', maxPercent: null },
  skipRate: { title: 'Skip rate', unit: '%', maxPercent: 100 },
  // An APY has no upper bound.
  estimatedApy: { title: 'Est. APY (estimate)', unit: '%', maxPercent: null },
  lastVote: { title: 'Last vote', unit: 'slot', maxPercent: null },
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

/** Parses a typed limit, leaving out one that describeLimitProblem rejects. */
function usableLimit(text: string, maxPercent: number | null): number | null {
  return describeLimitProblem(text, maxPercent) === null ? parseLimit(text) : null;
}

function toLimits(text: LimitText): ValidatorFilter['limits'] {
  return Object.fromEntries(
    validatorMetrics.map((metric) => [
      metric,
      {
        min: usableLimit(text[metric].min, metricLabels[metric].maxPercent),
        max: usableLimit(text[metric].max, metricLabels[metric].maxPercent),
      },
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
            const { title, unit, maxPercent } = metricLabels[metric];
            const minProblem = describeLimitProblem(limitText[metric].min, maxPercent);
            const maxProblem = describeLimitProblem(limitText[metric].max, maxPercent);
            const minValue = parseLimit(limitText[metric].min);
            const maxValue = parseLimit(limitText[metric].max);
            const crossed =
              minProblem === null &&
              maxProblem === null &&
              minValue !== null &&
              maxValue !== null &&
              minValue > maxValue;
            const problems = [
              minProblem === null ? null : `Minimum: ${minProblem}`,
              maxProblem === null ? null : `Maximum: ${maxProblem}`,
              crossed ? 'The minimum is above the maximum, so no validator can match.' : null,
            ].filter((problem): problem is string => problem !== null);
            const problemId = `limit-problem-${metric}`;
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
                    aria-invalid={minProblem !== null || crossed}
                    aria-describedby={problems.length > 0 ? problemId : undefined}
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
                    aria-invalid={maxProblem !== null || crossed}
                    aria-describedby={problems.length > 0 ? problemId : undefined}
                    value={limitText[metric].max}
                    onChange={(event) => changeLimit(metric, 'max', event.target.value)}
                  />
                </label>
                {problems.length > 0 && (
                  <p id={problemId} className="hint" role="status">
                    {problems.join(' ')}
                    {minProblem !== null || maxProblem !== null
                      ? ' A limit with a problem is not applied.'
                      : ''}
                  </p>
                )}
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
