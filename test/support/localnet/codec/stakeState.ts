import { type PublicKey } from '@solana/web3.js';

import { BincodeReader, BincodeWriter } from './bincode';

/** Size of a stake account (`StakeStateV2::size_of()`). */
export const STAKE_STATE_SIZE = 200;

/** Activation epoch of stake that is fully effective from genesis (`Epoch::MAX`). */
export const BOOTSTRAP_ACTIVATION_EPOCH = 2n ** 64n - 1n;

/** Deactivation epoch of stake that was never deactivated (`Epoch::MAX`). */
export const NOT_DEACTIVATED_EPOCH = 2n ** 64n - 1n;

/** Default `warmup_cooldown_rate` stored in every delegation (deprecated but still written). */
const DEFAULT_WARMUP_COOLDOWN_RATE = 0.25;

export interface StakeMeta {
  rentExemptReserve: bigint;
  staker: PublicKey;
  withdrawer: PublicKey;
  lockup: { unixTimestamp: bigint; epoch: bigint; custodian: PublicKey };
}

export interface Delegation {
  voter: PublicKey;
  stake: bigint;
  activationEpoch: bigint;
  deactivationEpoch: bigint;
}

/** Decoded `StakeStateV2` of the stake program. */
export type StakeState =
  | { kind: 'uninitialized' }
  | { kind: 'initialized'; meta: StakeMeta }
  | {
      kind: 'stake';
      meta: StakeMeta;
      delegation: Delegation;
      creditsObserved: bigint;
      flags: number;
    }
  | { kind: 'rewardsPool' };

export function decodeStakeState(data: Uint8Array): StakeState {
  const reader = new BincodeReader(data);
  const tag = reader.u32();
  switch (tag) {
    case 0:
      return { kind: 'uninitialized' };
    case 1:
      return { kind: 'initialized', meta: readMeta(reader) };
    case 2: {
      const meta = readMeta(reader);
      const voter = reader.pubkey();
      const stake = reader.u64();
      const activationEpoch = reader.u64();
      const deactivationEpoch = reader.u64();
      reader.f64();
      const creditsObserved = reader.u64();
      const flags = reader.u8();
      return {
        kind: 'stake',
        meta,
        delegation: { voter, stake, activationEpoch, deactivationEpoch },
        creditsObserved,
        flags,
      };
    }
    case 3:
      return { kind: 'rewardsPool' };
    default:
      throw new Error(`unknown stake state tag ${tag}`);
  }
}

/** Encodes a delegated stake account (`StakeStateV2::Stake`) with no stake flags set. */
export function encodeDelegatedStake(
  meta: StakeMeta,
  delegation: Delegation,
  creditsObserved: bigint,
): Uint8Array {
  const writer = new BincodeWriter(STAKE_STATE_SIZE);
  writer.u32(2);
  writer.u64(meta.rentExemptReserve).pubkey(meta.staker).pubkey(meta.withdrawer);
  writer.i64(meta.lockup.unixTimestamp).u64(meta.lockup.epoch).pubkey(meta.lockup.custodian);
  writer.pubkey(delegation.voter).u64(delegation.stake);
  writer.u64(delegation.activationEpoch).u64(delegation.deactivationEpoch);
  writer.f64(DEFAULT_WARMUP_COOLDOWN_RATE);
  writer.u64(creditsObserved);
  writer.u8(0);
  return writer.bytes;
}

function readMeta(reader: BincodeReader): StakeMeta {
  return {
    rentExemptReserve: reader.u64(),
    staker: reader.pubkey(),
    withdrawer: reader.pubkey(),
    lockup: { unixTimestamp: reader.i64(), epoch: reader.u64(), custodian: reader.pubkey() },
  };
}
