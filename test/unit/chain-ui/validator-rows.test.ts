import { describe, expect, it } from 'vitest';

import type { ValidatorsSnapshot } from '../../../src/shared/contract/chain';
import {
  buildValidatorRows,
  emptyValidatorFilter,
  filterValidatorRows,
  HIGH_COMMISSION_PERCENT,
  sortValidatorRows,
  type ValidatorFilter,
} from '../../../src/renderer/src/components/chain/validator-rows';
import { validatorView } from './fixtures';

const aurora = validatorView();
const basalt = validatorView({
  votePubkey: 'DteBPfwF7qMgpWmRWZjGxK2SkxVPbAKvvwZwsUMj3m3s',
  name: 'Basalt Validator',
  commission: 9,
  activatedStake: '90000000000000',
  skipRate: null,
  estimatedApy: null,
  superminority: true,
});
const harbor = validatorView({
  votePubkey: '8i8wgkjCJ4ckxgy7775K7f4NRp7Ehb58Xmt2svyQTo3H',
  name: null,
  commission: HIGH_COMMISSION_PERCENT,
  activatedStake: '22500000000000',
  delinquent: true,
  skipRate: 1,
});

const snapshot: ValidatorsSnapshot = {
  meta: {
    cluster: 'localnet',
    endpoint: 'http://127.0.0.1:8899',
    slot: 500,
    epoch: 5,
    fetchedAt: '2025-01-31T12:00:00.000Z',
  },
  validators: [aurora, basalt, harbor],
  commissionChanges: [{ votePubkey: basalt.votePubkey, from: 7, to: 9, seenInEpoch: 5 }],
  warnings: [],
};
const rows = buildValidatorRows(snapshot);

function filtered(patch: Partial<ValidatorFilter>): (string | null)[] {
  return filterValidatorRows(rows, { ...emptyValidatorFilter, ...patch }).map(
    (row) => row.view.name,
  );
}

function withLimit(
  metric: keyof ValidatorFilter['limits'],
  min: number | null,
  max: number | null,
) {
  return { limits: { ...emptyValidatorFilter.limits, [metric]: { min, max } } };
}

describe('buildValidatorRows', () => {
  it('lists every warning', () => {
    expect(rows.map((row) => row.warnings.map((warning) => warning.kind))).toEqual([
      [],
      ['superminority', 'commission-raised'],
      ['delinquent', 'high-commission'],
    ]);
  });

  it('ignores a lowered commission', () => {
    const lowered = buildValidatorRows({
      ...snapshot,
      commissionChanges: [{ votePubkey: basalt.votePubkey, from: 12, to: 9, seenInEpoch: 5 }],
    });

    expect(lowered[1]?.warnings.map((warning) => warning.kind)).toEqual(['superminority']);
  });
});

describe('filterValidatorRows', () => {
  it.each([
    ['delinquent', { hideDelinquent: true }, ['Aurora Staking', 'Basalt Validator']],
    ['superminority', { hideSuperminority: true }, ['Aurora Staking', null]],
    ['high commission', { hideHighCommission: true }, ['Aurora Staking', 'Basalt Validator']],
    ['raised commission', { hideCommissionRaised: true }, ['Aurora Staking', null]],
    ['name', { text: 'BASALT' }, ['Basalt Validator']],
    ['vote account', { text: '8i8wgk' }, [null]],
  ] as const)('hides by %s', (_case, patch, expected) => {
    expect(filtered(patch)).toEqual(expected);
  });

  it('limits commission', () => {
    expect(filtered(withLimit('commission', null, 8))).toEqual(['Aurora Staking']);
    expect(filtered(withLimit('commission', 9, null))).toEqual(['Basalt Validator', null]);
  });

  it('limits stake in SOL', () => {
    expect(filtered(withLimit('activatedStake', 50_000, null))).toEqual([
      'Aurora Staking',
      'Basalt Validator',
    ]);
  });

  it('limits rates in percent', () => {
    expect(filtered(withLimit('skipRate', null, 5))).toEqual(['Aurora Staking']);
  });

  it('drops rows without the limited metric', () => {
    expect(filtered(withLimit('estimatedApy', 0, null))).toEqual(['Aurora Staking', null]);
  });
});

describe('sortValidatorRows', () => {
  it('sorts stake as numbers', () => {
    const sorted = sortValidatorRows(rows, { key: 'activatedStake', direction: 'ascending' });

    expect(sorted.map((row) => row.view.commission)).toEqual([HIGH_COMMISSION_PERCENT, 9, 5]);
  });

  it('sorts by warning count', () => {
    const sorted = sortValidatorRows(rows, { key: 'warnings', direction: 'descending' });

    expect(sorted.map((row) => row.warnings.length)).toEqual([2, 2, 0]);
  });

  it('puts unknown APY last', () => {
    const sorted = sortValidatorRows(rows, { key: 'estimatedApy', direction: 'descending' });

    expect(sorted.map((row) => row.view.name)).toEqual([
      'Aurora Staking',
      null,
      'Basalt Validator',
    ]);
  });
});
