import {
  computeStakeActivation,
  decodeStakeState,
  fetchEpochContext,
  fetchMultipleAccounts,
  STAKE_PROGRAM_ID,
  type ChainService,
  type EpochContext,
  type FetchedAccount,
} from '../../chain';
import { WalletError } from '../../../shared/errors';
import type { ClusterTime, StakeAccountSnapshot } from '../../stake';

/**
 * Accounts read in one request together with the Clock and StakeHistory sysvars, so every
 * stake snapshot taken from it has its activation computed at the same epoch.
 */
export class AccountReading {
  readonly time: ClusterTime;

  constructor(
    private readonly context: EpochContext,
    /** null for an address with no account. */
    readonly accounts: ReadonlyMap<string, FetchedAccount | null>,
  ) {
    this.time = { epoch: context.epoch, unixTimestamp: context.unixTimestamp };
  }

  lamportsOf(address: string): bigint {
    return this.accounts.get(address)?.lamports ?? 0n;
  }

  /** Returns the owner program of the account, or null when there is no account at the address. */
  ownerOf(address: string): string | null {
    return this.accounts.get(address)?.owner ?? null;
  }

  /**
   * Returns the account as the stake checks need it, activation included.
   *
   * @throws WalletError STAKE_ACCOUNT_NOT_FOUND when the address has no initialized or
   *   delegated stake account.
   */
  stakeAccount(address: string): StakeAccountSnapshot {
    const account = this.accounts.get(address) ?? null;
    if (account === null) {
      throw notFound(address, 'missing');
    }
    if (account.owner !== STAKE_PROGRAM_ID.toBase58()) {
      throw notFound(address, 'notStakeAccount');
    }

    const state = decodeStakeState(account.data, address);
    switch (state.kind) {
      case 'uninitialized':
      case 'rewardsPool':
        throw notFound(address, 'uninitialized');
      case 'initialized':
        return {
          address,
          lamports: account.lamports,
          state: { kind: 'initialized', meta: state.meta },
          activation: { effective: 0n, activating: 0n, deactivating: 0n },
        };
      case 'delegated': {
        const { delegation, creditsObserved } = state.stake;
        const activation = computeStakeActivation(
          delegation,
          this.context.epoch,
          this.context.history,
          this.context.newRateActivationEpoch,
        );
        return {
          address,
          lamports: account.lamports,
          state: {
            kind: 'delegated',
            meta: state.meta,
            stake: {
              delegation: {
                voter: delegation.voter,
                stake: delegation.stake,
                activationEpoch: delegation.activationEpoch,
                deactivationEpoch: delegation.deactivationEpoch,
              },
              creditsObserved,
            },
          },
          activation,
        };
      }
    }
  }

  /** Returns the stake snapshot, or null when the address has no stake account. */
  stakeAccountOrNull(address: string): StakeAccountSnapshot | null {
    try {
      return this.stakeAccount(address);
    } catch (error) {
      if (error instanceof WalletError && error.code === 'STAKE_ACCOUNT_NOT_FOUND') {
        return null;
      }
      throw error;
    }
  }
}

/** Reads `addresses` and the cluster's epoch context at one moment. */
export async function readAccounts(
  chain: ChainService,
  addresses: readonly string[],
  signal?: AbortSignal,
): Promise<AccountReading> {
  const schedule = await chain.getEpochSchedule({ signal });
  // Same default as ChainService: a cluster without the feature account has applied the
  // new warmup rate since genesis.
  const context = await fetchEpochContext(chain.rpc, schedule, {
    signal,
    newRateEpochWithoutFeatureAccount: 0n,
  });
  const batch = await fetchMultipleAccounts(chain.rpc, addresses, { signal });
  return new AccountReading(context, batch.accounts);
}

function notFound(
  stakeAccount: string,
  reason: 'missing' | 'notStakeAccount' | 'uninitialized',
): WalletError {
  const text = {
    missing: 'has no account',
    notStakeAccount: 'is not owned by the Stake program',
    uninitialized: 'is a stake account without authorities',
  }[reason];
  return new WalletError(
    'STAKE_ACCOUNT_NOT_FOUND',
    { stakeAccount, reason },
    `${stakeAccount} ${text}.`,
  );
}
