import { WalletError } from '../../../shared/errors';
import { formatSol } from '../amount';

export interface StakeBudget {
  /** Balance of the Ledger account that funds the stake account and pays the fee. */
  balanceLamports: bigint;
  /** Fee of the staking transaction itself. */
  feeLamports: bigint;
  /** Rent-exempt reserve of the new stake account (200 bytes). */
  stakeRentExemptReserveLamports: bigint;
  /** Lamports left in the account afterwards, from `keptReserveLamports`. */
  keptReserveLamports: bigint;
}

export interface KeptReserveInput {
  /** Fee of one later transaction (deactivate, then withdraw), priority fee included. */
  feePerLaterTransactionLamports: bigint;
  /** Rent-exempt minimum of a system account with no data (`getMinimumBalanceForRentExemption(0)`). */
  systemAccountRentExemptMinimumLamports: bigint;
  /** How many later transactions the reserve covers; deactivate and withdraw make 2. */
  laterTransactions?: number;
}

/**
 * Computes what staking "max" leaves behind. The runtime rejects a transaction that leaves a
 * rent-exempt system account with a balance above zero but below the rent-exempt minimum.
 * So the reserve is that minimum plus the fees of the later deactivate and withdraw. A smaller
 * reserve would make the staking transaction itself fail, and a zero reserve would leave
 * nothing to pay for unstaking.
 */
export function keptReserveLamports(input: KeptReserveInput): bigint {
  const count = BigInt(input.laterTransactions ?? 2);
  return (
    input.systemAccountRentExemptMinimumLamports + input.feePerLaterTransactionLamports * count
  );
}

/**
 * Computes the largest amount that can be staked: balance − fee − stake rent reserve − kept
 * reserve, floored at 0. The max button, the percentage buttons and validation all use this formula.
 */
export function maxStakeableLamports(budget: StakeBudget): bigint {
  const max =
    budget.balanceLamports -
    budget.feeLamports -
    budget.stakeRentExemptReserveLamports -
    budget.keptReserveLamports;
  return max > 0n ? max : 0n;
}

/** Computes the amount for a percentage button: that share of the maximum, rounded down. */
export function stakeableLamportsForPercent(budget: StakeBudget, percent: number): bigint {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`percent must be an integer from 0 to 100, got ${percent}`);
  }
  return (maxStakeableLamports(budget) * BigInt(percent)) / 100n;
}

/**
 * Validates an amount to stake against the maximum and the cluster's minimum delegation.
 *
 * @throws WalletError AMOUNT_ZERO, STAKE_AMOUNT_ABOVE_MAXIMUM (with the maximum) or
 *   STAKE_AMOUNT_BELOW_MINIMUM_DELEGATION.
 */
export function assertStakeAmount(
  requestedLamports: bigint,
  budget: StakeBudget,
  minimumDelegationLamports: bigint,
): void {
  if (requestedLamports <= 0n) {
    throw new WalletError(
      'AMOUNT_ZERO',
      { input: requestedLamports.toString() },
      'Enter an amount greater than 0 SOL.',
    );
  }

  const max = maxStakeableLamports(budget);
  if (requestedLamports > max) {
    throw new WalletError(
      'STAKE_AMOUNT_ABOVE_MAXIMUM',
      {
        requestedLamports: requestedLamports.toString(),
        maxStakeableLamports: max.toString(),
        balanceLamports: budget.balanceLamports.toString(),
      },
      `You can stake at most ${formatSol(max)} from a balance of ${formatSol(budget.balanceLamports)}; ${formatSol(requestedLamports)} is too much.`,
    );
  }

  if (requestedLamports < minimumDelegationLamports) {
    throw new WalletError(
      'STAKE_AMOUNT_BELOW_MINIMUM_DELEGATION',
      {
        requestedLamports: requestedLamports.toString(),
        minimumDelegationLamports: minimumDelegationLamports.toString(),
      },
      `The cluster's minimum delegation is ${formatSol(minimumDelegationLamports)}; ${formatSol(requestedLamports)} is below it.`,
    );
  }
}

export interface FeePayerCheck {
  feePayer: string;
  balanceLamports: bigint;
  /** The exact fee of the transaction, from its compiled message. */
  feeLamports: bigint;
  /** Lamports the transaction moves out of the fee payer besides the fee. */
  otherOutflowLamports?: bigint;
  /**
   * Rent-exempt minimum of a system account with no data. When given, a balance that would
   * drop from rent-exempt to a non-zero amount below it counts as too low, because the
   * runtime rejects that transition.
   */
  rentExemptMinimumLamports?: bigint;
}

/**
 * Checks that the fee payer can pay the fee before the device is asked to sign.
 *
 * @throws WalletError FEE_PAYER_BALANCE_TOO_LOW naming the fee and the amount to add.
 */
export function assertFeePayerCanPay(check: FeePayerCheck): void {
  const needed = check.feeLamports + (check.otherOutflowLamports ?? 0n);
  let shortfall = needed - check.balanceLamports;

  const minimum = check.rentExemptMinimumLamports;
  const remaining = check.balanceLamports - needed;
  if (
    shortfall <= 0n &&
    minimum !== undefined &&
    check.balanceLamports >= minimum &&
    remaining > 0n &&
    remaining < minimum
  ) {
    shortfall = minimum - remaining;
  }
  if (shortfall <= 0n) {
    return;
  }

  throw new WalletError(
    'FEE_PAYER_BALANCE_TOO_LOW',
    {
      feePayer: check.feePayer,
      balanceLamports: check.balanceLamports.toString(),
      feeLamports: check.feeLamports.toString(),
      shortfallLamports: shortfall.toString(),
    },
    `The fee is ${formatSol(check.feeLamports)} and ${check.feePayer} holds ${formatSol(check.balanceLamports)}; add at least ${formatSol(shortfall)} to it.`,
  );
}
