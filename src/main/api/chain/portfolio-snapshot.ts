import type {
  AccountRewards,
  EpochRewards,
  OwnerBalance,
  PortfolioRewards,
  PortfolioSnapshot,
  PortfolioTotals,
} from '../../../shared/contract/chain';
import type {
  AccountApr,
  PortfolioSummary,
  RewardEntry,
  StakeAccountView,
} from '../../../shared/domain/chain';
import type { StoredAccount } from '../../../shared/domain/store';

/**
 * Lists the person's accounts with their balances and the number of stake accounts each
 * controls. `balances` contains the lamports read by this refresh. An account missing from it
 * keeps the balance in `previous`, or null when none was ever read.
 */
export function buildOwnerBalances(
  accounts: readonly StoredAccount[],
  stakeAccounts: readonly StakeAccountView[],
  balances: ReadonlyMap<string, bigint> | null,
  previous: readonly OwnerBalance[],
): OwnerBalance[] {
  const previousByAddress = new Map(previous.map((owner) => [owner.address, owner]));
  const counts = new Map<string, number>();
  for (const view of stakeAccounts) {
    // An account whose staker and withdrawer are the same key counts once for that key.
    for (const key of new Set([view.staker, view.withdrawer])) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }

  return accounts.map((account) => {
    const read = balances?.get(account.publicKey);
    const lamports =
      read === undefined
        ? (previousByAddress.get(account.publicKey)?.lamports ?? null)
        : read.toString();
    return {
      address: account.publicKey,
      name: account.name,
      path: account.derivationPath,
      lamports,
      stakeAccountCount: counts.get(account.publicKey) ?? 0,
    };
  });
}

/** Adds the Ledger accounts' own balances to the stake accounts' summary. */
export function computePortfolioTotals(
  owners: readonly OwnerBalance[],
  summary: PortfolioSummary,
): PortfolioTotals {
  const available = owners.reduce((sum, owner) => sum + BigInt(owner.lamports ?? '0'), 0n);
  const staked = BigInt(summary.lamports);
  return {
    total: (available + staked).toString(),
    available: available.toString(),
    staked: summary.lamports,
    effective: summary.effective,
    activating: summary.activating,
    deactivating: summary.deactivating,
    inactive: summary.inactive,
    withdrawable: summary.withdrawable,
  };
}

export interface RewardsRead {
  epochs: readonly number[];
  entries: readonly RewardEntry[];
  apr: readonly AccountApr[];
  readInEpoch: number;
  fetchedAt: string;
}

/** Sums reward entries per epoch and per stake account, for the chart and the table. */
export function summarizeRewards(read: RewardsRead): PortfolioRewards {
  const epochs = [...read.epochs].sort((left, right) => left - right);
  const lastEpoch = epochs.at(-1) ?? null;

  const byEpoch = new Map<
    number,
    { amount: bigint; paid: number; pending: number; missing: number }
  >(epochs.map((epoch) => [epoch, { amount: 0n, paid: 0, pending: 0, missing: 0 }]));
  const byAccount = new Map<string, { amount: bigint; last: bigint | null }>();

  for (const entry of read.entries) {
    const epochTotal = byEpoch.get(entry.epoch);
    const accountTotal = byAccount.get(entry.address) ?? { amount: 0n, last: null };
    byAccount.set(entry.address, accountTotal);

    switch (entry.status) {
      case 'paid':
        if (epochTotal !== undefined) {
          epochTotal.amount += BigInt(entry.amount);
          epochTotal.paid += 1;
        }
        accountTotal.amount += BigInt(entry.amount);
        if (entry.epoch === lastEpoch) {
          accountTotal.last = BigInt(entry.amount);
        }
        break;
      case 'none':
        if (entry.epoch === lastEpoch) {
          accountTotal.last = 0n;
        }
        break;
      case 'pending':
        if (epochTotal !== undefined) {
          epochTotal.pending += 1;
        }
        break;
      case 'unavailable':
        if (epochTotal !== undefined) {
          epochTotal.missing += 1;
        }
        break;
    }
  }

  const aprByAddress = new Map(read.apr.map((entry) => [entry.address, entry]));
  const accounts: AccountRewards[] = [...byAccount].map(([address, total]) => ({
    address,
    amount: total.amount.toString(),
    lastEpochAmount: total.last === null ? null : total.last.toString(),
    apr: aprByAddress.get(address)?.apr ?? null,
    epochsCounted: aprByAddress.get(address)?.epochsCounted ?? 0,
  }));
  const epochTotals: EpochRewards[] = [...byEpoch].map(([epoch, total]) => ({
    epoch,
    amount: total.amount.toString(),
    paidCount: total.paid,
    pendingCount: total.pending,
    unavailableCount: total.missing,
  }));

  return {
    epochs,
    byEpoch: epochTotals,
    byAccount: accounts,
    readInEpoch: read.readInEpoch,
    fetchedAt: read.fetchedAt,
  };
}

/**
 * Tells whether saved rewards can stand in for a new read: read in the same epoch, for the
 * same stake accounts and epoch count, and with no epoch still pending or unavailable. Paid
 * rewards of a completed epoch never change, so reading them again only costs requests.
 */
export function canReuseRewards(
  previous: PortfolioRewards | null,
  currentEpoch: number,
  addresses: readonly string[],
  epochCount: number,
): previous is PortfolioRewards {
  if (previous === null || previous.readInEpoch !== currentEpoch) {
    return false;
  }
  if (previous.epochs.length !== Math.min(epochCount, currentEpoch)) {
    return false;
  }
  if (previous.byEpoch.some((epoch) => epoch.pendingCount > 0 || epoch.unavailableCount > 0)) {
    return false;
  }
  const known = new Set(previous.byAccount.map((entry) => entry.address));
  return known.size === addresses.length && addresses.every((address) => known.has(address));
}

/**
 * Lists the stake accounts whose rewards are read: the current ones, and those of the
 * previous snapshot that are gone now (merged, withdrawn or moved) but were stake accounts
 * or earned rewards then. Their past rewards stay in the history until they leave the
 * window of epochs read, after which they are no longer carried.
 */
export function rewardAddressesOf(
  current: readonly string[],
  previous: Pick<PortfolioSnapshot, 'stakeAccounts' | 'rewards'> | null,
): string[] {
  const addresses = new Set(current);
  for (const view of previous?.stakeAccounts ?? []) {
    addresses.add(view.address);
  }
  for (const entry of previous?.rewards?.byAccount ?? []) {
    if (entry.amount !== '0') {
      addresses.add(entry.address);
    }
  }
  return [...addresses];
}

/** Rewards of a portfolio without stake accounts: every epoch read, nothing paid. */
export function emptyRewards(
  epochs: readonly number[],
  readInEpoch: number,
  fetchedAt: string,
): PortfolioRewards {
  return summarizeRewards({ epochs, entries: [], apr: [], readInEpoch, fetchedAt });
}
