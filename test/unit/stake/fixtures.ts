import { PublicKey, TransactionMessage } from '@solana/web3.js';
import type { Message, TransactionInstruction } from '@solana/web3.js';

import type { BuildContext } from '../../../src/main/stake';
import type { StakeAccountSnapshot, StakeLockup } from '../../../src/main/stake';
import { EPOCH_UNSET } from '../../../src/main/stake';
import { isWalletError } from '../../../src/shared/errors';
import type { WalletError } from '../../../src/shared/errors';

/**
 * Keys derived from the Speculos test mnemonic (SLIP-0010 Ed25519), the same ones the Ledger
 * Solana app's public test vectors use.
 */
export const speculos = {
  root: new PublicKey('7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9'), // 44'/501'
  account0: new PublicKey('2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH'), // 44'/501'/0'
  account1: new PublicKey('51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ'), // 44'/501'/1'
  bip44Change: new PublicKey('EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV'), // 44'/501'/0'/0'
};

/** The stake account createWithSeed(account0, FIXED_SEED, Stake) gives. */
export const FIXED_SEED = 'stake:0123456789abcdef0123456789';
export const FIXED_STAKE_ACCOUNT = new PublicKey('AH9SphFp84i1yzeNMTZD2cX8MRVJfkpdNLNjn5Cmh6VQ');

/** Vote accounts the current app line names: Ledger by Figment and Ledger by Chorus One. */
export const FIGMENT_VOTE = new PublicKey('26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx');
export const CHORUS_ONE_VOTE = new PublicKey('CpfvLiiPALdzZTP3fUrALg2TXwEDSAknRh1sn5JCt9Sr');
export const OTHER_VOTE = new PublicKey('3N7s9zXMZ4QqvHQR15t8GNHyqc89KduzPdmnrzGo6Ggg');

export const BLOCKHASH = 'GHtXQBsoZHVnNFa9YevAzFr17DJjgHXk3ycTKD5xD3Zi';
export const RENT_RESERVE = 2_282_880n;
export const SOL = 1_000_000_000n;

export function blockhashContext(
  appVersion: string,
  overrides: Partial<BuildContext> = {},
): BuildContext {
  return {
    signer: speculos.account0,
    lifetime: { kind: 'blockhash', blockhash: BLOCKHASH },
    appVersion,
    ...overrides,
  };
}

/** Returns the message's instructions as web3.js objects, for web3's own decoders. */
export function decompile(message: Message): TransactionInstruction[] {
  return TransactionMessage.decompile(message).instructions;
}

export function address(seed: number): string {
  const bytes = new Uint8Array(32);
  bytes[0] = seed;
  bytes[31] = 7;
  return new PublicKey(bytes).toBase58();
}

const noLockup: StakeLockup = {
  unixTimestamp: 0n,
  epoch: 0n,
  custodian: PublicKey.default.toBase58(),
};

export interface SnapshotOptions {
  address?: string;
  lamports?: bigint;
  staker?: string;
  withdrawer?: string;
  lockup?: StakeLockup;
  voter?: string;
  delegated?: bigint;
  activationEpoch?: bigint;
  deactivationEpoch?: bigint;
  effective?: bigint;
  activating?: bigint;
  deactivating?: bigint;
}

export function initializedSnapshot(options: SnapshotOptions = {}): StakeAccountSnapshot {
  return {
    address: options.address ?? address(1),
    lamports: options.lamports ?? RENT_RESERVE + 5n * SOL,
    state: {
      kind: 'initialized',
      meta: {
        rentExemptReserve: RENT_RESERVE,
        authorized: {
          staker: options.staker ?? speculos.account0.toBase58(),
          withdrawer: options.withdrawer ?? speculos.account0.toBase58(),
        },
        lockup: options.lockup ?? noLockup,
      },
    },
    activation: { effective: 0n, activating: 0n, deactivating: 0n },
  };
}

export function delegatedSnapshot(options: SnapshotOptions = {}): StakeAccountSnapshot {
  const delegated = options.delegated ?? 5n * SOL;
  return {
    address: options.address ?? address(2),
    lamports: options.lamports ?? RENT_RESERVE + delegated,
    state: {
      kind: 'delegated',
      meta: {
        rentExemptReserve: RENT_RESERVE,
        authorized: {
          staker: options.staker ?? speculos.account0.toBase58(),
          withdrawer: options.withdrawer ?? speculos.account0.toBase58(),
        },
        lockup: options.lockup ?? noLockup,
      },
      stake: {
        delegation: {
          voter: options.voter ?? FIGMENT_VOTE.toBase58(),
          stake: delegated,
          activationEpoch: options.activationEpoch ?? 100n,
          deactivationEpoch: options.deactivationEpoch ?? EPOCH_UNSET,
        },
        creditsObserved: 0n,
      },
    },
    activation: {
      effective: options.effective ?? delegated,
      activating: options.activating ?? 0n,
      deactivating: options.deactivating ?? 0n,
    },
  };
}

/** Runs `run` and returns the WalletError it throws; fails the test when it throws nothing else. */
export function catchWalletError(run: () => unknown): WalletError {
  try {
    run();
  } catch (error) {
    if (isWalletError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a WalletError, but nothing was thrown');
}
