import { describe, expect, it } from 'vitest';

import {
  assertFeePayerCanPay,
  assertStakeAmount,
  keptReserveLamports,
  maxStakeableLamports,
  parseSolAmount,
  stakeableLamportsForPercent,
} from '../../../src/main/stake';
import type { StakeBudget } from '../../../src/main/stake';
import { isWalletError, type WalletError } from '../../../src/shared/errors';
import { RENT_RESERVE, SOL, speculos } from './fixtures';

const SYSTEM_RENT_MINIMUM = 890_880n;
const FEE = 5_000n;

function budget(balanceLamports: bigint): StakeBudget {
  return {
    balanceLamports,
    feeLamports: FEE,
    stakeRentExemptReserveLamports: RENT_RESERVE,
    keptReserveLamports: keptReserveLamports({
      feePerLaterTransactionLamports: FEE,
      systemAccountRentExemptMinimumLamports: SYSTEM_RENT_MINIMUM,
    }),
  };
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

describe('keptReserveLamports', () => {
  it('keeps the rent minimum plus a deactivate and a withdraw fee', () => {
    expect(
      keptReserveLamports({
        feePerLaterTransactionLamports: FEE,
        systemAccountRentExemptMinimumLamports: SYSTEM_RENT_MINIMUM,
      }),
    ).toBe(SYSTEM_RENT_MINIMUM + 2n * FEE);
  });
});

describe('maxStakeableLamports', () => {
  it('subtracts fee, stake rent and kept reserve', () => {
    const balance = parseSolAmount('1.57');
    expect(maxStakeableLamports(budget(balance))).toBe(
      balance - FEE - RENT_RESERVE - SYSTEM_RENT_MINIMUM - 2n * FEE,
    );
  });

  it('is zero when the balance does not cover the costs', () => {
    expect(maxStakeableLamports(budget(1_000_000n))).toBe(0n);
  });

  it('drives the percentage buttons with the same formula', () => {
    const max = maxStakeableLamports(budget(parseSolAmount('1.57')));
    expect(stakeableLamportsForPercent(budget(parseSolAmount('1.57')), 100)).toBe(max);
    expect(stakeableLamportsForPercent(budget(parseSolAmount('1.57')), 50)).toBe(max / 2n);
    expect(stakeableLamportsForPercent(budget(parseSolAmount('1.57')), 25)).toBe(
      (max * 25n) / 100n,
    );
    expect(() => stakeableLamportsForPercent(budget(SOL), 101)).toThrow(RangeError);
  });

  it('leaves enough for a later deactivate and withdraw without breaking rent rules', () => {
    const balance = parseSolAmount('3');
    const max = maxStakeableLamports(budget(balance));
    const left = balance - FEE - RENT_RESERVE - max;

    // After staking max, the account stays rent-exempt and can pay two more fees.
    expect(left).toBeGreaterThanOrEqual(SYSTEM_RENT_MINIMUM);
    expect(left - 2n * FEE).toBe(SYSTEM_RENT_MINIMUM);
  });
});

describe('assertStakeAmount', () => {
  const minimumDelegation = SOL;

  it('rejects 2 SOL from a 1.57 SOL balance, naming the maximum', () => {
    const current = budget(parseSolAmount('1.57'));
    const error = caught(() => assertStakeAmount(parseSolAmount('2'), current, 1n));

    expect(error.code).toBe('STAKE_AMOUNT_ABOVE_MAXIMUM');
    expect(error.context).toMatchObject({
      requestedLamports: '2000000000',
      maxStakeableLamports: maxStakeableLamports(current).toString(),
      balanceLamports: '1570000000',
    });
  });

  it('accepts exactly the maximum and rejects one lamport more', () => {
    const current = budget(parseSolAmount('10'));
    const max = maxStakeableLamports(current);
    expect(() => assertStakeAmount(max, current, minimumDelegation)).not.toThrow();
    expect(caught(() => assertStakeAmount(max + 1n, current, minimumDelegation)).code).toBe(
      'STAKE_AMOUNT_ABOVE_MAXIMUM',
    );
  });

  it('rejects amounts below the minimum delegation', () => {
    const error = caught(() => assertStakeAmount(SOL / 2n, budget(10n * SOL), minimumDelegation));
    expect(error.code).toBe('STAKE_AMOUNT_BELOW_MINIMUM_DELEGATION');
    expect(error.context).toMatchObject({ minimumDelegationLamports: SOL.toString() });
  });

  it('rejects zero', () => {
    expect(caught(() => assertStakeAmount(0n, budget(10n * SOL), 1n)).code).toBe('AMOUNT_ZERO');
  });
});

describe('assertFeePayerCanPay', () => {
  const feePayer = speculos.account0.toBase58();

  it('says the exact fee and what to add when the account is empty', () => {
    const error = caught(() =>
      assertFeePayerCanPay({ feePayer, balanceLamports: 0n, feeLamports: FEE }),
    );

    expect(error.code).toBe('FEE_PAYER_BALANCE_TOO_LOW');
    expect(error.context).toEqual({
      feePayer,
      balanceLamports: '0',
      feeLamports: '5000',
      shortfallLamports: '5000',
    });
    expect(error.message).toContain('0.000005 SOL');
  });

  it('counts what the transaction moves out besides the fee', () => {
    const error = caught(() =>
      assertFeePayerCanPay({
        feePayer,
        balanceLamports: RENT_RESERVE,
        feeLamports: FEE,
        otherOutflowLamports: RENT_RESERVE,
      }),
    );
    expect(error.context).toMatchObject({ shortfallLamports: '5000' });
  });

  it('passes when the balance covers the fee exactly', () => {
    expect(() =>
      assertFeePayerCanPay({ feePayer, balanceLamports: FEE, feeLamports: FEE }),
    ).not.toThrow();
  });

  it('rejects leaving a rent-exempt account below the rent minimum', () => {
    const error = caught(() =>
      assertFeePayerCanPay({
        feePayer,
        balanceLamports: SYSTEM_RENT_MINIMUM,
        feeLamports: FEE,
        rentExemptMinimumLamports: SYSTEM_RENT_MINIMUM,
      }),
    );
    expect(error.context).toMatchObject({ shortfallLamports: '5000' });
    expect(() =>
      assertFeePayerCanPay({
        feePayer,
        balanceLamports: SYSTEM_RENT_MINIMUM + FEE,
        feeLamports: FEE,
        rentExemptMinimumLamports: SYSTEM_RENT_MINIMUM,
      }),
    ).not.toThrow();
  });
});
