import { PublicKey } from '@solana/web3.js';
import type { Logger } from 'pino';

import { portfolioSnapshotSchema } from '../../../shared/contract/chain';
import type {
  CachedFigure,
  NonceCheckBasis,
  PreparedNonceTransaction,
} from '../../../shared/contract/offline';
import type { StoredAccount } from '../../../shared/domain/store';
import { isWalletError, WalletError } from '../../../shared/errors';
import type { ChainService } from '../../chain';
import type { SettingsService } from '../../settings-service';
import { buildDeactivate, buildReviewModel, formatSol } from '../../stake';
import type { SnapshotService } from '../../store';
import { findStoredAccount } from '../ledger/account-views';
import { prepareDrafts } from '../stake/draft-preparation';
import { readClusterParameters, type FlowEnvironment } from '../stake/flow-environment';
import { planDeactivate } from '../stake/operations/deactivate';
import { TransactionRpc } from '../transaction-rpc';
import { applyDurableNonce } from './durable-nonce-message';
import { isNetworkUnavailable } from './network-required';
import type { NonceAccountService, NonceForSigning } from './nonce-account-service';
import type { PendingSigningService } from './pending-signing-service';
import type { SendQueueService } from './send-queue-service';

export interface NonceUnstakeDependencies {
  chain: () => Promise<ChainService>;
  settings: Pick<SettingsService, 'get'>;
  accounts: { list(): StoredAccount[] };
  snapshots: Pick<SnapshotService, 'load'>;
  nonces: Pick<NonceAccountService, 'nonceForSigning'>;
  queue: Pick<SendQueueService, 'queue' | 'item'>;
  signing: Pick<PendingSigningService, 'review'>;
  /** Solana app version on the device, when one is open. */
  appVersion: () => string | null;
  logger: Logger;
}

export interface NonceUnstakeRequest {
  account: string;
  stakeAccount: string;
  nonceAccount: string;
}

/** Solana app version assumed for building when no device is open; the review rebuilds for the device. */
const VERSION_WITHOUT_DEVICE = '1.9.0';

/**
 * Builds the unstake of a stake account with a durable nonce, so it can be signed now and
 * sent later. With the cluster reachable it goes through the stake pipeline (checks, fee,
 * simulation) and then gets AdvanceNonceAccount first. Without, it is checked against the
 * last saved portfolio and nonce read, and not simulated, since the queue checks the nonce
 * again and the cluster runs the transaction only when it is sent.
 */
export class NonceUnstakeService {
  constructor(private readonly dependencies: NonceUnstakeDependencies) {}

  /**
   * @throws WalletError OFFLINE_DATA_MISSING, OFFLINE_BALANCE_TOO_LOW,
   *   STAKE_AUTHORITY_MISMATCH or STAKE_ACCOUNT_STATE_INVALID when the saved values rule the
   *   unstake out, and the nonce service's errors for the nonce account.
   */
  async prepare(
    request: NonceUnstakeRequest,
    signal?: AbortSignal,
  ): Promise<PreparedNonceTransaction> {
    const signer = findStoredAccount(this.dependencies.accounts.list(), request.account);
    const nonce = await this.dependencies.nonces.nonceForSigning(
      { nonceAccount: request.nonceAccount, authority: signer.publicKey },
      signal,
    );

    const built = nonce.fromCache
      ? await this.buildFromSaved(request, signer, nonce, await this.unreachable())
      : await this.buildLiveOrSaved(request, signer, nonce, signal);

    const record = await this.dependencies.queue.queue({
      message: built.message,
      intent: { kind: 'deactivate', summary: `Unstake ${request.stakeAccount} (durable nonce)` },
    });
    this.dependencies.logger.info(
      { id: record.id, stakeAccount: request.stakeAccount, basis: built.basis.kind },
      'queued a nonce unstake',
    );
    const review = await this.dependencies.signing.review(record.id, signal);
    return { item: this.dependencies.queue.item(record.id), review, basis: built.basis };
  }

  private async buildLiveOrSaved(
    request: NonceUnstakeRequest,
    signer: StoredAccount,
    nonce: NonceForSigning,
    signal?: AbortSignal,
  ): Promise<{ message: Uint8Array; basis: NonceCheckBasis }> {
    try {
      return await this.buildLive(request, signer, nonce, signal);
    } catch (error) {
      if (!isNetworkUnavailable(error) || !isWalletError(error)) {
        throw error;
      }
      this.dependencies.logger.warn(
        { stakeAccount: request.stakeAccount, err: error },
        'cluster unreachable while building a nonce unstake; checking saved values',
      );
      return this.buildFromSaved(request, signer, nonce, error);
    }
  }

