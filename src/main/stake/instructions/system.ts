import {
  type PublicKey,
  SYSVAR_RECENT_BLOCKHASHES_PUBKEY,
  TransactionInstruction,
} from '@solana/web3.js';

import { assertSeedLength, SYSTEM_PROGRAM_ID } from '../addresses';
import { ByteWriter } from '../bytes';

/**
 * System program instructions with bigint amounts. web3.js 1.x encodes some lamport fields
 * through JavaScript numbers, which lose precision above 2^53, so these encode the bincode
 * layout directly. Discriminants are the u32 `SystemInstruction` variant indexes.
 */
const SystemInstructionIndex = {
  transfer: 2,
  createAccountWithSeed: 3,
  advanceNonceAccount: 4,
  allocateWithSeed: 9,
} as const;

export function transferInstruction(
  from: PublicKey,
  to: PublicKey,
  lamports: bigint,
): TransactionInstruction {
  return new TransactionInstruction({
    programId: SYSTEM_PROGRAM_ID,
    keys: [
      { pubkey: from, isSigner: true, isWritable: true },
      { pubkey: to, isSigner: false, isWritable: true },
    ],
    data: new ByteWriter().u32(SystemInstructionIndex.transfer).u64(lamports).toBuffer(),
  });
}

export interface CreateAccountWithSeedParams {
  from: PublicKey;
  newAccount: PublicKey;
  base: PublicKey;
  seed: string;
  lamports: bigint;
  space: bigint;
  owner: PublicKey;
}

export function createAccountWithSeedInstruction(
  params: CreateAccountWithSeedParams,
): TransactionInstruction {
  assertSeedLength(params.seed);

  const keys = [
    { pubkey: params.from, isSigner: true, isWritable: true },
    { pubkey: params.newAccount, isSigner: false, isWritable: true },
  ];
  // The base signs; it is listed a second time only when it is not the funding account.
  if (!params.base.equals(params.from)) {
    keys.push({ pubkey: params.base, isSigner: true, isWritable: false });
  }

  return new TransactionInstruction({
    programId: SYSTEM_PROGRAM_ID,
    keys,
    data: new ByteWriter()
      .u32(SystemInstructionIndex.createAccountWithSeed)
      .bytes(params.base.toBytes())
      .string(params.seed)
      .u64(params.lamports)
      .u64(params.space)
      .bytes(params.owner.toBytes())
      .toBuffer(),
  });
}

export interface AllocateWithSeedParams {
  account: PublicKey;
  base: PublicKey;
  seed: string;
  space: bigint;
  owner: PublicKey;
}

export function allocateWithSeedInstruction(
  params: AllocateWithSeedParams,
): TransactionInstruction {
  assertSeedLength(params.seed);

  return new TransactionInstruction({
    programId: SYSTEM_PROGRAM_ID,
    keys: [
      { pubkey: params.account, isSigner: false, isWritable: true },
      { pubkey: params.base, isSigner: true, isWritable: false },
    ],
    data: new ByteWriter()
      .u32(SystemInstructionIndex.allocateWithSeed)
      .bytes(params.base.toBytes())
      .string(params.seed)
      .u64(params.space)
      .bytes(params.owner.toBytes())
      .toBuffer(),
  });
}

export function advanceNonceInstruction(
  nonceAccount: PublicKey,
  authority: PublicKey,
): TransactionInstruction {
  return new TransactionInstruction({
    programId: SYSTEM_PROGRAM_ID,
    keys: [
      { pubkey: nonceAccount, isSigner: false, isWritable: true },
      { pubkey: SYSVAR_RECENT_BLOCKHASHES_PUBKEY, isSigner: false, isWritable: false },
      { pubkey: authority, isSigner: true, isWritable: false },
    ],
    data: new ByteWriter().u32(SystemInstructionIndex.advanceNonceAccount).toBuffer(),
  });
}
