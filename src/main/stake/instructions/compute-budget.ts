import { TransactionInstruction } from '@solana/web3.js';

import { COMPUTE_BUDGET_PROGRAM_ID } from '../addresses';
import { ByteWriter } from '../bytes';

/** Compute budget instruction discriminants (a single u8). */
export const ComputeBudgetIndex = {
  requestUnits: 0,
  requestHeapFrame: 1,
  setComputeUnitLimit: 2,
  setComputeUnitPrice: 3,
  setLoadedAccountsDataSizeLimit: 4,
} as const;

export function setComputeUnitLimitInstruction(units: number): TransactionInstruction {
  return new TransactionInstruction({
    programId: COMPUTE_BUDGET_PROGRAM_ID,
    keys: [],
    data: new ByteWriter().u8(ComputeBudgetIndex.setComputeUnitLimit).u32(units).toBuffer(),
  });
}

/** Sets the priority fee rate in micro-lamports per compute unit. */
export function setComputeUnitPriceInstruction(microLamports: bigint): TransactionInstruction {
  return new TransactionInstruction({
    programId: COMPUTE_BUDGET_PROGRAM_ID,
    keys: [],
    data: new ByteWriter().u8(ComputeBudgetIndex.setComputeUnitPrice).u64(microLamports).toBuffer(),
  });
}
