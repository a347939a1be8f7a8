import { PublicKey } from '@solana/web3.js';
import type { Logger } from 'pino';

import type {
  MaxStakeable,
  MergeCandidate,
  SendOutcome,
  StakeBatch,
  StakeDraft,
} from '../../../shared/contract/stake';
import type { Settings } from '../../../shared/domain/settings';
import { WalletError } from '../../../shared/errors';
import type { ChainService } from '../../chain';
import type { LedgerService } from '../../ledger';
import type {
  AuditLogService,
  PendingTransactionService,
  StoredAccountsService,
} from '../../store';
import { AppStateTrackerService } from '../ledger/app-state-tracker';
import type { StakeParametersService } from '../offline/stake-parameters-service';
import { prepareDrafts } from './draft-preparation';
import { DraftRegistry, type DraftRecord } from './draft-registry';
import { DraftSubmissionService, type FlowEventSink } from './draft-submission';
import {
  findSigner,
  readClusterParameters,
  type DeviceTarget,
  type FlowEnvironment,
} from './flow-environment';
import { FlowRecords } from './flow-records';
import { FlowRpc } from './flow-rpc';
import { defaultFlowTiming, type FlowTiming } from './flow-timing';
import type { FlowRequest, OperationPlan } from './operation-plan';
import { planAuthorize } from './operations/authorize';
import { planCreateStake, planStakeAcrossValidators } from './operations/create-stake';
import { planDeactivate } from './operations/deactivate';
import { planDelegate, planRedelegate } from './operations/delegate';
import { listMergeCandidates, planMerge } from './operations/merge';
import { planSplitStake } from './operations/split';
import { planWithdraw, planWithdrawMany } from './operations/withdraw';
import { computeStakeBudget, toMaxStakeable } from './stake-budget';

export interface StakeFlowDependencies {
  ledger: LedgerService;
  /** The chain service of the cluster chosen in the settings; ChainHub in the app. */
  chains: { chain(): Promise<ChainService> };
  accounts: StoredAccountsService;
  pending: PendingTransactionService;
  audit: AuditLogService;
  settings: { get(): Promise<Settings> };
  events: FlowEventSink;
  logger: Logger;
  timing?: Partial<FlowTiming>;
  /** Saves the stake rent reserve and minimum delegation so offline operations can use them. */
  stakeParameters?: Pick<StakeParametersService, 'readAndSave'>;
}

/**
 * The device version assumed where no device is needed, such as the Max button: the 1.9 line
 * has the stricter limits, and the fee of a create-and-delegate message does not depend on it.
 */
const VERSION_WITHOUT_DEVICE = '1.9.0';

/**
 * Runs every stake operation through one pipeline: build (shape chosen by the app version the
 * device reports) → check → simulate → review, then on request sign on the Ledger → verify →
 * record → send → confirm. Drafts live in memory; signed transactions are also kept in the
 * store's pending records.
 */
export class StakeFlowService {
  private readonly registry = new DraftRegistry();
  private readonly batchSummaries = new Map<string, string>();
  private readonly appState: AppStateTrackerService;
  private readonly submission: DraftSubmissionService;
  private readonly logger: Logger;

  constructor(private readonly dependencies: StakeFlowDependencies) {
    this.logger = dependencies.logger;
    this.appState = new AppStateTrackerService(dependencies.ledger);
    this.submission = new DraftSubmissionService({
      ledger: dependencies.ledger,
      appState: this.appState,
      records: new FlowRecords({
        pending: dependencies.pending,
        audit: dependencies.audit,
        logger: dependencies.logger,
      }),
      events: dependencies.events,
      logger: dependencies.logger,
      timing: { ...defaultFlowTiming, ...dependencies.timing },
    });
  }

  /** The single formula behind the Max button, the percentage buttons and the amount check. */
  async getMaxStakeable(
    input: { account: string; percent?: number | undefined; validatorCount?: number | undefined },
    signal?: AbortSignal,
  ): Promise<MaxStakeable> {
    const signer = findSigner(this.dependencies.accounts, input.account);
    const chain = await this.dependencies.chains.chain();
    const rpc = new FlowRpc(chain.rpc);
    const parameters = await readClusterParameters(rpc, signer.publicKey, signal);
    const validatorCount = input.validatorCount ?? 1;

    const result = await computeStakeBudget(
      rpc,
      {
        signer: new PublicKey(signer.publicKey),
        parameters,
        device: { appVersion: VERSION_WITHOUT_DEVICE, pubkeyDisplay: 'long' },
        validatorCount,
      },
      signal,
    );
    return toMaxStakeable(
      signer.publicKey,
      result,
      parameters.minimumDelegation,
      validatorCount,
      input.percent,
    );
  }

