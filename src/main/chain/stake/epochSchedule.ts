import type { RpcEpochSchedule } from '../rpc/rpcSchemas';

/** Length of the first epoch on a cluster with warmup (Solana SDK `MINIMUM_SLOTS_PER_EPOCH`). */
const MINIMUM_SLOTS_PER_EPOCH = 32n;

/**
 * Returns the epoch that contains `slot`. With warmup, epochs before `firstNormalEpoch` double
 * in length from 32 slots, so epoch n starts at slot 32 × (2^n − 1).
 */
export function getEpochOfSlot(schedule: RpcEpochSchedule, slot: bigint): bigint {
  const firstNormalSlot = BigInt(schedule.firstNormalSlot);
  if (slot >= firstNormalSlot) {
    return (
      BigInt(schedule.firstNormalEpoch) + (slot - firstNormalSlot) / BigInt(schedule.slotsPerEpoch)
    );
  }

  let epoch = 0n;
  while (getFirstSlotOfEpoch(schedule, epoch + 1n) <= slot) {
    epoch += 1n;
  }
  return epoch;
}

export function getFirstSlotOfEpoch(schedule: RpcEpochSchedule, epoch: bigint): bigint {
  const firstNormalEpoch = BigInt(schedule.firstNormalEpoch);
  if (epoch <= firstNormalEpoch) {
    return (2n ** epoch - 1n) * MINIMUM_SLOTS_PER_EPOCH;
  }
  return (
    (epoch - firstNormalEpoch) * BigInt(schedule.slotsPerEpoch) + BigInt(schedule.firstNormalSlot)
  );
}
