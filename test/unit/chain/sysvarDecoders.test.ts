import { describe, expect, it } from 'vitest';

import { decodeClock } from '../../../src/main/chain/decode/clock';
import { decodeFeatureActivationSlot } from '../../../src/main/chain/decode/feature';
import { decodeStakeHistory } from '../../../src/main/chain/decode/stakeHistory';
import { encodeStakeHistory } from './support/stakeAccountBytes';

describe('decodeStakeHistory', () => {
  it('reads entries by epoch and ignores padding', () => {
    const data = encodeStakeHistory([
      [11n, 1_250n, 250n, 0n],
      [10n, 1_000n, 500n, 7n],
    ]);

    const history = decodeStakeHistory(data);

    expect(history.size).toBe(2);
    expect(history.get(10n)).toEqual({ effective: 1_000n, activating: 500n, deactivating: 7n });
    expect(history.get(11n)).toEqual({ effective: 1_250n, activating: 250n, deactivating: 0n });
    expect(history.get(12n)).toBeUndefined();
  });

  it('reads an empty history', () => {
    expect(decodeStakeHistory(encodeStakeHistory([], 0)).size).toBe(0);
  });

  it('rejects a count above 512', () => {
    const data = encodeStakeHistory([], 0);
    new DataView(data.buffer).setBigUint64(0, 513n, true);

    expect(() => decodeStakeHistory(data)).toThrow(/above 512/);
  });

  it('rejects a count longer than the data', () => {
    const data = encodeStakeHistory([[1n, 1n, 1n, 1n]], 1).subarray(0, 30);

    expect(() => decodeStakeHistory(data)).toThrow(/only 22 bytes follow/);
  });
});

describe('decodeClock', () => {
  it('reads every field', () => {
    const data = new Uint8Array(40);
    const view = new DataView(data.buffer);
    view.setBigUint64(0, 1_000n, true);
    view.setBigInt64(8, 1_699_999_000n, true);
    view.setBigUint64(16, 3n, true);
    view.setBigUint64(24, 4n, true);
    view.setBigInt64(32, 1_700_000_000n, true);

    expect(decodeClock(data)).toEqual({
      slot: 1_000n,
      epochStartTimestamp: 1_699_999_000n,
      epoch: 3n,
      leaderScheduleEpoch: 4n,
      unixTimestamp: 1_700_000_000n,
    });
  });

  it('rejects short data', () => {
    expect(() => decodeClock(new Uint8Array(39))).toThrow(/unix_timestamp/);
  });
});

describe('decodeFeatureActivationSlot', () => {
  it('reads an activated feature', () => {
    const data = new Uint8Array(9);
    data[0] = 1;
    new DataView(data.buffer).setBigUint64(1, 4_321n, true);

    expect(decodeFeatureActivationSlot(data, 'F')).toBe(4_321n);
  });

  it('reads a pending feature', () => {
    expect(decodeFeatureActivationSlot(new Uint8Array(9), 'F')).toBeNull();
  });

  it('rejects a bad option tag', () => {
    const data = new Uint8Array(9);
    data[0] = 2;

    expect(() => decodeFeatureActivationSlot(data, 'F')).toThrow(/expected a boolean/);
  });
});