  async getMergeOptions(
    input: { account: string; destination: string },
    signal?: AbortSignal,
  ): Promise<{ destination: string; candidates: MergeCandidate[] }> {
    const signer = findSigner(this.dependencies.accounts, input.account);
    const chain = await this.dependencies.chains.chain();
    const candidates = await listMergeCandidates(
      chain,
      signer.publicKey,
      input.destination,
      signal,
    );
    return { destination: input.destination, candidates };
  }

  /** Prepares an operation that is always one transaction. */
  async prepare(request: FlowRequest, signal?: AbortSignal): Promise<StakeDraft> {
    const records = await this.prepareRecords(request, signal);
    const [first] = records;
    if (first === undefined || records.length !== 1) {
      throw new WalletError(
        'INTERNAL',
        { method: request.operation },
        `${request.operation} produced ${records.length} transactions instead of one`,
      );
    }
    return first.view;
  }

  /** Prepares a batch operation: one draft per transaction, each reviewed and signed alone. */
  async prepareBatch(request: FlowRequest, signal?: AbortSignal): Promise<StakeBatch> {
    const records = await this.prepareRecords(request, signal);
    const first = records[0];
    if (first === undefined) {
      throw new WalletError('BATCH_EMPTY', { operation: request.operation });
    }
    const batchId = first.view.batch?.batchId;
    if (batchId === undefined) {
      throw new WalletError(
        'INTERNAL',
        { method: request.operation },
        'a batch draft has no batch',
      );
    }
    return {
      batchId,
      operation: first.view.operation,
      summary: this.batchSummaries.get(batchId) ?? first.view.summary,
      drafts: records.map((record) => record.view),
    };
  }

  async signAndSend(draftId: string, signal: AbortSignal): Promise<SendOutcome> {
    const record = this.registry.get(draftId);
    const target = await this.target();
    return this.submission.signAndSend(record, target, signal);
  }

  /** Stops the signing of a draft, or drops a draft that is not signed yet. */
  cancel(draftId: string): boolean {
    return this.submission.cancel(this.registry.get(draftId));
  }

  /**
   * Builds an expired draft again with a fresh blockhash, after the person agreed to it. A
   * signed draft is rebuilt only once its first transaction can no longer land: the block
   * height is past its last valid block height and its signature is not on chain.
   *
   * @throws WalletError STAKE_DRAFT_STATE_INVALID unless the draft expired,
   *   STAKE_ALREADY_LANDED when the first transaction landed after all, or
   *   STAKE_REBUILD_TOO_EARLY while it could still land.
   */
  async rebuildExpired(draftId: string, signal?: AbortSignal): Promise<StakeDraft> {
    const record = this.registry.get(draftId);
    if (record.stage !== 'expired') {
      throw new WalletError('STAKE_DRAFT_STATE_INVALID', {
        draftId,
        stage: record.stage,
        action: 'rebuildExpired',
      });
    }
    if (record.rebuiltAs !== null) {
      return this.registry.get(record.rebuiltAs).view;
    }

    if (record.signatureText !== null) {
      await this.assertCannotLand(record, signal);
    }

    const environment = await this.environment(record.signer.publicKey, signal);
    const plan = await this.plan(record.rebuildRequest, environment);
    const [rebuilt, ...extra] = await prepareDrafts(plan, environment, {
      ownAccounts: this.dependencies.accounts.list(),
      intentId: record.view.intentId,
      replaces: record.view.draftId,
      batch: record.view.batch,
    });
    if (rebuilt === undefined || extra.length > 0) {
      throw new WalletError(
        'INTERNAL',
        { method: 'rebuildExpired' },
        'rebuilding one transaction produced a different number of transactions',
      );
    }

    this.registry.add(rebuilt);
    record.rebuiltAs = rebuilt.view.draftId;
    this.logger.info(
      { draftId, rebuiltAs: rebuilt.view.draftId, intentId: record.view.intentId },
      'expired stake transaction rebuilt with the person’s consent',
    );
    return rebuilt.view;
  }

