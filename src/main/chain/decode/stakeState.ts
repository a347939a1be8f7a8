import { WalletError } from '../../../shared/errors';
import { ByteLayoutError, ByteReader } from './byteReader';

/** Epoch value the stake program stores for "not set" (u64::MAX). */
export const EPOCH_NOT_SET = 0xffff_ffff_ffff_ffffn;

export interface Authorized {
  staker: string;
  withdrawer: string;
}

export interface Lockup {
  /** Unix time in seconds (i64) before which withdrawals need the custodian's signature. */
  unixTimestamp: bigint;
  epoch: bigint;
  custodian: string;
}

export interface StakeMeta {
  rentExemptReserve: bigint;
  authorized: Authorized;
  lockup: Lockup;
}

export interface Delegation {
  voter: string;
  /** Delegated lamports; the runtime adds each epoch's reward to it. */
  stake: bigint;
  /** EPOCH_NOT_SET marks bootstrap stake, effective from genesis. */
  activationEpoch: bigint;
  /** EPOCH_NOT_SET while no deactivation has been requested. */
  deactivationEpoch: bigint;
  /** Stored but ignored by the runtime since Solana 1.16, which derives the rate itself. */
  warmupCooldownRate: number;
}

export interface StakeData {
  delegation: Delegation;
  creditsObserved: bigint;
}

/** Decoded `StakeStateV2`, the bincode enum stored in every stake account. */
export type StakeState =
  | { kind: 'uninitialized' }
  | { kind: 'initialized'; meta: StakeMeta }
  | { kind: 'delegated'; meta: StakeMeta; stake: StakeData; stakeFlags: number }
  | { kind: 'rewardsPool' };

/**
 * Decodes stake account data. Layout (bincode, little-endian): u32 variant tag at 0; Meta at
 * 4 (rent reserve u64, staker at 12, withdrawer at 44, lockup i64/u64/pubkey at 76..124);
 * for a delegation, Stake at 124 (voter, stake, activation and deactivation epochs, rate f64,
 * credits_observed) and the stake_flags byte at 196.
 *
 * @throws WalletError ACCOUNT_DECODE_FAILED for an unknown tag or data that ends too early.
 */
export function decodeStakeState(data: Uint8Array, address: string | null = null): StakeState {
  try {
    return readStakeState(new ByteReader(data));
  } catch (error) {
    if (error instanceof ByteLayoutError) {
      throw new WalletError(
        'ACCOUNT_DECODE_FAILED',
        { address, layout: 'StakeStateV2', reason: error.message },
        `Stake account ${address ?? '(unknown address)'} could not be decoded: ${error.message}`,
      );
    }
    throw error;
  }
}

function readStakeState(reader: ByteReader): StakeState {
  const tag = reader.u32('variant tag');

  switch (tag) {
    case 0:
      return { kind: 'uninitialized' };
    case 1:
      return { kind: 'initialized', meta: readMeta(reader) };
    case 2: {
      const meta = readMeta(reader);
      const stake = readStake(reader);
      const stakeFlags = reader.u8('stake_flags');
      return { kind: 'delegated', meta, stake, stakeFlags };
    }
    case 3:
      return { kind: 'rewardsPool' };
    default:
      throw new ByteLayoutError(`variant tag is ${tag}, expected 0 to 3`);
  }
}

function readMeta(reader: ByteReader): StakeMeta {
  const rentExemptReserve = reader.u64('rent_exempt_reserve');
  const staker = reader.address('authorized.staker');
  const withdrawer = reader.address('authorized.withdrawer');
  const unixTimestamp = reader.i64('lockup.unix_timestamp');
  const epoch = reader.u64('lockup.epoch');
  const custodian = reader.address('lockup.custodian');

  return {
    rentExemptReserve,
    authorized: { staker, withdrawer },
    lockup: { unixTimestamp, epoch, custodian },
  };
}

function readStake(reader: ByteReader): StakeData {
  const voter = reader.address('delegation.voter_pubkey');
  const stake = reader.u64('delegation.stake');
  const activationEpoch = reader.u64('delegation.activation_epoch');
  const deactivationEpoch = reader.u64('delegation.deactivation_epoch');
  const warmupCooldownRate = reader.f64('delegation.warmup_cooldown_rate');
  const creditsObserved = reader.u64('credits_observed');

  return {
    delegation: { voter, stake, activationEpoch, deactivationEpoch, warmupCooldownRate },
    creditsObserved,
  };
}
