import { PublicKey } from '@solana/web3.js';

/**
 * Writes StakeStateV2 account data byte by byte at the offsets the stake program uses, so
 * decoder tests do not depend on the decoder's own reading order.
 */
export interface MetaFields {
  rentExemptReserve: bigint;
  staker: PublicKey;
  withdrawer: PublicKey;
  lockupUnixTimestamp?: bigint;
  lockupEpoch?: bigint;
  custodian?: PublicKey;
}

export interface DelegationFields {
  voter: PublicKey;
  stake: bigint;
  activationEpoch: bigint;
  deactivationEpoch: bigint;
  warmupCooldownRate?: number;
  creditsObserved?: bigint;
  stakeFlags?: number;
}

export const STAKE_ACCOUNT_SIZE = 200;

export function encodeUninitialized(): Uint8Array {
  return new Uint8Array(STAKE_ACCOUNT_SIZE);
}

export function encodeRewardsPool(): Uint8Array {
  const bytes = new Uint8Array(STAKE_ACCOUNT_SIZE);
  new DataView(bytes.buffer).setUint32(0, 3, true);
  return bytes;
}

export function encodeInitialized(meta: MetaFields): Uint8Array {
  const bytes = new Uint8Array(STAKE_ACCOUNT_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 1, true);
  writeMeta(bytes, view, meta);
  return bytes;
}

export function encodeDelegated(meta: MetaFields, delegation: DelegationFields): Uint8Array {
  const bytes = new Uint8Array(STAKE_ACCOUNT_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 2, true);
  writeMeta(bytes, view, meta);
  bytes.set(delegation.voter.toBytes(), 124);
  view.setBigUint64(156, delegation.stake, true);
  view.setBigUint64(164, delegation.activationEpoch, true);
  view.setBigUint64(172, delegation.deactivationEpoch, true);
  view.setFloat64(180, delegation.warmupCooldownRate ?? 0.25, true);
  view.setBigUint64(188, delegation.creditsObserved ?? 0n, true);
  view.setUint8(196, delegation.stakeFlags ?? 0);
  return bytes;
}

function writeMeta(bytes: Uint8Array, view: DataView, meta: MetaFields): void {
  view.setBigUint64(4, meta.rentExemptReserve, true);
  bytes.set(meta.staker.toBytes(), 12);
  bytes.set(meta.withdrawer.toBytes(), 44);
  view.setBigInt64(76, meta.lockupUnixTimestamp ?? 0n, true);
  view.setBigUint64(84, meta.lockupEpoch ?? 0n, true);
  bytes.set((meta.custodian ?? PublicKey.default).toBytes(), 92);
}

/** Encodes the StakeHistory sysvar: u64 count, then (epoch, effective, activating, deactivating). */
export function encodeStakeHistory(
  entries: readonly [epoch: bigint, effective: bigint, activating: bigint, deactivating: bigint][],
  padToEntries = 512,
): Uint8Array {
  const bytes = new Uint8Array(8 + Math.max(entries.length, padToEntries) * 32);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(entries.length), true);
  entries.forEach((entry, index) => {
    entry.forEach((value, field) => view.setBigUint64(8 + index * 32 + field * 8, value, true));
  });
  return bytes;
}

/** Returns a deterministic public key for tests, distinct per seed below 250. */
export function testKey(seed: number): PublicKey {
  const bytes = new Uint8Array(32);
  bytes.fill(seed & 0xff);
  bytes[0] = 1 + (seed % 250);
  return new PublicKey(bytes);
}
