import { describe, expect, it } from 'vitest';

import { EPOCH_NOT_SET, decodeStakeState } from '../../../src/main/chain/decode/stakeState';
import { isWalletError } from '../../../src/shared/errors';
import {
  encodeDelegated,
  encodeInitialized,
  encodeRewardsPool,
  encodeUninitialized,
  testKey,
} from './support/stakeAccountBytes';

const staker = testKey(1);
const withdrawer = testKey(2);
const custodian = testKey(3);
const voter = testKey(4);

const meta = {
  rentExemptReserve: 2_282_880n,
  staker,
  withdrawer,
  lockupUnixTimestamp: -5n,
  lockupEpoch: 900n,
  custodian,
};

function expectDecodeFailure(data: Uint8Array, reason: RegExp): void {
  let caught: unknown;
  try {
    decodeStakeState(data, 'Addr');
  } catch (error) {
    caught = error;
  }
  expect(isWalletError(caught)).toBe(true);
  if (isWalletError(caught)) {
    expect(caught.code).toBe('ACCOUNT_DECODE_FAILED');
    expect(caught.context).toMatchObject({ address: 'Addr', layout: 'StakeStateV2' });
    expect(String((caught.context as { reason: string }).reason)).toMatch(reason);
  }
}

describe('decodeStakeState', () => {
  it('decodes uninitialized', () => {
    expect(decodeStakeState(encodeUninitialized())).toEqual({ kind: 'uninitialized' });
  });

  it('decodes rewards pool', () => {
    expect(decodeStakeState(encodeRewardsPool())).toEqual({ kind: 'rewardsPool' });
  });

  it('decodes initialized meta and lockup', () => {
    const state = decodeStakeState(encodeInitialized(meta));

    expect(state.kind).toBe('initialized');
    if (state.kind !== 'initialized') return;
    expect(state.meta.rentExemptReserve).toBe(2_282_880n);
    expect(state.meta.authorized.staker).toBe(staker.toBase58());
    expect(state.meta.authorized.withdrawer).toBe(withdrawer.toBase58());
    expect(state.meta.lockup.unixTimestamp).toBe(-5n);
    expect(state.meta.lockup.epoch).toBe(900n);
    expect(state.meta.lockup.custodian).toBe(custodian.toBase58());
  });

  it('decodes delegation, credits and flags', () => {
    const data = encodeDelegated(meta, {
      voter,
      stake: 0xffff_ffff_ffff_fff0n,
      activationEpoch: 7n,
      deactivationEpoch: EPOCH_NOT_SET,
      warmupCooldownRate: 0.25,
      creditsObserved: 123_456n,
      stakeFlags: 1,
    });

    const state = decodeStakeState(data);

    expect(state.kind).toBe('delegated');
    if (state.kind !== 'delegated') return;
    expect(state.meta.authorized.staker).toBe(staker.toBase58());
    expect(state.stake.delegation.voter).toBe(voter.toBase58());
    expect(state.stake.delegation.stake).toBe(0xffff_ffff_ffff_fff0n);
    expect(state.stake.delegation.activationEpoch).toBe(7n);
    expect(state.stake.delegation.deactivationEpoch).toBe(EPOCH_NOT_SET);
    expect(state.stake.delegation.warmupCooldownRate).toBe(0.25);
    expect(state.stake.creditsObserved).toBe(123_456n);
    expect(state.stakeFlags).toBe(1);
  });

  it('places authorities at offsets 12 and 44', () => {
    const data = encodeInitialized(meta);

    expect(Array.from(data.subarray(12, 44))).toEqual(Array.from(staker.toBytes()));
    expect(Array.from(data.subarray(44, 76))).toEqual(Array.from(withdrawer.toBytes()));
  });

  it('rejects unknown variant tag', () => {
    const data = encodeUninitialized();
    data[0] = 4;

    expectDecodeFailure(data, /variant tag is 4/);
  });

  it('rejects empty data', () => {
    expectDecodeFailure(new Uint8Array(0), /before variant tag/);
  });

  it('rejects truncated meta', () => {
    expectDecodeFailure(encodeInitialized(meta).subarray(0, 100), /lockup/);
  });

  it('rejects truncated delegation', () => {
    const data = encodeDelegated(meta, {
      voter,
      stake: 1n,
      activationEpoch: 1n,
      deactivationEpoch: EPOCH_NOT_SET,
    });

    expectDecodeFailure(data.subarray(0, 196), /stake_flags/);
  });

  it('rejects every truncation without crashing', () => {
    const data = encodeDelegated(meta, {
      voter,
      stake: 1n,
      activationEpoch: 1n,
      deactivationEpoch: EPOCH_NOT_SET,
    });

    for (let length = 0; length < 197; length += 1) {
      expect(() => decodeStakeState(data.subarray(0, length))).toThrow(/could not be decoded/);
    }
  });
});
