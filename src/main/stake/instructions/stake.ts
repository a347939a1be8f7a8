import {
  PublicKey,
  STAKE_CONFIG_ID,
  SYSVAR_CLOCK_PUBKEY,
  SYSVAR_RENT_PUBKEY,
  SYSVAR_STAKE_HISTORY_PUBKEY,
  TransactionInstruction,
} from '@solana/web3.js';

import type { StakeAuthorityType } from '../../../shared/domain/stake';
import { STAKE_PROGRAM_ID } from '../addresses';
import { ByteWriter } from '../bytes';

/**
 * Stake program instructions in the account layouts the Ledger Solana app parses (for example
 * Delegate with exactly stake, vote, clock, stake history, config, authority). Encoded here
 * rather than with web3.js because web3.js takes lamports as numbers and marks the clock
 * sysvar writable in Authorize. Discriminants are the u32 `StakeInstruction` variant indexes.
 */
export const StakeInstructionIndex = {
  initialize: 0,
  authorize: 1,
  delegateStake: 2,
  split: 3,
  withdraw: 4,
  deactivate: 5,
  setLockup: 6,
  merge: 7,
  authorizeWithSeed: 8,
  initializeChecked: 9,
  authorizeChecked: 10,
  authorizeCheckedWithSeed: 11,
  setLockupChecked: 12,
  getMinimumDelegation: 13,
  deactivateDelinquent: 14,
  redelegate: 15,
  moveStake: 16,
  moveLamports: 17,
} as const;

const AUTHORITY_TYPE_INDEX: Record<StakeAuthorityType, number> = { staker: 0, withdrawer: 1 };

function stakeInstruction(
  keys: TransactionInstruction['keys'],
  data: Buffer,
): TransactionInstruction {
  return new TransactionInstruction({ programId: STAKE_PROGRAM_ID, keys, data });
}

function readonly(pubkey: PublicKey): TransactionInstruction['keys'][number] {
  return { pubkey, isSigner: false, isWritable: false };
}

function writable(pubkey: PublicKey): TransactionInstruction['keys'][number] {
  return { pubkey, isSigner: false, isWritable: true };
}

function signer(pubkey: PublicKey): TransactionInstruction['keys'][number] {
  return { pubkey, isSigner: true, isWritable: false };
}

/** Initialize with staker and withdrawer and no lockup (all-zero lockup fields). */
export function initializeInstruction(
  stakeAccount: PublicKey,
  staker: PublicKey,
  withdrawer: PublicKey,
): TransactionInstruction {
  const data = new ByteWriter()
    .u32(StakeInstructionIndex.initialize)
    .bytes(staker.toBytes())
    .bytes(withdrawer.toBytes())
    .i64(0n)
    .u64(0n)
    .bytes(PublicKey.default.toBytes())
    .toBuffer();
  return stakeInstruction([writable(stakeAccount), readonly(SYSVAR_RENT_PUBKEY)], data);
}

export function delegateInstruction(
  stakeAccount: PublicKey,
  voteAccount: PublicKey,
  staker: PublicKey,
): TransactionInstruction {
  return stakeInstruction(
    [
      writable(stakeAccount),
      readonly(voteAccount),
      readonly(SYSVAR_CLOCK_PUBKEY),
      readonly(SYSVAR_STAKE_HISTORY_PUBKEY),
      readonly(STAKE_CONFIG_ID),
      signer(staker),
    ],
    new ByteWriter().u32(StakeInstructionIndex.delegateStake).toBuffer(),
  );
}

export function deactivateInstruction(
  stakeAccount: PublicKey,
  staker: PublicKey,
): TransactionInstruction {
  return stakeInstruction(
    [writable(stakeAccount), readonly(SYSVAR_CLOCK_PUBKEY), signer(staker)],
    new ByteWriter().u32(StakeInstructionIndex.deactivate).toBuffer(),
  );
}

export interface WithdrawInstructionParams {
  stakeAccount: PublicKey;
  to: PublicKey;
  withdrawer: PublicKey;
  lamports: bigint;
  custodian?: PublicKey;
}

export function withdrawInstruction(params: WithdrawInstructionParams): TransactionInstruction {
  const keys = [
    writable(params.stakeAccount),
    writable(params.to),
    readonly(SYSVAR_CLOCK_PUBKEY),
    readonly(SYSVAR_STAKE_HISTORY_PUBKEY),
    signer(params.withdrawer),
  ];
  if (params.custodian !== undefined) {
    keys.push(signer(params.custodian));
  }
  return stakeInstruction(
    keys,
    new ByteWriter().u32(StakeInstructionIndex.withdraw).u64(params.lamports).toBuffer(),
  );
}

export function splitInstruction(
  stakeAccount: PublicKey,
  destination: PublicKey,
  staker: PublicKey,
  lamports: bigint,
): TransactionInstruction {
  return stakeInstruction(
    [writable(stakeAccount), writable(destination), signer(staker)],
    new ByteWriter().u32(StakeInstructionIndex.split).u64(lamports).toBuffer(),
  );
}

export function mergeInstruction(
  destination: PublicKey,
  source: PublicKey,
  staker: PublicKey,
): TransactionInstruction {
  return stakeInstruction(
    [
      writable(destination),
      writable(source),
      readonly(SYSVAR_CLOCK_PUBKEY),
      readonly(SYSVAR_STAKE_HISTORY_PUBKEY),
      signer(staker),
    ],
    new ByteWriter().u32(StakeInstructionIndex.merge).toBuffer(),
  );
}

export interface AuthorizeInstructionParams {
  stakeAccount: PublicKey;
  /** The current staker or withdrawer, which signs. */
  authority: PublicKey;
  newAuthority: PublicKey;
  authorityType: StakeAuthorityType;
  /** Lockup custodian; needed to change the withdrawer while a lockup is in force. */
  custodian?: PublicKey;
}

/** Plain Authorize: the new authority does not sign. */
export function authorizeInstruction(params: AuthorizeInstructionParams): TransactionInstruction {
  const keys = [
    writable(params.stakeAccount),
    readonly(SYSVAR_CLOCK_PUBKEY),
    signer(params.authority),
  ];
  if (params.custodian !== undefined) {
    keys.push(signer(params.custodian));
  }
  const data = new ByteWriter()
    .u32(StakeInstructionIndex.authorize)
    .bytes(params.newAuthority.toBytes())
    .u32(AUTHORITY_TYPE_INDEX[params.authorityType])
    .toBuffer();
  return stakeInstruction(keys, data);
}

/** AuthorizeChecked: the new authority signs too, which proves the key is controlled. */
export function authorizeCheckedInstruction(
  params: AuthorizeInstructionParams,
): TransactionInstruction {
  const keys = [
    writable(params.stakeAccount),
    readonly(SYSVAR_CLOCK_PUBKEY),
    signer(params.authority),
    signer(params.newAuthority),
  ];
  if (params.custodian !== undefined) {
    keys.push(signer(params.custodian));
  }
  const data = new ByteWriter()
    .u32(StakeInstructionIndex.authorizeChecked)
    .u32(AUTHORITY_TYPE_INDEX[params.authorityType])
    .toBuffer();
  return stakeInstruction(keys, data);
}
