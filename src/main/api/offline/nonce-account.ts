import {
  type PublicKey,
  SYSVAR_RECENT_BLOCKHASHES_PUBKEY,
  SYSVAR_RENT_PUBKEY,
  TransactionInstruction,
} from '@solana/web3.js';
import bs58 from 'bs58';

import { WalletError } from '../../../shared/errors';
import { deriveAddressWithSeed, SYSTEM_PROGRAM_ID } from '../../stake';
import { ByteWriter } from '../../stake/bytes';

/**
 * Durable nonce accounts: the System program's 80-byte account that stores a nonce value a
 * transaction can use in place of a recent blockhash. Layout (`nonce::state::Versions`,
 * bincode): u32 version (1 = current), u32 state (0 = uninitialized, 1 = initialized),
 * authority (32 bytes), durable nonce (32 bytes), u64 lamports per signature.
 */
export const NONCE_ACCOUNT_SPACE = 80n;

const INITIALIZE_NONCE_INDEX = 6;
const CURRENT_VERSION = 1;
const INITIALIZED_STATE = 1;

export interface NonceState {
  authority: string;
  /** Base-58 nonce value, the `recentBlockhash` of a transaction that uses it. */
  nonceValue: string;
  lamportsPerSignature: bigint;
}

/**
 * Seed of the person's n-th nonce account. Addresses come from `createAccountWithSeed` with
 * the Ledger key as base, so they can be found again from the key alone.
 */
export function nonceSeed(index: number): string {
  return `nonce:${index}`;
}

export function deriveNonceAddress(authority: PublicKey, index: number): PublicKey {
  return deriveAddressWithSeed(authority, nonceSeed(index), SYSTEM_PROGRAM_ID);
}

/**
 * Decodes a nonce account's data.
 *
 * @throws WalletError NONCE_ACCOUNT_INVALID when the data is not an initialized nonce.
 */
export function decodeNonceAccount(address: string, owner: string, data: Uint8Array): NonceState {
  if (owner !== SYSTEM_PROGRAM_ID.toBase58()) {
    throw invalid(address, `owned by ${owner}, not the System program`);
  }
  if (data.length !== Number(NONCE_ACCOUNT_SPACE)) {
    throw invalid(address, `holds ${data.length} bytes of data, not ${NONCE_ACCOUNT_SPACE}`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint32(0, true);
  const state = view.getUint32(4, true);
  if (version !== CURRENT_VERSION) {
    throw invalid(address, `has nonce layout version ${version}; only ${CURRENT_VERSION} is read`);
  }
  if (state !== INITIALIZED_STATE) {
    throw invalid(address, 'is not initialized');
  }

  return {
    authority: bs58.encode(data.subarray(8, 40)),
    nonceValue: bs58.encode(data.subarray(40, 72)),
    lamportsPerSignature: view.getBigUint64(72, true),
  };
}

/** InitializeNonceAccount: accounts [nonce, RecentBlockhashes sysvar, Rent sysvar]. */
export function initializeNonceInstruction(
  nonceAccount: PublicKey,
  authority: PublicKey,
): TransactionInstruction {
  return new TransactionInstruction({
    programId: SYSTEM_PROGRAM_ID,
    keys: [
      { pubkey: nonceAccount, isSigner: false, isWritable: true },
      { pubkey: SYSVAR_RECENT_BLOCKHASHES_PUBKEY, isSigner: false, isWritable: false },
      { pubkey: SYSVAR_RENT_PUBKEY, isSigner: false, isWritable: false },
    ],
    data: new ByteWriter().u32(INITIALIZE_NONCE_INDEX).bytes(authority.toBytes()).toBuffer(),
  });
}

function invalid(address: string, reason: string): WalletError {
  return new WalletError('NONCE_ACCOUNT_INVALID', { address, reason }, `${address} ${reason}`);
}
