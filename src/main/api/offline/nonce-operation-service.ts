import { PublicKey } from '@solana/web3.js';
import type { Logger } from 'pino';

import type {
  NonceCheckBasis,
  NonceOperation,
  PreparedNonceTransaction,
} from '../../../shared/contract/offline';
import type {
  IntentSummary,
  PendingTransaction,
  StoredAccount,
} from '../../../shared/domain/store';
import { isWalletError, WalletError } from '../../../shared/errors';
import type { ChainService } from '../../chain';
import type { SettingsService } from '../../settings-service';
import { buildReviewModel, formatSol, parseMessage } from '../../stake';
import type { SnapshotService } from '../../store';
import { findStoredAccount } from '../ledger/account-views';
import { prepareDrafts } from '../stake/draft-preparation';
import { readClusterParameters, type FlowEnvironment } from '../stake/flow-environment';
import type { OperationPlan } from '../stake/operation-plan';
import { planAuthorize } from '../stake/operations/authorize';
import { planDeactivate } from '../stake/operations/deactivate';
import { planDelegate } from '../stake/operations/delegate';
import { planMerge } from '../stake/operations/merge';
import { planSplitStake } from '../stake/operations/split';
import { planWithdraw } from '../stake/operations/withdraw';
import { TransactionRpc } from '../transaction-rpc';
import { planFromCache } from './cached-operation-plans';
import { CachedStakeData } from './cached-stake-data';
import { applyDurableNonce } from './durable-nonce-message';
import { isNetworkUnavailable } from './network-required';
import type { NonceAccountService, NonceForSigning } from './nonce-account-service';
import type { PendingSigningService } from './pending-signing-service';
import type { SendQueueService } from './send-queue-service';
import type { StakeParametersService } from './stake-parameters-service';

export interface NonceOperationDependencies {
  chain: () => Promise<ChainService>;
  settings: Pick<SettingsService, 'get'>;
  accounts: { list(): StoredAccount[] };
  /** Queued transactions, whose accounts a split must not pick as its new account. */
  pending: { list(): PendingTransaction[] };
  snapshots: Pick<SnapshotService, 'load'>;
  stakeParameters: Pick<StakeParametersService, 'load'>;
  nonces: Pick<NonceAccountService, 'nonceForSigning'>;
  queue: Pick<SendQueueService, 'queue' | 'item'>;
  signing: Pick<PendingSigningService, 'review'>;
  /** Solana app version on the device, when one is open. */
  appVersion: () => string | null;
  logger: Logger;
}

export interface NonceOperationRequest {
  nonceAccount: string;
  operation: NonceOperation;
}

interface BuiltNonceTransaction {
  message: Uint8Array;
  intent: IntentSummary;
  basis: NonceCheckBasis;
}

/** Statuses of a queued transaction that may still land. */
const WAITING_STATUSES = new Set<PendingTransaction['status']['kind']>([
  'unsigned',
  'signed',
  'sent',
]);

/** Solana app version assumed for building when no device is open; the review rebuilds for the device. */
const VERSION_WITHOUT_DEVICE = '1.9.0';

/**
 * Builds a stake operation (unstake, withdraw, split, merge, delegate, authority change) with
 * a durable nonce, so it can be signed now and sent later. With the cluster reachable it goes
 * through the stake pipeline (checks, fee, simulation) and then gets AdvanceNonceAccount
 * first. Without, it is checked against the last saved portfolio, validator list, stake
 * figures and nonce read, and not simulated, since the queue checks the nonce again and the
 * cluster runs the transaction only when it is sent.
 */
export class NonceOperationService {
  constructor(private readonly dependencies: NonceOperationDependencies) {}

  /**
   * @throws WalletError OFFLINE_DATA_MISSING or OFFLINE_BALANCE_TOO_LOW when the saved values
   *   are missing or rule the operation out, the stake checks' errors (such as
   *   STAKE_AUTHORITY_MISMATCH or STAKE_ACCOUNT_STATE_INVALID), and the nonce service's errors.
   */
  async prepare(
    request: NonceOperationRequest,
    signal?: AbortSignal,
  ): Promise<PreparedNonceTransaction> {
    const signer = findStoredAccount(
      this.dependencies.accounts.list(),
      request.operation.input.account,
    );
    const nonce = await this.dependencies.nonces.nonceForSigning(
      { nonceAccount: request.nonceAccount, authority: signer.publicKey },
      signal,
    );

    const built = nonce.fromCache
      ? await this.buildFromSaved(request.operation, signer, nonce, await this.unreachable())
      : await this.buildLiveOrSaved(request.operation, signer, nonce, signal);

    const record = await this.dependencies.queue.queue({
      message: built.message,
      intent: built.intent,
    });
    this.dependencies.logger.info(
      { id: record.id, operation: request.operation.operation, basis: built.basis.kind },
      'queued a nonce stake operation',
    );
    const review = await this.dependencies.signing.review(record.id, signal);
    return { item: this.dependencies.queue.item(record.id), review, basis: built.basis };
  }

  private async buildLiveOrSaved(
    operation: NonceOperation,
    signer: StoredAccount,
    nonce: NonceForSigning,
    signal?: AbortSignal,
  ): Promise<BuiltNonceTransaction> {
    try {
      return await this.buildLive(operation, signer, nonce, signal);
    } catch (error) {
      if (!isNetworkUnavailable(error) || !isWalletError(error)) {
        throw error;
      }
      this.dependencies.logger.warn(
        { operation: operation.operation, err: error },
        'cluster unreachable while building a nonce stake operation; checking saved values',
      );
      return this.buildFromSaved(operation, signer, nonce, error);
    }
  }

