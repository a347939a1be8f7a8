import bs58 from 'bs58';
import type { Logger } from 'pino';

import type { SignedTransaction } from '../../../shared/contract/ledger';
import type { ReviewModel } from '../../../shared/domain/stake';
import type { SignatureOutcome } from '../../../shared/domain/store';
import { WalletError, isWalletError, type ErrorCode } from '../../../shared/errors';
import type { EventBus } from '../../event-bus';
import type { LedgerService } from '../../ledger';
import type { SettingsService } from '../../settings-service';
import { screensShownInAnyMode } from '../../stake';
import { hashMessage, type AuditLogService } from '../../store';
import type { ReviewedTransaction, TransactionReviewService } from './transaction-review-service';
import { encodeTransaction } from './transaction-text';

export interface TransactionSigningDependencies {
  ledger: LedgerService;
  reviews: TransactionReviewService;
  audit: AuditLogService;
  settings: SettingsService;
  bus: EventBus;
  logger: Logger;
}

interface ActiveSigning {
  reviewId: string;
  controller: AbortController;
}

/** The audit log keeps at most this many review lines and device screens per request. */
const MAX_AUDIT_ITEMS = 50;

/**
 * Signs reviewed messages with the Ledger, one at a time. Each request, whatever its
 * outcome, gets one line in the audit log with the review the person read.
 */
export class TransactionSigningService {
  private active: ActiveSigning | null = null;

  constructor(private readonly dependencies: TransactionSigningDependencies) {}

  async sign(reviewId: string, callSignal: AbortSignal): Promise<SignedTransaction> {
    let reviewed = this.dependencies.reviews.get(reviewId);
    // This check comes before any device exchange. LedgerService.signMessage later checks
    // that the device derives the same key at the path.
    this.dependencies.reviews.requireSavedSigner(reviewed);
    if (this.active !== null) {
      throw new WalletError('SIGNING_IN_PROGRESS', { reviewId: this.active.reviewId });
    }
    const controller = new AbortController();
    this.active = { reviewId, controller };
    const signal = AbortSignal.any([callSignal, controller.signal]);

    let review = reviewed.review;
    try {
      // The cluster is queried before the device, so that nothing known to fail reaches it.
      reviewed = await this.dependencies.reviews.requireCheckNotFailed(reviewed, signal);
      review = await this.dependencies.reviews.reviewForDevice(reviewed, signal);
      const signature = await this.requestSignature(reviewed, review, signal);
      const auditSeq = await this.record(reviewed, review, { outcome: 'approved', signature });
      return this.signedTransaction(reviewed, signature, auditSeq);
    } catch (error) {
      await this.record(reviewed, review, { outcome: outcomeOf(error), error });
      throw error;
    } finally {
      this.active = null;
    }
  }

  /** Stops waiting for the device. Returns false when nothing is being signed. */
  cancel(): boolean {
    if (this.active === null) {
      return false;
    }
    this.active.controller.abort();
    return true;
  }

  private async requestSignature(
    reviewed: ReviewedTransaction,
    review: ReviewModel,
    signal: AbortSignal,
  ): Promise<Uint8Array> {
    const device = review.device;
    const screens = device.outcome === 'refused' ? [] : device.screens;
    const blindSigning = device.outcome === 'blindSign';

    const signed = await this.dependencies.ledger.signMessage({
      path: reviewed.signer.derivationPath,
      message: reviewed.decoded.message,
      expectedSigner: reviewed.signer.publicKey,
      requiresBlindSigning: blindSigning,
      signal,
      onProgress: (progress) =>
        this.dependencies.bus.emit('signingProgress', {
          reviewId: reviewed.reviewId,
          progress,
          screens,
          blindSigning,
        }),
    });
    return signed.signature;
  }

  private signedTransaction(
    reviewed: ReviewedTransaction,
    signature: Uint8Array,
    auditSeq: number | null,
  ): SignedTransaction {
    const signatures = reviewed.decoded.signatures.map((slot, index) =>
      index === reviewed.signerIndex ? signature : slot,
    );
    const transaction = encodeTransaction(reviewed.decoded.message, signatures);
    return {
      reviewId: reviewed.reviewId,
      signer: reviewed.signer.publicKey,
      signature: bs58.encode(signature),
      signedTransactionBase64: Buffer.from(transaction).toString('base64'),
      signedTransactionBase58: bs58.encode(transaction),
      auditSeq,
    };
  }

  /**
   * Appends the audit line and returns its sequence number. A failed append is logged and
   * returns null rather than throwing, so a signature the device already gave is not lost.
   */
  private async record(
    reviewed: ReviewedTransaction,
    review: ReviewModel,
    result:
      | { outcome: 'approved'; signature: Uint8Array }
      | { outcome: Exclude<SignatureOutcome, 'approved'>; error: unknown },
  ): Promise<number | null> {
    const { audit, settings, logger } = this.dependencies;
    const screens = screensShownInAnyMode(review.device);
    const errorCode =
      result.outcome === 'failed' || result.outcome === 'timedOut' ? codeOf(result.error) : null;

    try {
      const line = await audit.appendSignatureRequest({
        cluster: (await settings.get()).cluster,
        account: reviewed.signer.publicKey,
        derivationPath: reviewed.signer.derivationPath,
        messageSha256: hashMessage(reviewed.decoded.message),
        pendingTransactionId: null,
        reviewSummary: review.instructions
          .slice(0, MAX_AUDIT_ITEMS)
          .map((instruction) => instruction.summary.slice(0, 300)),
        deviceScreens: screens.slice(0, MAX_AUDIT_ITEMS).map((screen) => ({
          title: screen.title.slice(0, 100),
          value: screen.value.slice(0, 300),
        })),
        outcome: result.outcome,
        errorCode,
        signature: result.outcome === 'approved' ? bs58.encode(result.signature) : null,
        sendStatus: 'notSent',
        slot: null,
      });
      return line.seq;
    } catch (error) {
      logger.error(
        { err: error, reviewId: reviewed.reviewId, outcome: result.outcome },
        'writing the audit line of a signature request failed',
      );
      return null;
    }
  }
}

/** Audit outcomes of the errors that are not plain failures. */
const outcomeByCode: Partial<Record<ErrorCode, Exclude<SignatureOutcome, 'approved'>>> = {
  LEDGER_REJECTED: 'rejected',
  CANCELLED: 'cancelled',
  LEDGER_TIMEOUT: 'timedOut',
};

function outcomeOf(error: unknown): Exclude<SignatureOutcome, 'approved'> {
  return (isWalletError(error) ? outcomeByCode[error.code] : undefined) ?? 'failed';
}

function codeOf(error: unknown): string {
  return isWalletError(error) ? error.code : 'INTERNAL';
}
