import { WalletError } from '../../../shared/errors';
import { ByteLayoutError, ByteReader } from './byteReader';

/** Cluster-wide stake totals at the start of one epoch, in lamports. */
export interface StakeHistoryEntry {
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}

/** Read access to the StakeHistory sysvar by epoch, as the activation algorithm needs it. */
export interface StakeHistory {
  get(epoch: bigint): StakeHistoryEntry | undefined;
}

/** The sysvar keeps at most this many epochs (Solana SDK `MAX_ENTRIES`). */
export const STAKE_HISTORY_MAX_ENTRIES = 512;

const ENTRY_BYTES = 32;

/**
 * Decodes the StakeHistory sysvar: a bincode `Vec<(Epoch, StakeHistoryEntry)>`, that is a u64
 * count followed by 32-byte entries of four u64 (epoch, effective, activating, deactivating),
 * newest epoch first. The account is allocated at its maximum size, so bytes after the last
 * entry are padding and are ignored.
 *
 * @throws WalletError ACCOUNT_DECODE_FAILED when the count is too large or data is missing.
 */
export function decodeStakeHistory(data: Uint8Array): Map<bigint, StakeHistoryEntry> {
  try {
    return readStakeHistory(new ByteReader(data));
  } catch (error) {
    if (error instanceof ByteLayoutError) {
      throw new WalletError(
        'ACCOUNT_DECODE_FAILED',
        { address: null, layout: 'StakeHistory', reason: error.message },
        `The StakeHistory sysvar could not be decoded: ${error.message}`,
      );
    }
    throw error;
  }
}

function readStakeHistory(reader: ByteReader): Map<bigint, StakeHistoryEntry> {
  const count = reader.u64('entry count');
  if (count > BigInt(STAKE_HISTORY_MAX_ENTRIES)) {
    throw new ByteLayoutError(`entry count is ${count}, above ${STAKE_HISTORY_MAX_ENTRIES}`);
  }
  if (BigInt(reader.remaining) < count * BigInt(ENTRY_BYTES)) {
    throw new ByteLayoutError(`entry count is ${count} but only ${reader.remaining} bytes follow`);
  }

  const entries = new Map<bigint, StakeHistoryEntry>();
  for (let index = 0; index < Number(count); index += 1) {
    const epoch = reader.u64(`entry ${index} epoch`);
    const effective = reader.u64(`entry ${index} effective`);
    const activating = reader.u64(`entry ${index} activating`);
    const deactivating = reader.u64(`entry ${index} deactivating`);
    entries.set(epoch, { effective, activating, deactivating });
  }
  return entries;
}
