import type { PortfolioTotals } from '../../../../shared/contract/chain';

/** One line of the portfolio totals card. */
export interface BreakdownRow {
  key: string;
  label: string;
  hint: string;
  /** Amount in lamports, as a decimal string. */
  lamports: string;
  /** 0 for a total, 1 for a part of the total, 2 for a part of "In stake accounts". */
  level: 0 | 1 | 2;
}

/**
 * Splits the portfolio into parts that do not overlap, so each level adds up to the line it
 * belongs to. The domain figures overlap: `inactive` contains the stake still activating (as
 * the removed getStakeActivation RPC method counted it), and `effective` contains the stake
 * deactivating. Withdrawable overlaps the parts, so it comes last, outside the sums.
 */
export function buildPortfolioBreakdown(totals: PortfolioTotals): BreakdownRow[] {
  const effective = BigInt(totals.effective);
  const activating = BigInt(totals.activating);
  const deactivating = BigInt(totals.deactivating);
  const inactive = BigInt(totals.inactive);
  const staked = BigInt(totals.staked);
  // The rent-exempt reserve of each account is neither effective nor inactive stake.
  const rentReserve = staked - effective - inactive;

  const rows: [string, string, string, bigint | string, BreakdownRow['level']][] = [
    ['total', 'Total', 'Available plus everything in stake accounts', totals.total, 0],
    ['available', 'Available', 'Held by your Ledger accounts, ready to stake', totals.available, 1],
    [
      'staked',
      'In stake accounts',
      'Active, deactivating, activating, inactive and rent reserve',
      staked,
      1,
    ],
    [
      'effective',
      'Active stake',
      'Earning rewards and staying staked',
      effective - deactivating,
      2,
    ],
    [
      'deactivating',
      'Deactivating',
      'Earning this epoch, withdrawable once cooled down',
      deactivating,
      2,
    ],
    ['activating', 'Activating', 'Delegated, starts earning over the next epochs', activating, 2],
    [
      'inactive',
      'Inactive',
      'Not earning: lamports above the delegation and the rent reserve',
      inactive - activating,
      2,
    ],
    ['rent', 'Rent reserve', 'Kept in each stake account while the account exists', rentReserve, 2],
    [
      'withdrawable',
      'Withdrawable',
      'Part of the stake accounts that can be withdrawn now',
      totals.withdrawable,
      0,
    ],
  ];
  return rows.map(([key, label, hint, lamports, level]) => ({
    key,
    label,
    hint,
    lamports: lamports.toString(),
    level,
  }));
}
