import type { CommissionChange, ValidatorsSnapshot } from '../../../../shared/contract/chain';
import type { ValidatorView } from '../../../../shared/domain/chain';
import { sortRows, type SortState, type SortValue } from './sorting';

/**
 * Commission from which the page warns. An app choice, not a network rule: most staked
 * validators charge 10 % or less.
 */
export const HIGH_COMMISSION_PERCENT = 10;

/** A reason to think twice before delegating to a validator. */
export type ValidatorWarning =
  | { kind: 'delinquent' }
  | { kind: 'superminority' }
  | { kind: 'high-commission'; commission: number }
  | { kind: 'commission-raised'; from: number; to: number; seenInEpoch: number };

export interface ValidatorRow {
  view: ValidatorView;
  warnings: ValidatorWarning[];
}

/** Numeric columns, each of which can be sorted and limited by a minimum and a maximum. */
export const validatorMetrics = [
  'commission',
  'activatedStake',
  'stakeShare',
  'creditsVsMedian',
  'skipRate',
  'estimatedApy',
  'lastVote',
] as const;
export type ValidatorMetric = (typeof validatorMetrics)[number];

export const validatorSortKeys = ['name', 'warnings', ...validatorMetrics] as const;
export type ValidatorSortKey = (typeof validatorSortKeys)[number];

/** Limits typed by the person; null means no limit. Stake is in SOL, shares in percent. */
export type MetricLimits = Record<ValidatorMetric, { min: number | null; max: number | null }>;

export interface ValidatorFilter {
  /** Matches the name, vote account or identity, ignoring case. */
  text: string;
  hideDelinquent: boolean;
  hideSuperminority: boolean;
  hideHighCommission: boolean;
  hideCommissionRaised: boolean;
  limits: MetricLimits;
}

export const emptyValidatorFilter: ValidatorFilter = {
  text: '',
  hideDelinquent: false,
  hideSuperminority: false,
  hideHighCommission: false,
  hideCommissionRaised: false,
  limits: Object.fromEntries(
    validatorMetrics.map((metric) => [metric, { min: null, max: null }]),
  ) as MetricLimits,
};

export function listValidatorWarnings(
  view: ValidatorView,
  change: CommissionChange | undefined,
): ValidatorWarning[] {
  const warnings: ValidatorWarning[] = [];
  if (view.delinquent) {
    warnings.push({ kind: 'delinquent' });
  }
  if (view.superminority) {
    warnings.push({ kind: 'superminority' });
  }
  if (view.commission >= HIGH_COMMISSION_PERCENT) {
    warnings.push({ kind: 'high-commission', commission: view.commission });
  }
  if (change !== undefined && change.to > change.from) {
    warnings.push({
      kind: 'commission-raised',
      from: change.from,
      to: change.to,
      seenInEpoch: change.seenInEpoch,
    });
  }
  return warnings;
}

export function buildValidatorRows(snapshot: ValidatorsSnapshot): ValidatorRow[] {
  const changes = new Map(snapshot.commissionChanges.map((change) => [change.votePubkey, change]));
  return snapshot.validators.map((view) => ({
    view,
    warnings: listValidatorWarnings(view, changes.get(view.votePubkey)),
  }));
}

/**
 * Returns a metric in the unit the filter fields use: SOL for stake, percent for the
 * commission, shares and rates, and plain numbers otherwise.
 */
export function metricValue(view: ValidatorView, metric: ValidatorMetric): number | null {
  switch (metric) {
    case 'commission':
      return view.commission;
    case 'activatedStake':
      // Whole SOL is exact enough to compare with a typed limit.
      return Number(BigInt(view.activatedStake) / 1_000_000_000n);
    case 'stakeShare':
      return view.stakeShare * 100;
    case 'creditsVsMedian':
      return view.creditsVsMedian;
    case 'skipRate':
      return view.skipRate === null ? null : view.skipRate * 100;
    case 'estimatedApy':
      return view.estimatedApy === null ? null : view.estimatedApy * 100;
    case 'lastVote':
      return view.lastVote;
  }
}

function hasWarning(row: ValidatorRow, kind: ValidatorWarning['kind']): boolean {
  return row.warnings.some((warning) => warning.kind === kind);
}

/** Keeps the rows that pass every filter; a row without a value fails a limit on that metric. */
export function filterValidatorRows(
  rows: readonly ValidatorRow[],
  filter: ValidatorFilter,
): ValidatorRow[] {
  const text = filter.text.trim().toLowerCase();
  const limits = validatorMetrics.filter(
    (metric) => filter.limits[metric].min !== null || filter.limits[metric].max !== null,
  );

  return rows.filter((row) => {
    if (filter.hideDelinquent && hasWarning(row, 'delinquent')) {
      return false;
    }
    if (filter.hideSuperminority && hasWarning(row, 'superminority')) {
      return false;
    }
    if (filter.hideHighCommission && hasWarning(row, 'high-commission')) {
      return false;
    }
    if (filter.hideCommissionRaised && hasWarning(row, 'commission-raised')) {
      return false;
    }
    for (const metric of limits) {
      const value = metricValue(row.view, metric);
      const { min, max } = filter.limits[metric];
      if (value === null || (min !== null && value < min) || (max !== null && value > max)) {
        return false;
      }
    }
    if (text === '') {
      return true;
    }
    const { name, votePubkey, nodePubkey } = row.view;
    return [name ?? '', votePubkey, nodePubkey].some((field) => field.toLowerCase().includes(text));
  });
}

function sortValueOf(row: ValidatorRow, key: ValidatorSortKey): SortValue {
  switch (key) {
    case 'name':
      return row.view.name ?? row.view.votePubkey;
    case 'warnings':
      return row.warnings.length;
    case 'activatedStake':
      return BigInt(row.view.activatedStake);
    case 'commission':
    case 'stakeShare':
    case 'creditsVsMedian':
    case 'skipRate':
    case 'estimatedApy':
    case 'lastVote':
      return metricValue(row.view, key);
  }
}

export function sortValidatorRows(
  rows: readonly ValidatorRow[],
  sort: SortState<ValidatorSortKey>,
): ValidatorRow[] {
  return sortRows(rows, (row) => sortValueOf(row, sort.key), sort.direction);
}
