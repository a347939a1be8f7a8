import { describe, expect, it } from 'vitest';

import { partialSplitRange, planSplit } from '../../../src/main/stake';
import { isWalletError, type WalletError } from '../../../src/shared/errors';
import { delegatedSnapshot, initializedSnapshot, RENT_RESERVE, SOL } from './fixtures';

const minimumDelegation = SOL;
const source = delegatedSnapshot({ delegated: 5n * SOL, lamports: RENT_RESERVE + 5n * SOL });

function split(splitLamports: bigint, destinationLamports = 0n) {
  return planSplit({
    source,
    splitLamports,
    destinationLamports,
    destinationRentExemptReserveLamports: RENT_RESERVE,
    minimumDelegationLamports: minimumDelegation,
  });
}

function caught(run: () => void): WalletError {
  try {
    run();
  } catch (error) {
    if (isWalletError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a WalletError');
}

describe('planSplit', () => {
  it('prefunds an empty destination with its whole rent reserve', () => {
    expect(split(2n * SOL)).toEqual({
      splitLamports: 2n * SOL,
      prefundLamports: RENT_RESERVE,
      closesSource: false,
      sourceStakeAfterLamports: 3n * SOL,
      destinationStakeLamports: 2n * SOL,
    });
  });

  it('prefunds only what the destination lacks', () => {
    expect(split(2n * SOL, 1_000_000n).prefundLamports).toBe(RENT_RESERVE - 1_000_000n);
    expect(split(2n * SOL, RENT_RESERVE + 1n).prefundLamports).toBe(0n);
  });

  it('names the source leg when it would fall below the minimum', () => {
    const error = caught(() => split(4n * SOL + SOL / 2n));
    expect(error.code).toBe('SPLIT_LEG_BELOW_MINIMUM');
    expect(error.context).toMatchObject({
      leg: 'source',
      legLamports: (SOL / 2n).toString(),
      minimumDelegationLamports: SOL.toString(),
    });
  });

  it('names the destination leg when it would fall below the minimum', () => {
    const error = caught(() => split(SOL / 2n));
    expect(error.context).toMatchObject({ leg: 'destination', legLamports: (SOL / 2n).toString() });
  });

  it('accepts both legs exactly at the minimum', () => {
    const exact = delegatedSnapshot({ delegated: 2n * SOL, lamports: RENT_RESERVE + 2n * SOL });
    const plan = planSplit({
      source: exact,
      splitLamports: SOL,
      destinationRentExemptReserveLamports: RENT_RESERVE,
      minimumDelegationLamports: SOL,
    });
    expect(plan.sourceStakeAfterLamports).toBe(SOL);
    expect(plan.destinationStakeLamports).toBe(SOL);
  });

  it('moves everything when the split takes every lamport, without a prefund', () => {
    expect(split(source.lamports)).toMatchObject({
      closesSource: true,
      prefundLamports: 0n,
      destinationStakeLamports: 5n * SOL,
    });
  });

  it('rejects more than the source holds', () => {
    const error = caught(() => split(source.lamports + 1n));
    expect(error.code).toBe('SPLIT_AMOUNT_INVALID');
  });

  it('checks an initialized source against its rent reserve only', () => {
    const initialized = initializedSnapshot({ lamports: RENT_RESERVE + SOL });
    const plan = planSplit({
      source: initialized,
      splitLamports: SOL,
      destinationRentExemptReserveLamports: RENT_RESERVE,
      minimumDelegationLamports: SOL,
    });
    expect(plan.prefundLamports).toBe(RENT_RESERVE);

    const error = caught(() =>
      planSplit({
        source: initialized,
        splitLamports: SOL + 1n,
        destinationRentExemptReserveLamports: RENT_RESERVE,
        minimumDelegationLamports: SOL,
      }),
    );
    expect(error.code).toBe('SPLIT_AMOUNT_INVALID');
    expect(error.context).toMatchObject({ maxSplitLamports: SOL.toString() });
  });
});

describe('partialSplitRange', () => {
  it('gives the amounts that keep both legs at the minimum', () => {
    expect(partialSplitRange(source, minimumDelegation)).toEqual({
      minLamports: SOL,
      maxLamports: 4n * SOL,
    });
  });

  it('is null when the account is too small to split', () => {
    expect(
      partialSplitRange(delegatedSnapshot({ delegated: SOL + SOL / 2n }), minimumDelegation),
    ).toBeNull();
  });
});