  async close(): Promise<void> {
    await this.submission.close();
  }

  private async prepareRecords(request: FlowRequest, signal?: AbortSignal): Promise<DraftRecord[]> {
    const environment = await this.environment(request.input.account, signal);
    const plan = await this.plan(request, environment);
    const records = await prepareDrafts(plan, environment, {
      ownAccounts: this.dependencies.accounts.list(),
    });

    for (const record of records) {
      this.registry.add(record);
    }
    const batchId = records[0]?.view.batch?.batchId;
    if (batchId !== undefined) {
      this.batchSummaries.set(batchId, plan.summary);
    }
    this.logger.info(
      {
        operation: plan.operation,
        drafts: records.map((record) => record.view.draftId),
        signer: environment.signer.publicKey,
      },
      'stake operation prepared',
    );
    return records;
  }

  private async plan(request: FlowRequest, environment: FlowEnvironment): Promise<OperationPlan> {
    const reserved = this.registry.reservedAddresses();
    switch (request.operation) {
      case 'createStake':
        return planCreateStake(request.input, environment, reserved);
      case 'delegate':
        return planDelegate(request.input, environment);
      case 'deactivate':
        return planDeactivate(request.input, environment);
      case 'withdraw':
        return planWithdraw(request.input, environment);
      case 'split':
        return planSplitStake(request.input, environment, reserved);
      case 'merge':
        return planMerge(request.input, environment);
      case 'authorize':
        return planAuthorize(request.input, environment, this.dependencies.accounts.list());
      case 'redelegate':
        return planRedelegate(request.input, environment);
      case 'stakeAcrossValidators':
        return planStakeAcrossValidators(request.input, environment, reserved);
      case 'withdrawMany':
        return planWithdrawMany(request.input, environment);
    }
  }

  private async environment(account: string, signal?: AbortSignal): Promise<FlowEnvironment> {
    const signer = findSigner(this.dependencies.accounts, account);
    const app = await this.appState.requireSolanaApp({ signal });
    const device: DeviceTarget = {
      appVersion: app.version,
      pubkeyDisplay: app.pubkeyDisplay === 'short' ? 'short' : 'long',
    };
    const chain = await this.dependencies.chains.chain();
    const rpc = new FlowRpc(chain.rpc);
    const cluster = (await this.dependencies.settings.get()).cluster;
    const [parameters] = await Promise.all([
      readClusterParameters(rpc, signer.publicKey, signal),
      this.dependencies.stakeParameters?.readAndSave(chain.rpc, cluster, signal),
    ]);

    return {
      ...parameters,
      signer,
      signerKey: new PublicKey(signer.publicKey),
      device,
      chain,
      rpc,
      signal,
    };
  }

  private async target() {
    const settings = await this.dependencies.settings.get();
    return {
      chain: await this.dependencies.chains.chain(),
      cluster: settings.cluster,
      commitment: settings.commitment,
    };
  }

  /** @throws WalletError STAKE_ALREADY_LANDED or STAKE_REBUILD_TOO_EARLY */
  private async assertCannotLand(record: DraftRecord, signal?: AbortSignal): Promise<void> {
    const chain = await this.dependencies.chains.chain();
    const rpc = new FlowRpc(chain.rpc);
    const signature = record.signatureText ?? '';

    // A transaction that landed with an error did nothing but charge its fee, so it does not
    // stand in the way of a rebuild.
    const status = await rpc.signatureStatus(signature, true, signal);
    if (status !== null && status.err === null) {
      await this.submission.reconcileLanded(record, status);
      throw new WalletError(
        'STAKE_ALREADY_LANDED',
        { draftId: record.view.draftId, signature, slot: status.slot },
        `The transaction ${signature} landed in slot ${status.slot} after all; nothing needs to be signed again.`,
      );
    }

    const blockHeight = await rpc.blockHeight(signal);
    if (blockHeight <= record.lifetime.lastValidBlockHeight) {
      throw new WalletError('STAKE_REBUILD_TOO_EARLY', {
        draftId: record.view.draftId,
        blockHeight,
        lastValidBlockHeight: record.lifetime.lastValidBlockHeight,
      });
    }
  }
}
