import { PublicKey } from '@solana/web3.js';

import type { StoredAccount } from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import type { ChainService } from '../../chain';
import { STAKE_ACCOUNT_SPACE, type BuildContext } from '../../stake';
import type { StoredAccountsService } from '../../store';
import { type FlowRpc, type LatestBlockhash } from './flow-rpc';

/** The device settings a draft is built and reviewed for. */
export interface DeviceTarget {
  appVersion: string;
  pubkeyDisplay: 'long' | 'short';
}

/** Chain values every operation needs, read together before anything is built. */
export interface ClusterParameters {
  blockhash: LatestBlockhash;
  signerBalance: bigint;
  /** Rent-exempt reserve of a 200-byte stake account. */
  stakeRentReserve: bigint;
  /** Rent-exempt minimum of a system account with no data. */
  systemRentMinimum: bigint;
  minimumDelegation: bigint;
}

/** Everything one prepare call works with: the signer, the device, the cluster. */
export interface FlowEnvironment extends ClusterParameters {
  signer: StoredAccount;
  signerKey: PublicKey;
  device: DeviceTarget;
  chain: ChainService;
  rpc: FlowRpc;
  signal: AbortSignal | undefined;
}

/**
 * Returns the saved Ledger account with this address.
 *
 * @throws WalletError ACCOUNT_NOT_FOUND when the person has not added it.
 */
export function findSigner(accounts: StoredAccountsService, address: string): StoredAccount {
  const signer = accounts.list().find((account) => account.publicKey === address);
  if (signer === undefined) {
    throw new WalletError('ACCOUNT_NOT_FOUND', { address });
  }
  return signer;
}

/** Reads the cluster values of `ClusterParameters` in parallel. */
export async function readClusterParameters(
  rpc: FlowRpc,
  signer: string,
  signal?: AbortSignal,
): Promise<ClusterParameters> {
  const [blockhash, signerBalance, stakeRentReserve, systemRentMinimum, minimumDelegation] =
    await Promise.all([
      rpc.latestBlockhash(signal),
      rpc.balance(signer, signal),
      rpc.minimumBalanceForRentExemption(STAKE_ACCOUNT_SPACE, signal),
      rpc.minimumBalanceForRentExemption(0n, signal),
      rpc.stakeMinimumDelegation(signal),
    ]);
  return { blockhash, signerBalance, stakeRentReserve, systemRentMinimum, minimumDelegation };
}

/**
 * Returns the builders' context: the Ledger key signs and pays, with the environment's
 * blockhash.
 *
 * NOTE: no compute budget is requested, so transactions carry no priority fee. Under
 * congestion they may not land before their blockhash expires, which the flow then reports.
 */
export function buildContextOf(environment: FlowEnvironment): BuildContext {
  return {
    signer: environment.signerKey,
    lifetime: { kind: 'blockhash', blockhash: environment.blockhash.blockhash },
    appVersion: environment.device.appVersion,
  };
}

export function toPublicKey(address: string): PublicKey {
  return new PublicKey(address);
}
