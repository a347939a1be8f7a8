import { describe, expect, it } from 'vitest';

import {
  assertCanDeactivate,
  assertCanDelegate,
  assertSignerIsAuthority,
  chooseStakeSeed,
  deriveAddressWithSeed,
  stakeAccountStatus,
  STAKE_PROGRAM_ID,
} from '../../../src/main/stake';
import { isWalletError } from '../../../src/shared/errors';
import {
  delegatedSnapshot,
  FIGMENT_VOTE,
  FIXED_SEED,
  FIXED_STAKE_ACCOUNT,
  initializedSnapshot,
  OTHER_VOTE,
  SOL,
  speculos,
} from './fixtures';

const now = { epoch: 600n, unixTimestamp: 1_750_000_000n };

function codeOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return isWalletError(error) ? error.code : 'other error';
  }
  return 'ok';
}

describe('stake account state checks', () => {
  it('names each status', () => {
    expect(stakeAccountStatus(initializedSnapshot())).toBe('initialized');
    expect(stakeAccountStatus(delegatedSnapshot())).toBe('active');
    expect(stakeAccountStatus(delegatedSnapshot({ effective: 0n, activating: SOL }))).toBe(
      'activating',
    );
    expect(stakeAccountStatus(delegatedSnapshot({ deactivating: SOL }))).toBe('deactivating');
    expect(stakeAccountStatus(delegatedSnapshot({ effective: 0n }))).toBe('inactive');
  });

  it('allows delegating initialized and inactive accounts only', () => {
    expect(codeOf(() => assertCanDelegate(initializedSnapshot(), OTHER_VOTE.toBase58(), now))).toBe(
      'ok',
    );
    expect(
      codeOf(() =>
        assertCanDelegate(
          delegatedSnapshot({ deactivationEpoch: 550n, effective: 0n }),
          OTHER_VOTE.toBase58(),
          now,
        ),
      ),
    ).toBe('ok');
    expect(codeOf(() => assertCanDelegate(delegatedSnapshot(), OTHER_VOTE.toBase58(), now))).toBe(
      'STAKE_ACCOUNT_STATE_INVALID',
    );
  });

  it('allows cancelling this epoch’s unstake by delegating to the same validator', () => {
    const deactivating = delegatedSnapshot({ deactivationEpoch: 600n, deactivating: 5n * SOL });
    expect(codeOf(() => assertCanDelegate(deactivating, FIGMENT_VOTE.toBase58(), now))).toBe('ok');
    expect(codeOf(() => assertCanDelegate(deactivating, OTHER_VOTE.toBase58(), now))).toBe(
      'STAKE_ACCOUNT_STATE_INVALID',
    );
  });

  it('allows deactivating only a delegation not yet deactivated', () => {
    expect(codeOf(() => assertCanDeactivate(delegatedSnapshot()))).toBe('ok');
    expect(codeOf(() => assertCanDeactivate(delegatedSnapshot({ deactivationEpoch: 599n })))).toBe(
      'STAKE_ACCOUNT_STATE_INVALID',
    );
    expect(codeOf(() => assertCanDeactivate(initializedSnapshot()))).toBe(
      'STAKE_ACCOUNT_STATE_INVALID',
    );
  });

  it('checks the signer is the right authority', () => {
    const snapshot = initializedSnapshot({ withdrawer: speculos.account1.toBase58() });
    expect(
      codeOf(() => assertSignerIsAuthority(snapshot, 'staker', speculos.account0.toBase58())),
    ).toBe('ok');
    expect(
      codeOf(() => assertSignerIsAuthority(snapshot, 'withdrawer', speculos.account0.toBase58())),
    ).toBe('STAKE_AUTHORITY_MISMATCH');
  });
});

describe('chooseStakeSeed', () => {
  const base = speculos.account0;

  it('derives the same address as createWithSeed', () => {
    expect(
      deriveAddressWithSeed(base, FIXED_SEED, STAKE_PROGRAM_ID).equals(FIXED_STAKE_ACCOUNT),
    ).toBe(true);
  });

  it('picks the first free sequential seed', () => {
    const takenAddresses = [deriveAddressWithSeed(base, 'stake:0', STAKE_PROGRAM_ID).toBase58()];
    const chosen = chooseStakeSeed({ base, takenAddresses, takenSeeds: ['stake:1'] });
    expect(chosen.seed).toBe('stake:2');
    expect(chosen.address.equals(deriveAddressWithSeed(base, 'stake:2', STAKE_PROGRAM_ID))).toBe(
      true,
    );
  });

  it('asks the predicate about every candidate', () => {
    const chosen = chooseStakeSeed({ base, isTaken: (_address, seed) => seed !== 'stake:5' });
    expect(chosen.seed).toBe('stake:5');
  });

  it('makes random seeds of 32 bytes that skip taken ones', () => {
    let call = 0;
    const randomBytes = (length: number) => new Uint8Array(length).fill(call++);
    const first = `stake:${'00'.repeat(13)}`;
    const chosen = chooseStakeSeed({ base, scheme: 'random', randomBytes, takenSeeds: [first] });

    expect(chosen.seed).toBe(`stake:${'01'.repeat(13)}`);
    expect(Buffer.byteLength(chosen.seed)).toBe(32);
    expect(chooseStakeSeed({ base, scheme: 'random' }).seed).toMatch(/^stake:[0-9a-f]{26}$/);
  });

  it('gives up after the attempt limit', () => {
    expect(codeOf(() => chooseStakeSeed({ base, isTaken: () => true, maxAttempts: 3 }))).toBe(
      'STAKE_SEED_EXHAUSTED',
    );
  });

  it('rejects seeds over 32 bytes', () => {
    expect(codeOf(() => deriveAddressWithSeed(base, 'x'.repeat(33), STAKE_PROGRAM_ID))).toBe(
      'STAKE_SEED_INVALID',
    );
  });
});