  /** Runs the stake pipeline on current values, then moves the message to the nonce. */
  private async buildLive(
    request: NonceUnstakeRequest,
    signer: StoredAccount,
    nonce: NonceForSigning,
    signal?: AbortSignal,
  ): Promise<{ message: Uint8Array; basis: NonceCheckBasis }> {
    const chain = await this.dependencies.chain();
    const rpc = new TransactionRpc(chain.rpc);
    const appVersion = this.appVersion();
    const environment: FlowEnvironment = {
      ...(await readClusterParameters(rpc, signer.publicKey, signal)),
      signer,
      signerKey: new PublicKey(signer.publicKey),
      device: { appVersion, pubkeyDisplay: 'long' },
      chain,
      rpc,
      signal,
    };
    const plan = await planDeactivate(
      { account: signer.publicKey, stakeAccount: request.stakeAccount },
      environment,
    );
    const [draft] = await prepareDrafts(plan, environment, {
      ownAccounts: this.dependencies.accounts.list(),
    });
    if (draft === undefined) {
      throw new WalletError('INTERNAL', { method: 'prepareNonceUnstake' }, 'no transaction built');
    }

    const message = applyDurableNonce(
      draft.messageBytes,
      {
        nonceAccount: nonce.lifetime.nonceAccount,
        nonceValue: nonce.lifetime.nonceValue,
      },
      appVersion,
    );
    return {
      message,
      basis: {
        kind: 'live',
        checks: [
          ...draft.view.checks.map((check) => check.text),
          `The nonce value ${nonce.lifetime.nonceValue} was read in slot ${nonce.slot}; the simulation ran the same instructions with a recent blockhash.`,
        ],
      },
    };
  }

  /** Checks the unstake against the last saved portfolio and builds it with the nonce. */
  private async buildFromSaved(
    request: NonceUnstakeRequest,
    signer: StoredAccount,
    nonce: NonceForSigning,
    reason: WalletError,
  ): Promise<{ message: Uint8Array; basis: NonceCheckBasis }> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    const snapshot = await this.dependencies.snapshots.load(
      'stakeAccounts',
      cluster,
      portfolioSnapshotSchema,
    );
    if (snapshot === null) {
      throw missing('the stake accounts', cluster);
    }
    const portfolio = snapshot.data;
    const view = portfolio.stakeAccounts.find((entry) => entry.address === request.stakeAccount);
    if (view === undefined) {
      throw missing(`stake account ${request.stakeAccount}`, cluster);
    }
    if (view.staker !== signer.publicKey) {
      throw new WalletError(
        'STAKE_AUTHORITY_MISMATCH',
        {
          stakeAccount: view.address,
          role: 'staker',
          expected: view.staker,
          signer: signer.publicKey,
        },
        `The staker of ${view.address} was ${view.staker} at the last read, not ${signer.publicKey}.`,
      );
    }
    if (view.kind !== 'delegated' || view.deactivationEpoch !== null) {
      throw new WalletError(
        'STAKE_ACCOUNT_STATE_INVALID',
        { stakeAccount: view.address, operation: 'deactivate', accountState: view.state },
        `Stake account ${view.address} was ${view.state} at the last read, so it cannot be unstaked.`,
      );
    }
    const owner = portfolio.owners.find((entry) => entry.address === signer.publicKey);
    if (owner === undefined || owner.lamports === null) {
      throw missing(`the balance of ${signer.publicKey}`, cluster);
    }

    const appVersion = this.appVersion();
    const message = buildDeactivate(
      { stakeAccount: new PublicKey(view.address) },
      { signer: new PublicKey(signer.publicKey), lifetime: nonce.lifetime, appVersion },
    ).message.serialize();
    const fee = BigInt(
      buildReviewModel(message, { signer: signer.publicKey, appVersion }).fee.totalLamports,
    );
    const balance = BigInt(owner.lamports);
    if (balance < fee) {
      throw new WalletError('OFFLINE_BALANCE_TOO_LOW', {
        account: signer.publicKey,
        balanceLamports: balance.toString(),
        feeLamports: fee.toString(),
      });
    }

    const figures: CachedFigure[] = [
      {
        label: 'Stake account',
        value: `${view.state}, ${formatSol(BigInt(view.lamports))}, staker ${view.staker}`,
        slot: view.dataSlot,
        readAt: view.fetchedAt,
      },
      {
        label: 'Ledger account balance',
        value: formatSol(balance),
        slot: portfolio.meta.slot,
        readAt: portfolio.meta.fetchedAt,
      },
      {
        label: 'Nonce value',
        value: nonce.lifetime.nonceValue,
        slot: nonce.slot,
        readAt: nonce.readAt,
      },
    ];
    return {
      message,
      basis: {
        kind: 'cached',
        figures,
        reason: reason.toData(),
        checks: [
          `This Ledger account was the staker of ${view.address} at the last read.`,
          `The stake account was ${view.state} and not deactivating at the last read.`,
          `The last saved balance, ${formatSol(balance)}, covers the fee of ${formatSol(fee)}.`,
          'Simulation was not possible without the cluster. Before sending, the queue checks that the nonce has not moved, and the cluster runs the transaction when it arrives.',
        ],
      },
    };
  }

  private appVersion(): string {
    return this.dependencies.appVersion() ?? VERSION_WITHOUT_DEVICE;
  }

  private async unreachable(): Promise<WalletError> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    return new WalletError(
      'NETWORK_REQUIRED',
      { action: 'Reading the nonce account', cluster, cause: 'RPC_UNAVAILABLE' },
      `the ${cluster} cluster did not answer, so the last nonce read is used`,
    );
  }
}

function missing(what: string, cluster: string): WalletError {
  return new WalletError(
    'OFFLINE_DATA_MISSING',
    { what, cluster },
    `The ${cluster} cluster did not answer and the app has no saved value for ${what}.`,
  );
}
