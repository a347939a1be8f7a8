import bs58 from 'bs58';
import type { Logger } from 'pino';

import type {
  SendOutcome,
  StakeFlowProgress,
  StakeFlowValidity,
} from '../../../shared/contract/stake';
import type { ClusterId } from '../../../shared/domain/chain';
import { WalletError, isWalletError, type WalletErrorData } from '../../../shared/errors';
import type { ChainService } from '../../chain';
import type { LedgerService } from '../../ledger';
import { describeSimulationError, deviceProfileFor } from '../../stake';
import type { AppStateTrackerService } from '../ledger/app-state-tracker';
import { simulate } from './draft-preparation';
import type { DraftRecord } from './draft-registry';
import { explorerTransactionUrl } from './explorer-link';
import type { FlowRecords } from './flow-records';
import { encodeTransaction, FlowRpc, type SendResult, type SignatureStatus } from './flow-rpc';
import type { FlowTiming } from './flow-timing';

/** Destination of the flow's contract events: the event bus in the app, a list in tests. */
export interface FlowEventSink {
  progress(payload: StakeFlowProgress): void;
  validity(payload: StakeFlowValidity): void;
}

export interface DraftSubmissionDependencies {
  ledger: LedgerService;
  appState: AppStateTrackerService;
  records: FlowRecords;
  events: FlowEventSink;
  logger: Logger;
  timing: FlowTiming;
}

/** The cluster a draft is sent to, and the commitment at which it counts as landed. */
export interface SubmissionTarget {
  chain: ChainService;
  cluster: ClusterId;
  commitment: 'confirmed' | 'finalized';
}

interface CallContext extends SubmissionTarget {
  rpc: FlowRpc;
  signal: AbortSignal;
}

/**
 * Signs a draft on the Ledger, records it, sends it and follows it until it lands or its
 * blockhash expires.
 *
 * A transaction is declared expired only once the cluster's block height has passed its
 * last valid block height and a status search through the transaction history has not found
 * its signature. Until then it may still land, so no second transaction is built for the same
 * intent. A rebuild needs a separate call, which checks the same two conditions again.
 */
