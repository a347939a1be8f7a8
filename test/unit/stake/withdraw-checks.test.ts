import { describe, expect, it } from 'vitest';

import {
  assertLockupNotInForce,
  assertWithdrawAmount,
  assertWithdrawRecipient,
  EPOCH_UNSET,
  isLockupInForce,
  withdrawLimits,
} from '../../../src/main/stake';
import { isWalletError, type WalletError } from '../../../src/shared/errors';
import {
  address,
  delegatedSnapshot,
  initializedSnapshot,
  RENT_RESERVE,
  SOL,
  speculos,
} from './fixtures';

const now = { epoch: 600n, unixTimestamp: 1_750_000_000n };

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

describe('withdrawLimits per state', () => {
  it('initialized: everything, closing the account', () => {
    const snapshot = initializedSnapshot({ lamports: RENT_RESERVE + 3n * SOL });
    expect(withdrawLimits(snapshot, now)).toEqual({
      stakedLamports: 0n,
      maxPartialLamports: 3n * SOL,
      canClose: true,
      withdrawableLamports: RENT_RESERVE + 3n * SOL,
    });
  });

  it('activating: only lamports above the delegation and reserve (a)', () => {
    const snapshot = delegatedSnapshot({
      delegated: 5n * SOL,
      effective: 0n,
      activating: 5n * SOL,
      activationEpoch: 600n,
    });
    expect(withdrawLimits(snapshot, now).withdrawableLamports).toBe(0n);
    expect(withdrawLimits(snapshot, now).canClose).toBe(false);
  });

  it('active with tips: the tips are withdrawable (b)', () => {
    const tips = 100_000_000n;
    const snapshot = delegatedSnapshot({
      delegated: 10n * SOL,
      lamports: RENT_RESERVE + 10n * SOL + tips,
    });
    expect(withdrawLimits(snapshot, now)).toMatchObject({
      withdrawableLamports: tips,
      canClose: false,
      stakedLamports: 10n * SOL,
    });
  });

  it('deactivating: lamports above the stake still effective', () => {
    const snapshot = delegatedSnapshot({
      delegated: 10n * SOL,
      deactivationEpoch: 599n,
      effective: 4n * SOL,
      deactivating: 4n * SOL,
    });
    expect(withdrawLimits(snapshot, now)).toMatchObject({
      stakedLamports: 4n * SOL,
      withdrawableLamports: 6n * SOL,
      canClose: false,
    });
  });

  it('deactivation requested this epoch: still the whole delegation', () => {
    const snapshot = delegatedSnapshot({
      delegated: 10n * SOL,
      deactivationEpoch: 600n,
      effective: 10n * SOL,
      deactivating: 10n * SOL,
    });
    expect(withdrawLimits(snapshot, now).withdrawableLamports).toBe(0n);
  });

  it('inactive after cooldown: everything, closing the account', () => {
    const snapshot = delegatedSnapshot({
      delegated: 10n * SOL,
      deactivationEpoch: 590n,
      effective: 0n,
    });
    expect(withdrawLimits(snapshot, now)).toMatchObject({
      canClose: true,
      withdrawableLamports: RENT_RESERVE + 10n * SOL,
    });
  });
});

