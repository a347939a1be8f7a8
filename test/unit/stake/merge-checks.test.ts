import { describe, expect, it } from 'vitest';

import {
  assertMergeable,
  checkMerge,
  describeMergeRejection,
  mergeKindOf,
} from '../../../src/main/stake';
import {
  address,
  catchWalletError,
  delegatedSnapshot,
  FIGMENT_VOTE,
  initializedSnapshot,
  OTHER_VOTE,
  SOL,
  speculos,
} from './fixtures';

const now = { epoch: 600n, unixTimestamp: 1_750_000_000n };
const active = (index: number, extra = {}) =>
  delegatedSnapshot({ address: address(index), ...extra });
const activating = (index: number) =>
  delegatedSnapshot({
    address: address(index),
    activationEpoch: 600n,
    effective: 0n,
    activating: 5n * SOL,
  });
const inactive = (index: number) => initializedSnapshot({ address: address(index) });

describe('mergeKindOf', () => {
  it('classifies each state as the stake program does', () => {
    expect(mergeKindOf(inactive(1))).toBe('inactive');
    expect(mergeKindOf(delegatedSnapshot({ deactivationEpoch: 500n, effective: 0n }))).toBe(
      'inactive',
    );
    expect(mergeKindOf(activating(1))).toBe('activationEpoch');
    expect(mergeKindOf(active(1))).toBe('fullyActive');
    expect(
      mergeKindOf(delegatedSnapshot({ effective: 2n * SOL, activating: 3n * SOL })),
    ).toBeNull();
    expect(
      mergeKindOf(
        delegatedSnapshot({ deactivationEpoch: 600n, effective: 5n * SOL, deactivating: 5n * SOL }),
      ),
    ).toBeNull();
  });
});

describe('checkMerge', () => {
  it.each([
    ['two fully active accounts on one validator', active(1), active(2)],
    ['two inactive accounts', inactive(1), inactive(2)],
    ['an activating source into an inactive destination', inactive(1), activating(2)],
    ['an inactive source into an activating destination', activating(1), inactive(2)],
    ['two activating accounts', activating(1), activating(2)],
  ])('accepts %s', (_name, destination, source) => {
    expect(checkMerge(destination, source, now).ok).toBe(true);
  });

  it('accepts active accounts whose credits observed differ', () => {
    const source = active(2);
    if (source.state.kind === 'delegated') {
      source.state.stake.creditsObserved = 12345n;
    }
    expect(checkMerge(active(1), source, now).ok).toBe(true);
  });

  it.each([
    ['the same account', active(1), active(1), { kind: 'sameAccount' }],
    [
      'a partly activated destination',
      delegatedSnapshot({ address: address(1), effective: SOL, activating: 4n * SOL }),
      active(2),
      { kind: 'transientStake', role: 'destination' },
    ],
    [
      'a source deactivating this epoch',
      active(1),
      delegatedSnapshot({ address: address(2), deactivationEpoch: 600n, deactivating: 5n * SOL }),
      { kind: 'transientStake', role: 'source' },
    ],
    [
      'different authorities',
      active(1),
      active(2, { withdrawer: speculos.account1.toBase58() }),
      { kind: 'authoritiesDiffer' },
    ],
    [
      'different lockups in force',
      active(1),
      active(2, {
        lockup: { unixTimestamp: 0n, epoch: 700n, custodian: speculos.account1.toBase58() },
      }),
      { kind: 'lockupsDiffer' },
    ],
    [
      'different validators',
      active(1),
      active(2, { voter: OTHER_VOTE.toBase58() }),
      {
        kind: 'votersDiffer',
        destinationVoter: FIGMENT_VOTE.toBase58(),
        sourceVoter: OTHER_VOTE.toBase58(),
      },
    ],
    [
      'a deactivation requested for later',
      active(1),
      active(2, { deactivationEpoch: 601n }),
      { kind: 'deactivationRequested', role: 'source' },
    ],
    [
      'a fully active destination and an inactive source',
      active(1),
      inactive(2),
      { kind: 'incompatibleStates', destinationKind: 'fullyActive', sourceKind: 'inactive' },
    ],
    [
      'an inactive destination and a fully active source',
      inactive(1),
      active(2),
      { kind: 'incompatibleStates', destinationKind: 'inactive', sourceKind: 'fullyActive' },
    ],
    [
      'an activating destination and a fully active source',
      activating(1),
      active(2),
      { kind: 'incompatibleStates', destinationKind: 'activationEpoch', sourceKind: 'fullyActive' },
    ],
  ])('rejects %s', (_name, destination, source, rejection) => {
    expect(checkMerge(destination, source, now)).toEqual({ ok: false, rejection });
  });

  it('allows different lockups once both have expired', () => {
    const source = active(2, {
      lockup: { unixTimestamp: 10n, epoch: 5n, custodian: speculos.account1.toBase58() },
    });
    expect(checkMerge(active(1), source, now).ok).toBe(true);
  });

  it('requires the signer to be the destination staker', () => {
    expect(checkMerge(active(1), active(2), now, speculos.account1.toBase58())).toEqual({
      ok: false,
      rejection: { kind: 'signerNotStaker', staker: speculos.account0.toBase58() },
    });
    expect(checkMerge(active(1), active(2), now, speculos.account0.toBase58()).ok).toBe(true);
  });

  it('throws MERGE_NOT_POSSIBLE with the reason in words', () => {
    const error = catchWalletError(() =>
      assertMergeable(active(1), active(2, { voter: OTHER_VOTE.toBase58() }), now),
    );
    expect(error.code).toBe('MERGE_NOT_POSSIBLE');
    expect((error.context as { reason?: string }).reason).toContain('different validators');
  });

  it('describes every rejection in a sentence', () => {
    expect(describeMergeRejection({ kind: 'transientStake', role: 'source' })).toMatch(
      /source account is partly activated or deactivating/,
    );
    expect(describeMergeRejection({ kind: 'lockupsDiffer' })).toMatch(/lockups/);
  });
});
