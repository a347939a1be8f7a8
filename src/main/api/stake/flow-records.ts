import type { Logger } from 'pino';

import type { ClusterId } from '../../../shared/domain/chain';
import type { SendStatus, SignatureOutcome } from '../../../shared/domain/store';
import { isWalletError, type ErrorCode } from '../../../shared/errors';
import {
  hashMessage,
  type AuditLogService,
  type PendingStatusChange,
  type PendingTransactionService,
} from '../../store';
import { screensShownInAnyMode } from '../../stake';
import type { DraftRecord } from './draft-registry';

export interface FlowRecordsDependencies {
  pending: PendingTransactionService;
  audit: AuditLogService;
  logger: Logger;
}

/** The audit log keeps at most this many review lines and device screens per request. */
const MAX_AUDIT_ITEMS = 50;

/** Audit outcomes of the errors that are not plain failures. */
const outcomeByCode: Partial<Record<ErrorCode, Exclude<SignatureOutcome, 'approved'>>> = {
  LEDGER_REJECTED: 'rejected',
  CANCELLED: 'cancelled',
  LEDGER_TIMEOUT: 'timedOut',
};

/**
 * Writes what happens to a draft into the store. A pending record is written once the device
 * has signed and before anything is sent, so a signed transaction is never lost. Each
 * signature request gets one audit line, and each later change an audit line and a pending
 * status. A failed write is logged and does not stop the flow, because the chain outcome
 * already stands.
 */
export class FlowRecords {
  constructor(private readonly dependencies: FlowRecordsDependencies) {}

  /** Records a device request that ended without a signature. */
  async signingFailed(record: DraftRecord, cluster: ClusterId, error: unknown): Promise<void> {
    const outcome = (isWalletError(error) ? outcomeByCode[error.code] : undefined) ?? 'failed';
    const errorCode =
      outcome === 'failed' || outcome === 'timedOut'
        ? isWalletError(error)
          ? error.code
          : 'INTERNAL'
        : null;
    await this.appendSignatureRequest(record, cluster, outcome, errorCode);
  }

  /** Keeps the signed transaction as a pending record, then writes its audit line. */
  async signed(record: DraftRecord, cluster: ClusterId): Promise<void> {
    const { view, signatureText } = record;
    if (signatureText === null) {
      return;
    }

    await this.safely('saving the signed transaction', record, async () => {
      const pending = await this.dependencies.pending.create({
        intent: { kind: view.operation, summary: view.summary.slice(0, 300) },
        cluster,
        messageBase64: Buffer.from(record.messageBytes).toString('base64'),
        signatures: [{ publicKey: record.signer.publicKey, signature: signatureText }],
        lifetime: {
          kind: 'blockhash',
          blockhash: record.lifetime.blockhash,
          lastValidBlockHeight: record.lifetime.lastValidBlockHeight,
        },
      });
      record.pendingId = pending.id;
    });
    await this.appendSignatureRequest(record, cluster, 'approved', null);
  }

  /** Records a later stage of a signed transaction in both the pending record and the audit log. */
  async statusChanged(record: DraftRecord, change: PendingStatusChange): Promise<void> {
    const { pendingId, auditSeq } = record;
    if (pendingId !== null) {
      await this.safely(`moving the pending record to ${change.kind}`, record, () =>
        this.dependencies.pending.transition(pendingId, change),
      );
    }
    if (auditSeq !== null) {
      await this.safely(`auditing the ${change.kind} status`, record, () =>
        this.dependencies.audit.appendStatusUpdate({
          refersTo: auditSeq,
          sendStatus: sendStatusOf(change),
          slot: 'slot' in change ? change.slot : null,
          reason: 'reason' in change ? change.reason.slice(0, 500) : null,
        }),
      );
    }
  }

  private async appendSignatureRequest(
    record: DraftRecord,
    cluster: ClusterId,
    outcome: SignatureOutcome,
    errorCode: string | null,
  ): Promise<void> {
    const { review } = record;
    const screens = screensShownInAnyMode(review.device);

    await this.safely('auditing the signature request', record, async () => {
      const line = await this.dependencies.audit.appendSignatureRequest({
        cluster,
        account: record.signer.publicKey,
        derivationPath: record.signer.derivationPath,
        messageSha256: hashMessage(record.messageBytes),
        pendingTransactionId: record.pendingId,
        reviewSummary: review.instructions
          .slice(0, MAX_AUDIT_ITEMS)
          .map((instruction) => instruction.summary.slice(0, 300)),
        deviceScreens: screens.slice(0, MAX_AUDIT_ITEMS).map((screen) => ({
          title: screen.title.slice(0, 100),
          value: screen.value.slice(0, 300),
        })),
        outcome,
        errorCode: errorCode?.slice(0, 60) ?? null,
        signature: outcome === 'approved' ? record.signatureText : null,
        sendStatus: 'notSent',
        slot: null,
      });
      if (outcome === 'approved') {
        record.auditSeq = line.seq;
      }
    });
  }

  private async safely(
    action: string,
    record: DraftRecord,
    write: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.dependencies.logger.error(
        { err: error, draftId: record.view.draftId, pendingId: record.pendingId },
        `${action} failed`,
      );
    }
  }
}

function sendStatusOf(change: PendingStatusChange): SendStatus {
  switch (change.kind) {
    case 'sent':
    case 'confirmed':
    case 'finalized':
    case 'failed':
    case 'expired':
      return change.kind;
    case 'stale':
      return 'expired';
  }
}