export class DraftSubmissionService {
  private readonly closing = new AbortController();
  private readonly background = new Set<Promise<void>>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly dependencies: DraftSubmissionDependencies) {}

  /**
   * Signs and sends a prepared draft, or sends a signed one again as it is.
   *
   * @throws WalletError STAKE_DRAFT_STATE_INVALID in any other stage, STAKE_DRAFT_EXPIRED or
   *   STAKE_SIMULATION_FAILED before the device is asked, the Ledger's errors (rejected,
   *   cancelled, locked), or STAKE_SEND_FAILED when the node rejects the signed transaction.
   */
  async signAndSend(
    record: DraftRecord,
    target: SubmissionTarget,
    callSignal: AbortSignal,
  ): Promise<SendOutcome> {
    const context: CallContext = {
      ...target,
      rpc: new FlowRpc(target.chain.rpc),
      signal: AbortSignal.any([callSignal, this.closing.signal]),
    };

    // Once signed, the transaction is sent and followed even if the caller goes away, so it
    // never stays sent without anyone watching it land or expire.
    const delivery: CallContext = { ...context, signal: this.closing.signal };

    // One call at a time per draft: a second click must not ask the device or send twice.
    const draftId = record.view.draftId;
    if (this.inFlight.has(draftId)) {
      throw new WalletError('STAKE_DRAFT_STATE_INVALID', {
        draftId,
        stage: record.stage,
        action: 'signAndSend',
      });
    }
    this.inFlight.add(draftId);
    try {
      return await this.run(record, context, delivery);
    } finally {
      this.inFlight.delete(draftId);
    }
  }

  private async run(
    record: DraftRecord,
    context: CallContext,
    delivery: CallContext,
  ): Promise<SendOutcome> {
    switch (record.stage) {
      case 'prepared':
        await this.sign(record, context);
        return this.submit(record, delivery);
      case 'signed':
        return this.submit(record, delivery);
      case 'signing':
      case 'sent':
      case 'confirmed':
      case 'finalized':
      case 'expired':
      case 'failed':
      case 'cancelled':
        throw new WalletError('STAKE_DRAFT_STATE_INVALID', {
          draftId: record.view.draftId,
          stage: record.stage,
          action: 'signAndSend',
        });
    }
  }

  /**
   * Stops the device request of a draft being signed, or drops a draft not yet signed.
   * Returns false when there is nothing to cancel.
   */
  cancel(record: DraftRecord): boolean {
    switch (record.stage) {
      case 'prepared':
        record.stage = 'cancelled';
        return true;
      case 'signing':
        record.controller?.abort(new WalletError('CANCELLED', {}));
        return true;
      default:
        return false;
    }
  }

  /**
   * Records that the transaction of an expired draft landed after all, found by a later
   * status search.
   */
  async reconcileLanded(record: DraftRecord, status: SignatureStatus): Promise<void> {
    const stage = status.confirmationStatus === 'finalized' ? 'finalized' : 'confirmed';
    const signature = record.signatureText ?? '';
    record.stage = stage;
    record.slot = status.slot;
    this.dependencies.logger.warn(
      { draftId: record.view.draftId, signature, slot: status.slot },
      'a stake transaction reported as expired landed after all',
    );
    await this.dependencies.records.statusChanged(record, { kind: stage, slot: status.slot });
    this.emit(record, { stage, signature, slot: status.slot });
  }

  /** Stops following finalizations and waits until the background work has ended. */
  async close(): Promise<void> {
    this.closing.abort(new WalletError('CANCELLED', {}));
    await Promise.allSettled([...this.background]);
  }

  private async sign(record: DraftRecord, context: CallContext): Promise<void> {
    const { rpc, signal } = context;
    const { view, review } = record;

    const app = await this.dependencies.appState.requireSolanaApp({ signal });
    if (deviceProfileFor(app.version).line !== review.device.appLine) {
      throw new WalletError('STAKE_DRAFT_OUTDATED', {
        draftId: view.draftId,
        preparedForVersion: review.device.appVersion,
        deviceVersion: app.version,
      });
    }

    // An unsigned draft whose blockhash the node no longer accepts can be rebuilt freely,
    // because nothing signed exists that could still land.
    const blockHeight = await rpc.blockHeight(signal);
    if (blockHeight > record.lifetime.lastValidBlockHeight) {
      throw this.expiredBeforeSigning(record, blockHeight);
    }

    // The chain may have changed since the draft was prepared, for example through an earlier
    // transaction of the same batch. A draft that would fail now is not shown on the device,
    // and it stays prepared, so it can be tried again once the cause is fixed.
    try {
      await simulate(record.messageBytes, review, { rpc, signal });
    } catch (error) {
      if (isBlockhashNotFoundFailure(error)) {
        throw this.expiredBeforeSigning(record, blockHeight);
      }
      this.emit(record, {
        stage: 'failed',
        signature: null,
        error: toErrorData(error),
        canResend: false,
      });
      throw error;
    }

    await this.requestSignature(record, context);
  }

  private expiredBeforeSigning(record: DraftRecord, blockHeight: number): WalletError {
    const lastValidBlockHeight = record.lifetime.lastValidBlockHeight;
    record.stage = 'expired';
    this.dependencies.logger.info(
      { draftId: record.view.draftId, blockHeight, lastValidBlockHeight },
      'stake draft expired before it was signed',
    );
    this.emit(record, { stage: 'expired', signature: null, lastValidBlockHeight });
    return new WalletError('STAKE_DRAFT_EXPIRED', {
      draftId: record.view.draftId,
      blockHeight,
      lastValidBlockHeight,
    });
  }

  private async requestSignature(record: DraftRecord, context: CallContext): Promise<void> {
    const { review } = record;
    const screens = review.device.outcome === 'refused' ? [] : review.device.screens;
    const blindSigning = review.device.outcome === 'blindSign';
    const controller = new AbortController();
    const signal = AbortSignal.any([context.signal, controller.signal]);
    record.stage = 'signing';
    record.controller = controller;

    this.emit(record, { stage: 'requested', screens, blindSigning });
    const stopTicker = this.tickValidity(record, context.rpc, signal);
    let signature: Uint8Array;
    try {
      const signed = await this.dependencies.ledger.signMessage({
        path: record.signer.derivationPath,
        message: record.messageBytes,
        expectedSigner: record.signer.publicKey,
        requiresBlindSigning: blindSigning,
        signal,
        onProgress: (progress) => {
          if (progress.stage === 'awaiting-person') {
            this.emit(record, { stage: 'awaiting-person', screens, blindSigning });
          }
        },
      });
      signature = signed.signature;
    } catch (error) {
      // Nothing was signed, so the draft may be signed again.
      record.stage = 'prepared';
      record.controller = null;
      await this.dependencies.records.signingFailed(record, context.cluster, error);
      this.emit(record, {
        stage: 'failed',
        signature: null,
        error: toErrorData(error),
        canResend: false,
      });
      throw error;
    } finally {
      stopTicker();
    }

    record.stage = 'signed';
    record.controller = null;
    record.signature = signature;
    record.signatureText = bs58.encode(signature);
    this.dependencies.logger.info(
      { draftId: record.view.draftId, signature: record.signatureText },
      'stake transaction signed',
    );
    this.emit(record, { stage: 'signed', signature: record.signatureText });
    await this.dependencies.records.signed(record, context.cluster);
  }

  private async submit(record: DraftRecord, context: CallContext): Promise<SendOutcome> {
    const { rpc, signal } = context;
    const signature = requireSignature(record);

    let blockHeight: number;
    try {
      blockHeight = await rpc.blockHeight(signal);
    } catch (error) {
      // The network went away after the signature: the transaction stays signed and queued.
      return this.afterSendError(record, context, error);
    }
    if (blockHeight > record.lifetime.lastValidBlockHeight) {
      this.dependencies.logger.warn(
        { draftId: record.view.draftId, blockHeight },
        'blockhash expired before sending; checking whether the transaction landed',
      );
      return this.follow(record, context);
    }

    let result: SendResult;
    try {
      result = await rpc.send(encodeTransaction(record.messageBytes, [signature]), signal);
    } catch (error) {
      return this.afterSendError(record, context, error);
    }

    if (result.ok || isAlreadyProcessed(result)) {
      await this.markSent(record);
      return this.follow(record, context);
    }
    if (isBlockhashNotFound(result)) {
      this.dependencies.logger.warn(
        { draftId: record.view.draftId, rpcCode: result.rpcCode, rpcMessage: result.message },
        'the node no longer knows the blockhash; checking whether the transaction landed',
      );
      return this.follow(record, context);
    }
    return this.rejected(record, result);
  }

  /**
   * The send failed on the way, so the node may or may not have the transaction. It is
   * reported as sent if its signature is found; otherwise it stays signed to be sent again.
   */
  private async afterSendError(
    record: DraftRecord,
    context: CallContext,
    error: unknown,
  ): Promise<SendOutcome> {
    const text = record.signatureText ?? '';
    const status = await context.rpc.signatureStatus(text, true, context.signal).catch(() => null);
    if (status !== null) {
      await this.markSent(record);
      return this.follow(record, context);
    }

    this.dependencies.logger.error(
      { err: error, draftId: record.view.draftId, signature: text },
      'sending the stake transaction failed; it stays signed',
    );
    this.emit(record, {
      stage: 'failed',
      signature: text,
      error: toErrorData(error),
      canResend: true,
    });
    throw error;
  }

  /** The node's preflight rejected the transaction, so it was not broadcast. */
  private async rejected(
    record: DraftRecord,
    result: Extract<SendResult, { ok: false }>,
  ): Promise<never> {
    const text = record.signatureText ?? '';
    const failure = describeSimulationError(
      result.err,
      result.logs,
      record.review.instructions.map((instruction) => instruction.programId),
    );
    const reason = failure === null ? result.message : `${failure.title}: ${failure.detail}`;
    const error = new WalletError(
      'STAKE_SEND_FAILED',
      { signature: text, rpcCode: result.rpcCode, reason },
      `The node rejected the transaction: ${reason}`,
    );

    record.stage = 'failed';
    await this.dependencies.records.statusChanged(record, {
      kind: 'failed',
      reason: reason.slice(0, 500),
    });
    this.emit(record, {
      stage: 'failed',
      signature: text,
      error: error.toData(),
      canResend: false,
    });
    throw error;
  }

  /**
   * Polls the signature until the transaction reaches the target commitment, fails, or can
   * no longer land. Past the last valid block height the status search includes the history
   * once more, and only a miss there makes the draft expired.
   */
  private async follow(record: DraftRecord, context: CallContext): Promise<SendOutcome> {
    const { rpc, signal } = context;
    const text = record.signatureText ?? '';
    const lastValid = record.lifetime.lastValidBlockHeight;
    let searchHistory = false;

    for (;;) {
      const status = await rpc.signatureStatus(text, searchHistory, signal);
      if (status !== null) {
        const outcome = await this.applyStatus(record, status, context);
        if (outcome !== null) {
          return outcome;
        }
      } else {
        const blockHeight = await rpc.blockHeight(signal);
        this.emitValidity(record, blockHeight);
        if (blockHeight > lastValid) {
          if (searchHistory) {
            return this.markExpired(record, blockHeight);
          }
          searchHistory = true;
          continue;
        }
      }
      await this.dependencies.timing.delay(this.dependencies.timing.confirmPollMs, signal);
    }
  }

  /** Returns the outcome once the status settles the call, or null to keep polling. */
  private async applyStatus(
    record: DraftRecord,
    status: SignatureStatus,
    context: CallContext,
  ): Promise<SendOutcome | null> {
    if (record.stage === 'signed') {
      // Found on chain without a successful send of ours: another send of the same bytes landed.
      await this.markSent(record);
    }
    if (status.err !== null) {
      return this.markFailedOnChain(record, status, context);
    }

    switch (status.confirmationStatus) {
      case 'finalized':
        await this.markConfirmed(record, status.slot);
        await this.markFinalized(record, status.slot);
        return this.landed(record, status.slot, 'finalized', context);
      case 'confirmed':
        await this.markConfirmed(record, status.slot);
        if (context.commitment === 'confirmed') {
          this.followFinalization(record, context.rpc);
          return this.landed(record, status.slot, 'confirmed', context);
        }
        return null;
      case 'processed':
      case null:
        return null;
    }
  }

  private landed(
    record: DraftRecord,
    slot: number,
    confirmationStatus: 'confirmed' | 'finalized',
    context: CallContext,
  ): SendOutcome {
    const signature = record.signatureText ?? '';
    return {
      outcome: 'landed',
      draftId: record.view.draftId,
      signature,
      slot,
      confirmationStatus,
      explorerUrl: explorerTransactionUrl(context.cluster, context.rpc.endpoint, signature),
    };
  }

  private async markSent(record: DraftRecord): Promise<void> {
    if (record.stage !== 'signed') {
      return;
    }
    record.stage = 'sent';
    this.dependencies.logger.info(
      { draftId: record.view.draftId, signature: record.signatureText },
      'stake transaction sent',
    );
    await this.dependencies.records.statusChanged(record, { kind: 'sent' });
    this.emit(record, { stage: 'sent', signature: record.signatureText ?? '' });
  }

  private async markConfirmed(record: DraftRecord, slot: number): Promise<void> {
    if (record.stage !== 'sent') {
      return;
    }
    record.stage = 'confirmed';
    record.slot = slot;
    await this.dependencies.records.statusChanged(record, { kind: 'confirmed', slot });
    this.emit(record, { stage: 'confirmed', signature: record.signatureText ?? '', slot });
  }

  private async markFinalized(record: DraftRecord, slot: number): Promise<void> {
    if (record.stage !== 'confirmed') {
      return;
    }
    record.stage = 'finalized';
    record.slot = slot;
    this.dependencies.logger.info(
      { draftId: record.view.draftId, signature: record.signatureText, slot },
      'stake transaction finalized',
    );
    await this.dependencies.records.statusChanged(record, { kind: 'finalized', slot });
    this.emit(record, { stage: 'finalized', signature: record.signatureText ?? '', slot });
  }

  private async markExpired(record: DraftRecord, blockHeight: number): Promise<SendOutcome> {
    const signature = record.signatureText ?? '';
    const lastValidBlockHeight = record.lifetime.lastValidBlockHeight;
    record.stage = 'expired';
    this.dependencies.logger.warn(
      { draftId: record.view.draftId, signature, blockHeight, lastValidBlockHeight },
      'stake transaction expired without landing',
    );
    await this.dependencies.records.statusChanged(record, { kind: 'expired' });
    this.emit(record, { stage: 'expired', signature, lastValidBlockHeight });
    return {
      outcome: 'expired',
      draftId: record.view.draftId,
      signature,
      blockHeight,
      lastValidBlockHeight,
    };
  }

  private async markFailedOnChain(
    record: DraftRecord,
    status: SignatureStatus,
    context: CallContext,
  ): Promise<SendOutcome> {
    const signature = record.signatureText ?? '';
    const failure = describeSimulationError(
      status.err,
      null,
      record.review.instructions.map((instruction) => instruction.programId),
    );
    const error = new WalletError(
      'STAKE_TRANSACTION_FAILED',
      {
        signature,
        slot: status.slot,
        title: failure?.title ?? 'The transaction failed',
        detail: failure?.detail ?? 'The runtime returned an error.',
        errorName: failure?.errorName ?? 'Unknown',
      },
      failure === null ? undefined : `${failure.title}: ${failure.detail}`,
    );

    record.stage = 'failed';
    record.slot = status.slot;
    this.dependencies.logger.warn(
      { draftId: record.view.draftId, signature, slot: status.slot, code: failure?.errorName },
      'stake transaction landed with an error',
    );
    await this.dependencies.records.statusChanged(record, {
      kind: 'failed',
      reason: error.message.slice(0, 500),
    });
    this.emit(record, { stage: 'failed', signature, error: error.toData(), canResend: false });
    return {
      outcome: 'failed',
      draftId: record.view.draftId,
      signature,
      slot: status.slot,
      error: error.toData(),
      explorerUrl: explorerTransactionUrl(context.cluster, context.rpc.endpoint, signature),
    };
  }

  /** Keeps polling a confirmed transaction in the background until it is finalized. */
  private followFinalization(record: DraftRecord, rpc: FlowRpc): void {
    const { timing, logger } = this.dependencies;
    const signal = this.closing.signal;
    const polls = Math.max(1, Math.ceil(timing.finalizeTimeoutMs / timing.confirmPollMs));

    const work = (async () => {
      for (let poll = 0; poll < polls && record.stage === 'confirmed'; poll += 1) {
        await timing.delay(timing.confirmPollMs, signal);
        const status = await rpc.signatureStatus(record.signatureText ?? '', false, signal);
        if (status?.confirmationStatus === 'finalized') {
          await this.markFinalized(record, status.slot);
          return;
        }
      }
      if (record.stage === 'confirmed') {
        logger.warn(
          { draftId: record.view.draftId, signature: record.signatureText },
          'stopped waiting for finalization; the transaction stays confirmed',
        );
      }
    })().catch((error: unknown) => {
      if (!signal.aborted) {
        logger.error({ err: error, draftId: record.view.draftId }, 'following finalization failed');
      }
    });

    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  /** Reports the blocks left while the device waits; returns the function that stops it. */
  private tickValidity(record: DraftRecord, rpc: FlowRpc, signal: AbortSignal): () => void {
    const stop = new AbortController();
    const ticking = AbortSignal.any([signal, stop.signal]);
    const { timing } = this.dependencies;

    void (async () => {
      while (!ticking.aborted) {
        try {
          this.emitValidity(record, await rpc.blockHeight(ticking));
          await timing.delay(timing.validityPollMs, ticking);
        } catch {
          // A failed read only skips one tick of the countdown; an abort ends the loop.
        }
      }
    })();
    return () => stop.abort();
  }

  private emitValidity(record: DraftRecord, blockHeight: number): void {
    const lastValidBlockHeight = record.lifetime.lastValidBlockHeight;
    this.dependencies.events.validity({
      draftId: record.view.draftId,
      blockHeight,
      lastValidBlockHeight,
      blocksRemaining: lastValidBlockHeight - blockHeight,
    });
  }

  private emit(
    record: DraftRecord,
    stage: DistributiveOmit<StakeFlowProgress, 'draftId' | 'intentId' | 'batch'>,
  ): void {
    this.dependencies.events.progress({
      ...stage,
      draftId: record.view.draftId,
      intentId: record.view.intentId,
      batch: record.view.batch,
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function requireSignature(record: DraftRecord): Uint8Array {
  if (record.signature === null) {
    throw new WalletError('STAKE_DRAFT_STATE_INVALID', {
      draftId: record.view.draftId,
      stage: record.stage,
      action: 'signAndSend',
    });
  }
  return record.signature;
}

function isBlockhashNotFoundFailure(error: unknown): boolean {
  return (
    isWalletError(error) &&
    error.code === 'STAKE_SIMULATION_FAILED' &&
    'errorName' in error.context &&
    error.context.errorName === 'BlockhashNotFound'
  );
}

function isBlockhashNotFound(result: Extract<SendResult, { ok: false }>): boolean {
  return result.err === 'BlockhashNotFound' || /blockhash not found/i.test(result.message);
}

function isAlreadyProcessed(result: SendResult): boolean {
  return (
    !result.ok &&
    (result.err === 'AlreadyProcessed' || /already been processed/i.test(result.message))
  );
}

function toErrorData(error: unknown): WalletErrorData {
  if (isWalletError(error)) {
    return error.toData();
  }
  return new WalletError('INTERNAL', { method: 'signAndSend' }).toData();
}
