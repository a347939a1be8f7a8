import { WalletError } from '../../../shared/errors';
import { formatSol } from '../amount';
import type { StakeAccountSnapshot } from '../stake-account';

export interface SplitCheck {
  source: StakeAccountSnapshot;
  splitLamports: bigint;
  /** Lamports already at the destination address, for example sent there by mistake. */
  destinationLamports?: bigint;
  /** Rent-exempt reserve of a 200-byte stake account. */
  destinationRentExemptReserveLamports: bigint;
  /** From `getStakeMinimumDelegation` at run time; 1 lamport on clusters without a minimum. */
  minimumDelegationLamports: bigint;
}

export interface SplitPlan {
  splitLamports: bigint;
  /** Lamports the Ledger account pays into the destination first: its rent reserve minus its balance. */
  prefundLamports: bigint;
  /** True when the split moves every lamport, which closes the source. */
  closesSource: boolean;
  sourceStakeAfterLamports: bigint;
  destinationStakeLamports: bigint;
}

/**
 * Checks a split the way the stake program will, before anything is signed. For a delegated
 * source, both legs must keep at least the minimum delegation and the source must also keep
 * its rent reserve. An active source needs a destination that already has its own rent
 * reserve, so the plan prefunds the destination with the reserve minus its balance, which
 * makes the destination's stake the whole split amount. Splitting every lamport closes the
 * source instead.
 *
 * @throws WalletError AMOUNT_ZERO, SPLIT_AMOUNT_INVALID or SPLIT_LEG_BELOW_MINIMUM.
 */
export function planSplit(check: SplitCheck): SplitPlan {
  const { source, splitLamports } = check;
  const destinationHeld = check.destinationLamports ?? 0n;
  const sourceReserve = source.state.meta.rentExemptReserve;

  if (splitLamports <= 0n) {
    throw new WalletError(
      'AMOUNT_ZERO',
      { input: splitLamports.toString() },
      'Enter an amount greater than 0 SOL.',
    );
  }
  if (splitLamports > source.lamports) {
    throw splitTooLarge(source, splitLamports, source.lamports);
  }

  const remaining = source.lamports - splitLamports;
  const closesSource = remaining === 0n;
  const deficit = check.destinationRentExemptReserveLamports - destinationHeld;
  const prefundLamports = !closesSource && deficit > 0n ? deficit : 0n;

  switch (source.state.kind) {
    case 'initialized': {
      if (!closesSource && remaining < sourceReserve) {
        throw splitTooLarge(source, splitLamports, source.lamports - sourceReserve);
      }
      return {
        splitLamports,
        prefundLamports,
        closesSource,
        sourceStakeAfterLamports: 0n,
        destinationStakeLamports: 0n,
      };
    }
    case 'delegated': {
      const delegated = source.state.stake.delegation.stake;
      const minimum = check.minimumDelegationLamports;

      if (closesSource) {
        const destinationStake = positive(splitLamports - sourceReserve);
        assertLeg(source, 'destination', destinationStake, minimum);
        return {
          splitLamports,
          prefundLamports,
          closesSource,
          sourceStakeAfterLamports: 0n,
          destinationStakeLamports: destinationStake,
        };
      }

      // The program checks the source's delegation and its lamports above the reserve.
      const sourceStakeAfter = positive(delegated - splitLamports);
      const sourceLeg = minOf(sourceStakeAfter, positive(remaining - sourceReserve));
      assertLeg(source, 'source', sourceLeg, minimum);

      const destinationShortfall = positive(
        check.destinationRentExemptReserveLamports - destinationHeld - prefundLamports,
      );
      const destinationStake = positive(splitLamports - destinationShortfall);
      assertLeg(source, 'destination', destinationStake, minimum);

      return {
        splitLamports,
        prefundLamports,
        closesSource,
        sourceStakeAfterLamports: sourceStakeAfter,
        destinationStakeLamports: destinationStake,
      };
    }
  }
}

/**
 * Returns the range of partial split amounts that pass `planSplit` with a prefunded
 * destination, or null when no partial split keeps both legs at the minimum.
 */
export function partialSplitRange(
  source: StakeAccountSnapshot,
  minimumDelegationLamports: bigint,
): { minLamports: bigint; maxLamports: bigint } | null {
  if (source.state.kind !== 'delegated') {
    const max = source.lamports - source.state.meta.rentExemptReserve;
    return max >= 1n ? { minLamports: 1n, maxLamports: max } : null;
  }

  const delegated = source.state.stake.delegation.stake;
  const spare = source.lamports - source.state.meta.rentExemptReserve;
  const max = minOf(delegated, spare) - minimumDelegationLamports;
  return max >= minimumDelegationLamports
    ? { minLamports: minimumDelegationLamports, maxLamports: max }
    : null;
}

function assertLeg(
  source: StakeAccountSnapshot,
  leg: 'source' | 'destination',
  legLamports: bigint,
  minimum: bigint,
): void {
  if (legLamports >= minimum) {
    return;
  }
  throw new WalletError(
    'SPLIT_LEG_BELOW_MINIMUM',
    {
      stakeAccount: source.address,
      leg,
      legLamports: legLamports.toString(),
      minimumDelegationLamports: minimum.toString(),
    },
    `After the split the ${leg} account would hold ${formatSol(legLamports)} of stake; the minimum delegation is ${formatSol(minimum)}.`,
  );
}

function splitTooLarge(source: StakeAccountSnapshot, requested: bigint, max: bigint): WalletError {
  const bounded = positive(max);
  return new WalletError(
    'SPLIT_AMOUNT_INVALID',
    {
      stakeAccount: source.address,
      requestedLamports: requested.toString(),
      maxSplitLamports: bounded.toString(),
    },
    `${source.address} can split at most ${formatSol(bounded)} while staying open, or all ${formatSol(source.lamports)}; ${formatSol(requested)} does not fit.`,
  );
}

function positive(value: bigint): bigint {
  return value > 0n ? value : 0n;
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
