import { createHash } from 'node:crypto';

import {
  ComputeBudgetProgram,
  PublicKey,
  STAKE_CONFIG_ID,
  SYSVAR_CLOCK_PUBKEY,
  SYSVAR_RECENT_BLOCKHASHES_PUBKEY,
  SYSVAR_RENT_PUBKEY,
  SYSVAR_STAKE_HISTORY_PUBKEY,
  StakeProgram,
  SystemProgram,
} from '@solana/web3.js';

import { WalletError } from '../../shared/errors';

export const SYSTEM_PROGRAM_ID = SystemProgram.programId;
export const STAKE_PROGRAM_ID = StakeProgram.programId;
export const COMPUTE_BUDGET_PROGRAM_ID = ComputeBudgetProgram.programId;
export const MEMO_PROGRAM_ID = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
export const MEMO_V1_PROGRAM_ID = new PublicKey('Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo');
export const VOTE_PROGRAM_ID = new PublicKey('Vote111111111111111111111111111111111111111');

/** Size in bytes of a stake account (`StakeStateV2`). */
export const STAKE_ACCOUNT_SPACE = 200n;

/** Longest seed `create_with_seed` accepts, in bytes. */
export const MAX_SEED_BYTES = 32;

const wellKnownNames = new Map<string, string>([
  [SYSTEM_PROGRAM_ID.toBase58(), 'System program'],
  [STAKE_PROGRAM_ID.toBase58(), 'Stake program'],
  [COMPUTE_BUDGET_PROGRAM_ID.toBase58(), 'Compute budget program'],
  [MEMO_PROGRAM_ID.toBase58(), 'Memo program'],
  [MEMO_V1_PROGRAM_ID.toBase58(), 'Memo program (v1)'],
  [VOTE_PROGRAM_ID.toBase58(), 'Vote program'],
  [STAKE_CONFIG_ID.toBase58(), 'Stake config'],
  [SYSVAR_CLOCK_PUBKEY.toBase58(), 'Clock sysvar'],
  [SYSVAR_RENT_PUBKEY.toBase58(), 'Rent sysvar'],
  [SYSVAR_STAKE_HISTORY_PUBKEY.toBase58(), 'Stake history sysvar'],
  [SYSVAR_RECENT_BLOCKHASHES_PUBKEY.toBase58(), 'Recent blockhashes sysvar'],
]);

/** Returns the name of a program or sysvar listed above, or null for any other address. */
export function wellKnownAddressName(address: string): string | null {
  return wellKnownNames.get(address) ?? null;
}

/** True for the programs and sysvars above, which can never receive a withdrawal usefully. */
export function isProgramOrSysvar(address: string): boolean {
  return wellKnownNames.has(address) || address.startsWith('Sysvar');
}

/**
 * Derives the address `create_with_seed` gives: SHA-256 of base, seed and owner program id.
 * Synchronous, unlike web3.js `PublicKey.createWithSeed`, so seed search can loop cheaply.
 *
 * @throws WalletError STAKE_SEED_INVALID when the seed is longer than 32 bytes.
 */
export function deriveAddressWithSeed(base: PublicKey, seed: string, owner: PublicKey): PublicKey {
  assertSeedLength(seed);

  const digest = createHash('sha256')
    .update(base.toBuffer())
    .update(Buffer.from(seed, 'utf8'))
    .update(owner.toBuffer())
    .digest();
  return new PublicKey(digest);
}

export function assertSeedLength(seed: string): void {
  if (Buffer.byteLength(seed, 'utf8') > MAX_SEED_BYTES) {
    throw new WalletError(
      'STAKE_SEED_INVALID',
      { seed, maxBytes: MAX_SEED_BYTES },
      `The seed "${seed}" is longer than ${MAX_SEED_BYTES} bytes.`,
    );
  }
}
