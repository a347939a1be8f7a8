import { describe, expect, it } from 'vitest';

import {
  mergeCommissionChanges,
  RECENT_CHANGE_EPOCHS,
} from '../../../src/main/api/chain/commission-changes';
import { VOTER, validatorView } from './fixtures';

describe('mergeCommissionChanges', () => {
  it('records a change the list shows', () => {
    const changes = mergeCommissionChanges(
      [],
      [validatorView({ commission: 8, previousCommission: 5 })],
      10,
    );

    expect(changes).toEqual([{ votePubkey: VOTER, from: 5, to: 8, seenInEpoch: 10 }]);
  });

  it('keeps a recent change the list no longer shows', () => {
    const earlier = [{ votePubkey: VOTER, from: 5, to: 8, seenInEpoch: 10 }];

    const changes = mergeCommissionChanges(earlier, [validatorView({ commission: 8 })], 11);

    expect(changes).toEqual(earlier);
  });

  it('drops a change after the recent window', () => {
    const earlier = [{ votePubkey: VOTER, from: 5, to: 8, seenInEpoch: 10 }];

    const changes = mergeCommissionChanges(
      earlier,
      [validatorView({ commission: 8 })],
      10 + RECENT_CHANGE_EPOCHS,
    );

    expect(changes).toEqual([]);
  });

  it('chains raises from the first commission', () => {
    const earlier = [{ votePubkey: VOTER, from: 5, to: 8, seenInEpoch: 10 }];

    const changes = mergeCommissionChanges(
      earlier,
      [validatorView({ commission: 10, previousCommission: 8 })],
      11,
    );

    expect(changes).toEqual([{ votePubkey: VOTER, from: 5, to: 10, seenInEpoch: 11 }]);
  });

  it('forgets a change that was undone', () => {
    const earlier = [{ votePubkey: VOTER, from: 5, to: 8, seenInEpoch: 10 }];

    const changes = mergeCommissionChanges(
      earlier,
      [validatorView({ commission: 5, previousCommission: 8 })],
      11,
    );

    expect(changes).toEqual([]);
  });
});