describe('assertWithdrawAmount', () => {
  it('accepts a full withdrawal of an inactive account and says it closes', () => {
    const snapshot = delegatedSnapshot({ deactivationEpoch: 500n, effective: 0n });
    expect(
      assertWithdrawAmount({ snapshot, requestedLamports: snapshot.lamports, time: now }),
    ).toEqual({ closesAccount: true });
  });

  it('accepts a partial withdrawal that keeps the reserve', () => {
    const snapshot = initializedSnapshot({ lamports: RENT_RESERVE + 3n * SOL });
    expect(assertWithdrawAmount({ snapshot, requestedLamports: 3n * SOL, time: now })).toEqual({
      closesAccount: false,
    });
  });

  it('rejects a partial withdrawal that eats into the reserve', () => {
    const snapshot = initializedSnapshot({ lamports: RENT_RESERVE + 3n * SOL });
    const error = caught(() =>
      assertWithdrawAmount({ snapshot, requestedLamports: 3n * SOL + 1n, time: now }),
    );
    expect(error.code).toBe('WITHDRAW_WOULD_LEAVE_DUST');
    expect(error.context).toMatchObject({
      maxPartialLamports: (3n * SOL).toString(),
      allLamports: snapshot.lamports.toString(),
    });
  });

  it('rejects withdrawing from an activating account', () => {
    const snapshot = delegatedSnapshot({ effective: 0n, activating: 5n * SOL });
    const error = caught(() =>
      assertWithdrawAmount({ snapshot, requestedLamports: SOL, time: now }),
    );
    expect(error.code).toBe('WITHDRAW_ABOVE_WITHDRAWABLE');
    expect(error.context).toMatchObject({ withdrawableLamports: '0', accountState: 'activating' });
  });

  it('rejects more than the tips of an active account', () => {
    const snapshot = delegatedSnapshot({
      delegated: 10n * SOL,
      lamports: RENT_RESERVE + 10n * SOL + 500n,
    });
    expect(assertWithdrawAmount({ snapshot, requestedLamports: 500n, time: now })).toEqual({
      closesAccount: false,
    });
    expect(
      caught(() => assertWithdrawAmount({ snapshot, requestedLamports: 501n, time: now })).code,
    ).toBe('WITHDRAW_ABOVE_WITHDRAWABLE');
  });

  it('reports a lockup in force with its end and custodian', () => {
    const custodian = speculos.account1.toBase58();
    const snapshot = initializedSnapshot({
      lockup: { unixTimestamp: 1_800_000_000n, epoch: 700n, custodian },
    });
    const error = caught(() =>
      assertWithdrawAmount({ snapshot, requestedLamports: SOL, time: now }),
    );

    expect(error.code).toBe('LOCKUP_IN_FORCE');
    expect(error.context).toEqual({
      stakeAccount: snapshot.address,
      unixTimestamp: '1800000000',
      epoch: '700',
      custodian,
    });
    expect(error.message).toContain('2027-01-15 08:00:00 UTC');
    expect(
      assertWithdrawAmount({
        snapshot,
        requestedLamports: SOL,
        time: now,
        signingCustodian: custodian,
      }),
    ).toEqual({ closesAccount: false });
  });
});

describe('isLockupInForce', () => {
  const custodian = speculos.account1.toBase58();

  it('holds while either the time or the epoch is ahead', () => {
    expect(
      isLockupInForce({ unixTimestamp: now.unixTimestamp + 1n, epoch: 0n, custodian }, now),
    ).toBe(true);
    expect(isLockupInForce({ unixTimestamp: 0n, epoch: now.epoch + 1n, custodian }, now)).toBe(
      true,
    );
    expect(
      isLockupInForce({ unixTimestamp: now.unixTimestamp, epoch: now.epoch, custodian }, now),
    ).toBe(false);
  });

  it('lets an expired lockup pass', () => {
    expect(() =>
      assertLockupNotInForce(
        initializedSnapshot({ lockup: { unixTimestamp: 1n, epoch: 1n, custodian } }),
        now,
      ),
    ).not.toThrow();
  });

  it('ignores lockup epochs left at u64::MAX only when the custodian signs', () => {
    const lockup = { unixTimestamp: 0n, epoch: EPOCH_UNSET, custodian };
    expect(isLockupInForce(lockup, now)).toBe(true);
    expect(isLockupInForce(lockup, now, custodian)).toBe(false);
  });
});

describe('assertWithdrawRecipient', () => {
  const stakeAccount = address(30);

  it('rejects the stake account itself', () => {
    const error = caught(() => assertWithdrawRecipient({ recipient: stakeAccount, stakeAccount }));
    expect(error.code).toBe('WITHDRAW_RECIPIENT_INVALID');
    expect(error.context).toMatchObject({ reason: 'sameAsStakeAccount' });
  });

  it('rejects accounts owned by the stake program', () => {
    const error = caught(() =>
      assertWithdrawRecipient({
        recipient: address(31),
        stakeAccount,
        recipientOwner: 'Stake11111111111111111111111111111111111111',
      }),
    );
    expect(error.context).toMatchObject({ reason: 'stakeProgramAccount' });
  });

  it('rejects stake accounts the wallet knows', () => {
    const error = caught(() =>
      assertWithdrawRecipient({
        recipient: address(32),
        stakeAccount,
        knownStakeAccounts: [address(32)],
      }),
    );
    expect(error.context).toMatchObject({ reason: 'stakeProgramAccount' });
  });

  it('rejects programs and sysvars', () => {
    const error = caught(() =>
      assertWithdrawRecipient({
        recipient: 'SysvarC1ock11111111111111111111111111111111',
        stakeAccount,
      }),
    );
    expect(error.context).toMatchObject({ reason: 'programOrSysvar' });
  });

  it('accepts a wallet address', () => {
    expect(() =>
      assertWithdrawRecipient({
        recipient: speculos.account1.toBase58(),
        stakeAccount,
        recipientOwner: '11111111111111111111111111111111',
      }),
    ).not.toThrow();
  });
});
