import type { TransactionReview } from '../../../shared/contract/ledger';
import type {
  PendingTransaction,
  SignerSignature,
  StoredAccount,
} from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import type { TransactionReviewService } from '../ledger/transaction-review-service';
import type { TransactionSigningService } from '../ledger/transaction-signing-service';
import { findLedgerSigner } from './pending-views';
import { pendingActionNotAllowed, type SendQueueService } from './send-queue-service';

export interface PendingSigningDependencies {
  /** The Ledger UI's review and signing services, so every signature takes one path. */
  reviews: Pick<TransactionReviewService, 'review' | 'get'>;
  signing: Pick<TransactionSigningService, 'sign'>;
  pending: { get(id: string): PendingTransaction };
  accounts: { list(): StoredAccount[] };
  queue: Pick<SendQueueService, 'recordSignatures' | 'checkNonceAfterSigning'>;
}

/**
 * Reviews and signs queued transactions with the Ledger through the same review and
 * signing services as a pasted transaction. So the review is rebuilt from the message bytes
 * for the app on the device, the signature is verified, and the request is audited. The
 * signed transaction stays in the queue until it is sent.
 *
 * NOTE: the audit line of such a request carries no pending transaction id, because the
 * signing service writes it; the queue links its status updates by signature instead.
 */
export class PendingSigningService {
  constructor(private readonly dependencies: PendingSigningDependencies) {}

  async review(id: string, signal?: AbortSignal): Promise<TransactionReview> {
    const record = this.dependencies.pending.get(id);
    const signer = this.assertSignable(record, 'review');

    return this.dependencies.reviews.review(
      { text: record.messageBase64, signer: signer.publicKey },
      signal,
    );
  }

  /**
   * Signs the reviewed transaction and stores the signature in the queue. A durable nonce
   * that moved on while the Ledger waited marks the result stale, when the cluster is reachable.
   *
   * @throws WalletError REVIEW_MESSAGE_MISMATCH when the review is of other bytes.
   */
  async sign(id: string, reviewId: string, signal: AbortSignal): Promise<PendingTransaction> {
    const record = this.dependencies.pending.get(id);
    const signer = this.assertSignable(record, 'sign');
    const reviewed = this.dependencies.reviews.get(reviewId);
    const message = Buffer.from(record.messageBase64, 'base64');
    if (
      !Buffer.from(reviewed.decoded.message).equals(message) ||
      reviewed.signer.publicKey !== signer.publicKey
    ) {
      throw new WalletError('REVIEW_MESSAGE_MISMATCH', { id, reviewId });
    }

    const signed = await this.dependencies.signing.sign(reviewId, signal);
    const signatures: SignerSignature[] = record.signatures.map((slot) =>
      slot.publicKey === signer.publicKey ? { ...slot, signature: signed.signature } : slot,
    );
    await this.dependencies.queue.recordSignatures(id, signatures);
    return this.dependencies.queue.checkNonceAfterSigning(id);
  }

  /**
   * Returns the Ledger account that signs, after checking that the record is unsigned and
   * that no other signature is missing, since only the Ledger's key can sign here.
   */
  private assertSignable(record: PendingTransaction, action: 'review' | 'sign'): StoredAccount {
    if (record.status.kind !== 'unsigned') {
      throw pendingActionNotAllowed(record, action);
    }
    const signer = findLedgerSigner(record, this.dependencies.accounts.list());
    const others = record.signatures.filter(
      (slot) => slot.signature === null && slot.publicKey !== signer?.publicKey,
    );
    if (signer === undefined || others.length > 0) {
      throw new WalletError('PENDING_SIGNERS_UNSUPPORTED', {
        id: record.id,
        requiredSigners: record.signatures.map((slot) => slot.publicKey),
      });
    }
    return signer;
  }
}
