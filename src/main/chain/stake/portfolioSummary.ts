import type {
  PortfolioSummary,
  StakeAccountView,
  StakeStateLabel,
} from '../../../shared/domain/chain';

/** Adds up the stake accounts' amounts; stale accounts count with their last known values. */
export function summarizePortfolio(accounts: readonly StakeAccountView[]): PortfolioSummary {
  const countByState: Record<StakeStateLabel, number> = {
    inactive: 0,
    activating: 0,
    active: 0,
    deactivating: 0,
  };
  const totals = {
    lamports: 0n,
    effective: 0n,
    activating: 0n,
    deactivating: 0n,
    inactive: 0n,
    withdrawable: 0n,
  };
  let staleCount = 0;
  let oldestDataSlot: number | null = null;

  for (const account of accounts) {
    countByState[account.state] += 1;
    totals.lamports += BigInt(account.lamports);
    totals.effective += BigInt(account.effective);
    totals.activating += BigInt(account.activating);
    totals.deactivating += BigInt(account.deactivating);
    totals.inactive += BigInt(account.inactive);
    totals.withdrawable += BigInt(account.withdrawable);
    if (account.stale) {
      staleCount += 1;
    }
    if (oldestDataSlot === null || account.dataSlot < oldestDataSlot) {
      oldestDataSlot = account.dataSlot;
    }
  }

  return {
    accountCount: accounts.length,
    staleCount,
    countByState,
    lamports: totals.lamports.toString(),
    effective: totals.effective.toString(),
    activating: totals.activating.toString(),
    deactivating: totals.deactivating.toString(),
    inactive: totals.inactive.toString(),
    withdrawable: totals.withdrawable.toString(),
    oldestDataSlot,
  };
}
