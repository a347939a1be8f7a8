import type {
  AccountRewards,
  OwnerBalance,
  PortfolioSnapshot,
} from '../../../../shared/contract/chain';
import type { StakeAccountView, StakeStateLabel } from '../../../../shared/domain/chain';
import { secondsSince } from './age';
import { sortRows, type SortState, type SortValue } from './sorting';

/** One line of the stake accounts table: the account and what the table adds to it. */
export interface StakeAccountRow {
  view: StakeAccountView;
  /** Name from the validator info, or null when unknown or not delegated. */
  validatorName: string | null;
  /** Names (or paths) of the person's accounts that are its staker or withdrawer. */
  controlledBy: string[];
  /**
   * Share of the delegation that is effective (0 to 1) while the stake warms up or cools down.
   * Null for an account that is active, inactive or never delegated.
   */
  progress: number | null;
  rewards: AccountRewards | null;
  /** Seconds between the account's data and `nowMs` given to buildStakeAccountRows. */
  ageSeconds: number;
}

export const stakeAccountSortKeys = [
  'address',
  'state',
  'validator',
  'lamports',
  'effective',
  'activating',
  'deactivating',
  'inactive',
  'withdrawable',
  'progress',
  'rewards',
  'age',
] as const;
export type StakeAccountSortKey = (typeof stakeAccountSortKeys)[number];

export interface StakeAccountFilter {
  /** Matches the address, voter, validator name, staker or withdrawer, ignoring case. */
  text: string;
  state: StakeStateLabel | 'all';
  /** Address of one of the person's accounts, or 'all'. */
  owner: string;
  onlyWithdrawable: boolean;
  onlyStale: boolean;
}

export const emptyStakeAccountFilter: StakeAccountFilter = {
  text: '',
  state: 'all',
  owner: 'all',
  onlyWithdrawable: false,
  onlyStale: false,
};

/** Share of the delegation that is effective, for accounts that are changing state. */
export function computeActivationProgress(view: StakeAccountView): number | null {
  if (view.state !== 'activating' && view.state !== 'deactivating') {
    return null;
  }
  const delegated = BigInt(view.delegatedStake);
  if (delegated === 0n) {
    return null;
  }
  // Basis points in bigint, then a fraction: exact enough for a progress bar.
  return Number((BigInt(view.effective) * 10_000n) / delegated) / 10_000;
}

export function buildStakeAccountRows(
  snapshot: PortfolioSnapshot,
  validatorNames: ReadonlyMap<string, string>,
  nowMs: number,
): StakeAccountRow[] {
  const ownerLabels = new Map(snapshot.owners.map((owner) => [owner.address, labelOf(owner)]));
  const rewards = new Map(
    (snapshot.rewards?.byAccount ?? []).map((entry) => [entry.address, entry]),
  );

  return snapshot.stakeAccounts.map((view) => {
    const controlledBy = [...new Set([view.staker, view.withdrawer])].flatMap((key) => {
      const label = ownerLabels.get(key);
      return label === undefined ? [] : [label];
    });
    return {
      view,
      validatorName: view.voter === null ? null : (validatorNames.get(view.voter) ?? null),
      controlledBy,
      progress: computeActivationProgress(view),
      rewards: rewards.get(view.address) ?? null,
      ageSeconds: secondsSince(view.fetchedAt, nowMs),
    };
  });
}

function labelOf(owner: OwnerBalance): string {
  return owner.name === '' ? owner.path : owner.name;
}

export function filterStakeAccountRows(
  rows: readonly StakeAccountRow[],
  filter: StakeAccountFilter,
): StakeAccountRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    const { view } = row;
    if (filter.state !== 'all' && view.state !== filter.state) {
      return false;
    }
    if (
      filter.owner !== 'all' &&
      view.staker !== filter.owner &&
      view.withdrawer !== filter.owner
    ) {
      return false;
    }
    if (filter.onlyWithdrawable && view.withdrawable === '0') {
      return false;
    }
    if (filter.onlyStale && !view.stale) {
      return false;
    }
    if (text === '') {
      return true;
    }
    const haystack = [
      view.address,
      view.voter ?? '',
      row.validatorName ?? '',
      view.staker,
      view.withdrawer,
    ];
    return haystack.some((field) => field.toLowerCase().includes(text));
  });
}

function sortValueOf(row: StakeAccountRow, key: StakeAccountSortKey): SortValue {
  switch (key) {
    case 'address':
      return row.view.address;
    case 'state':
      return row.view.state;
    case 'validator':
      return row.validatorName ?? row.view.voter;
    case 'lamports':
    case 'effective':
    case 'activating':
    case 'deactivating':
    case 'inactive':
    case 'withdrawable':
      return BigInt(row.view[key]);
    case 'progress':
      return row.progress;
    case 'rewards':
      return row.rewards === null ? null : BigInt(row.rewards.amount);
    case 'age':
      return row.ageSeconds;
  }
}

export function sortStakeAccountRows(
  rows: readonly StakeAccountRow[],
  sort: SortState<StakeAccountSortKey>,
): StakeAccountRow[] {
  return sortRows(rows, (row) => sortValueOf(row, sort.key), sort.direction);
}
