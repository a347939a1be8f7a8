import { describe, expect, it } from 'vitest';

import { lamportsOfAmount, toMaxStakeable } from '../../../src/main/api/stake/stake-budget';

const budget = {
  balanceLamports: 10_000_000_000n,
  feeLamports: 10_000n,
  stakeRentExemptReserveLamports: 4_565_760n,
  keptReserveLamports: 900_880n,
};
const max = budget.balanceLamports - 10_000n - 4_565_760n - 900_880n;

describe('lamportsOfAmount', () => {
  it('parses typed SOL digit by digit', () => {
    expect(lamportsOfAmount({ unit: 'sol', value: '0.000000001' })).toBe(1n);
    expect(lamportsOfAmount({ unit: 'sol', value: '1.1' })).toBe(1_100_000_000n);
  });

  it('takes exact lamports', () => {
    expect(lamportsOfAmount({ unit: 'lamports', value: '18446744073709551615' })).toBe(
      18_446_744_073_709_551_615n,
    );
  });

  it.each([
    [{ unit: 'lamports' as const, value: '0' }, 'AMOUNT_ZERO'],
    [{ unit: 'sol' as const, value: '0' }, 'AMOUNT_ZERO'],
    [{ unit: 'sol' as const, value: '1e3' }, 'AMOUNT_NOT_DECIMAL'],
  ])('rejects %j', (amount, code) => {
    expect(() => lamportsOfAmount(amount)).toThrow(expect.objectContaining({ code }));
  });
});

describe('toMaxStakeable', () => {
  it('reports the maximum and its parts', () => {
    const view = toMaxStakeable('acct', { budget, feePerTransaction: 5_000n }, 1n, 2, undefined);
    expect(view).toEqual({
      account: 'acct',
      balanceLamports: '10000000000',
      feeLamports: '10000',
      stakeRentReserveLamports: '4565760',
      keptReserveLamports: '900880',
      maxLamports: max.toString(),
      amountLamports: max.toString(),
      minimumDelegationLamports: '1',
      validatorCount: 2,
    });
  });

  it('rounds a percentage down', () => {
    const view = toMaxStakeable('acct', { budget, feePerTransaction: 5_000n }, 1n, 1, 33);
    expect(view.amountLamports).toBe(((max * 33n) / 100n).toString());
  });

  it('floors the maximum at zero', () => {
    const poor = { ...budget, balanceLamports: 1_000n };
    const view = toMaxStakeable('acct', { budget: poor, feePerTransaction: 5_000n }, 1n, 1, 50);
    expect(view.maxLamports).toBe('0');
    expect(view.amountLamports).toBe('0');
  });
});
