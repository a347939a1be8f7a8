import { PublicKey } from '@solana/web3.js';

import { WalletError } from '../../../shared/errors';
import { ByteLayoutError, ByteReader } from './byteReader';

export const CLOCK_SYSVAR_ID = new PublicKey('SysvarC1ock11111111111111111111111111111111');

/** The Clock sysvar: the bank's slot, epoch and estimated wall-clock time (Unix seconds). */
export interface ClockSysvar {
  slot: bigint;
  epochStartTimestamp: bigint;
  epoch: bigint;
  leaderScheduleEpoch: bigint;
  unixTimestamp: bigint;
}

/**
 * Decodes the Clock sysvar: u64 slot, i64 epoch_start_timestamp, u64 epoch, u64
 * leader_schedule_epoch, i64 unix_timestamp (40 bytes, bincode).
 *
 * @throws WalletError ACCOUNT_DECODE_FAILED when the data is shorter than 40 bytes.
 */
export function decodeClock(data: Uint8Array): ClockSysvar {
  try {
    const reader = new ByteReader(data);
    return {
      slot: reader.u64('slot'),
      epochStartTimestamp: reader.i64('epoch_start_timestamp'),
      epoch: reader.u64('epoch'),
      leaderScheduleEpoch: reader.u64('leader_schedule_epoch'),
      unixTimestamp: reader.i64('unix_timestamp'),
    };
  } catch (error) {
    if (error instanceof ByteLayoutError) {
      throw new WalletError(
        'ACCOUNT_DECODE_FAILED',
        { address: CLOCK_SYSVAR_ID.toBase58(), layout: 'Clock', reason: error.message },
        `The Clock sysvar could not be decoded: ${error.message}`,
      );
    }
    throw error;
  }
}
