import { BincodeReader } from './bincode';

/** One StakeHistory sysvar entry: the cluster's stake totals for `epoch`. */
export interface StakeHistoryEntry {
  epoch: bigint;
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}

/** Decodes the StakeHistory sysvar account data, whose entries come newest first. */
export function decodeStakeHistory(data: Uint8Array): StakeHistoryEntry[] {
  const reader = new BincodeReader(data);
  const count = reader.length();
  const entries: StakeHistoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({
      epoch: reader.u64(),
      effective: reader.u64(),
      activating: reader.u64(),
      deactivating: reader.u64(),
    });
  }
  return entries;
}