  /** Runs the stake pipeline on current values, then moves the message to the nonce. */
  private async buildLive(
    operation: NonceOperation,
    signer: StoredAccount,
    nonce: NonceForSigning,
    signal?: AbortSignal,
  ): Promise<BuiltNonceTransaction> {
    const chain = await this.dependencies.chain();
    const rpc = new TransactionRpc(chain.rpc);
    const appVersion = this.appVersion();
    // The nonce read just before this already saved the stake figures for offline use.
    const parameters = await readClusterParameters(rpc, signer.publicKey, signal);
    const environment: FlowEnvironment = {
      ...parameters,
      signer,
      signerKey: new PublicKey(signer.publicKey),
      device: { appVersion, pubkeyDisplay: 'long' },
      chain,
      rpc,
      signal,
    };
    const plan = await this.planLive(operation, environment);
    const [draft] = await prepareDrafts(plan, environment, {
      ownAccounts: this.dependencies.accounts.list(),
    });
    if (draft === undefined) {
      throw new WalletError(
        'INTERNAL',
        { method: 'prepareNonceOperation' },
        'no transaction built',
      );
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
      intent: { kind: plan.operation, summary: `${plan.summary} (durable nonce)` },
      basis: {
        kind: 'live',
        checks: [
          ...draft.view.checks.map((check) => check.text),
          `The nonce value ${nonce.lifetime.nonceValue} was read in slot ${nonce.slot}; the simulation ran the same instructions with a recent blockhash.`,
        ],
      },
    };
  }

  private planLive(
    operation: NonceOperation,
    environment: FlowEnvironment,
  ): Promise<OperationPlan> {
    switch (operation.operation) {
      case 'deactivate':
        return planDeactivate(operation.input, environment);
      case 'withdraw':
        return planWithdraw(operation.input, environment);
      case 'split':
        return planSplitStake(operation.input, environment, this.queuedAddresses());
      case 'merge':
        return planMerge(operation.input, environment);
      case 'delegate':
        return planDelegate(operation.input, environment);
      case 'authorize':
        return planAuthorize(operation.input, environment, this.dependencies.accounts.list());
    }
  }

  /** Checks the operation against the last saved values and builds it with the nonce. */
  private async buildFromSaved(
    operation: NonceOperation,
    signer: StoredAccount,
    nonce: NonceForSigning,
    reason: WalletError,
  ): Promise<BuiltNonceTransaction> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    const data = await CachedStakeData.load(
      { snapshots: this.dependencies.snapshots, parameters: this.dependencies.stakeParameters },
      cluster,
    );
    const appVersion = this.appVersion();
    const signerKey = new PublicKey(signer.publicKey);
    const plan = await planFromCache(operation, {
      data,
      signer,
      ownAccounts: this.dependencies.accounts.list(),
      queuedAddresses: this.queuedAddresses(),
      build: { signer: signerKey, lifetime: nonce.lifetime, appVersion },
    });

    const fee = BigInt(
      buildReviewModel(plan.message, { signer: signer.publicKey, appVersion }).fee.totalLamports,
    );
    const needed = fee + plan.signerOutflowLamports;
    const balance = data.balanceOf(signer.publicKey);
    if (balance < needed) {
      throw new WalletError(
        'OFFLINE_BALANCE_TOO_LOW',
        {
          account: signer.publicKey,
          balanceLamports: balance.toString(),
          feeLamports: fee.toString(),
          depositLamports: plan.signerOutflowLamports.toString(),
        },
        `The last saved balance of ${signer.publicKey}, ${formatSol(balance)}, does not cover the ${formatSol(needed)} this transaction takes from it.`,
      );
    }

    return {
      message: plan.message,
      intent: plan.intent,
      basis: {
        kind: 'cached',
        figures: [
          ...plan.figures,
          data.balanceFigure(balance),
          {
            label: 'Nonce value',
            value: nonce.lifetime.nonceValue,
            slot: nonce.slot,
            readAt: nonce.readAt,
          },
        ],
        reason: reason.toData(),
        checks: [
          ...plan.checks,
          plan.signerOutflowLamports === 0n
            ? `The last saved balance, ${formatSol(balance)}, covers the fee of ${formatSol(fee)}.`
            : `The last saved balance, ${formatSol(balance)}, covers the fee of ${formatSol(fee)} and the ${formatSol(plan.signerOutflowLamports)} paid into the new account.`,
          'Simulation was not possible without the cluster. When it is sent, the queue first checks that the nonce has not moved, and the node simulates it (preflight) and rejects it if it would fail.',
        ],
      },
    };
  }

  /**
   * Returns every account of the transactions still waiting to land, so a new split account
   * is not given the address a queued split already uses.
   */
  private queuedAddresses(): Set<string> {
    const addresses = new Set<string>();
    for (const record of this.dependencies.pending.list()) {
      if (!WAITING_STATUSES.has(record.status.kind)) {
        continue;
      }
      const message = Uint8Array.from(Buffer.from(record.messageBase64, 'base64'));
      for (const key of parseMessage(message).staticKeys) {
        addresses.add(key);
      }
    }
    return addresses;
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
