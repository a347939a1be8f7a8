import { randomUUID } from 'node:crypto';

import type { Logger } from 'pino';

import type { ExportedFile, ImportResult } from '../../../shared/contract/offline';
import type { ReviewModel } from '../../../shared/domain/stake';
import type { PendingTransaction, StoredAccount } from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import type { LedgerService } from '../../ledger';
import type { SettingsService } from '../../settings-service';
import { buildReviewModel } from '../../stake';
import { hashMessage } from '../../store';
import type { TransactionReviewService } from '../ledger/transaction-review-service';
import type { TransactionSigningService } from '../ledger/transaction-signing-service';
import { DEFAULT_REVIEW_APP_VERSION } from './nonce-account-service';
import { findLedgerSigner, toPendingItem } from './pending-views';
import { pendingActionNotAllowed, type SendQueueService } from './send-queue-service';
import {
  decodeTransactionFile,
  encodeTransactionFile,
  TRANSACTION_FILE_FORMAT,
  TRANSACTION_FILE_VERSION,
  verifySignature,
  type CheckedTransactionFile,
  type TransactionFile,
} from './transaction-file';

/** Imported files kept for signing; older ones must be imported again. */
const MAX_KEPT_IMPORTS = 20;

export interface TransactionFileDependencies {
  settings: Pick<SettingsService, 'get'>;
  accounts: { list(): StoredAccount[]; upsert(account: StoredAccount): Promise<unknown> };
  pending: { get(id: string): PendingTransaction; list(): PendingTransaction[] };
  queue: Pick<SendQueueService, 'queue' | 'recordSignatures'>;
  reviews: Pick<TransactionReviewService, 'review' | 'get'>;
  signing: Pick<TransactionSigningService, 'sign'>;
  ledger: Pick<LedgerService, 'getAddress'>;
  /** Solana app version on the device, when one is open. */
  appVersion: () => string | null;
  logger: Logger;
  now?: () => Date;
}

interface StoredImport {
  checked: CheckedTransactionFile;
  reviewId: string;
  signer: string;
}

/**
 * Moves transactions through files for air-gapped signing: export an unsigned queued
 * transaction, import it on the machine with the Ledger, review and sign it there, export
 * the signed file, and import that back into the queue to send. The message bytes are
 * compared at every step and a file whose bytes differ is refused.
 */
export class TransactionFileService {
  private readonly imports = new Map<string, StoredImport>();
  private readonly now: () => Date;

  constructor(private readonly dependencies: TransactionFileDependencies) {
    this.now = dependencies.now ?? (() => new Date());
  }

  /** Exports a queued transaction: unsigned while it waits for a signature, else signed. */
  exportPending(id: string): ExportedFile {
    const record = this.dependencies.pending.get(id);
    const actions = toPendingItem(record, this.dependencies.accounts.list()).actions;
    if (!actions.exportUnsigned && !actions.exportSigned) {
      throw pendingActionNotAllowed(record, 'export');
    }
    const signer = findLedgerSigner(record, this.dependencies.accounts.list());
    if (signer === undefined) {
      throw new WalletError('PENDING_SIGNERS_UNSUPPORTED', {
        id,
        requiredSigners: record.signatures.map((slot) => slot.publicKey),
      });
    }

    const message = Buffer.from(record.messageBase64, 'base64');
    const file: TransactionFile = {
      format: TRANSACTION_FILE_FORMAT,
      version: TRANSACTION_FILE_VERSION,
      kind: actions.exportUnsigned ? 'unsigned' : 'signed',
      exportedAt: this.now().toISOString(),
      cluster: record.cluster,
      pendingId: record.id,
      intent: record.intent,
      message: { base64: record.messageBase64, sha256: hashMessage(message) },
      signer: { address: signer.publicKey, derivationPath: signer.derivationPath },
      review: fileReview(
        message,
        signer.publicKey,
        this.dependencies.appVersion() ?? DEFAULT_REVIEW_APP_VERSION,
      ),
      lifetime: record.lifetime,
      signatures: record.signatures,
    };

    this.dependencies.logger.info({ id, kind: file.kind }, 'exported a transaction file');
    return {
      fileName: `transaction-${file.kind}-${record.intent.kind}-${record.id.slice(0, 8)}.json`,
      mediaType: 'application/json',
      content: encodeTransactionFile(file),
    };
  }

  /**
   * Imports a transaction file. An unsigned one is reviewed for the Ledger here. A signed one
   * completes the queued transaction it came from, or else joins the queue as a new one.
   */
  async importFile(content: string, signal?: AbortSignal): Promise<ImportResult> {
    const checked = decodeTransactionFile(content);
    switch (checked.file.kind) {
      case 'unsigned':
        return this.importUnsigned(checked, signal);
      case 'signed':
        return this.importSigned(checked);
    }
  }

  /** Signs an imported unsigned transaction and returns the signed file to carry back. */
  async signImported(importId: string, signal: AbortSignal): Promise<ExportedFile> {
    const stored = this.imports.get(importId);
    if (stored === undefined) {
      throw new WalletError('IMPORT_NOT_FOUND', { importId });
    }
    const { file, message } = stored.checked;
    const reviewed = this.dependencies.reviews.get(stored.reviewId);
    assertSameBytes(message, reviewed.decoded.message, 'differsFromTransaction');

    const signed = await this.dependencies.signing.sign(stored.reviewId, signal);
    if (!verifySignature(signed.signature, message, stored.signer)) {
      throw new WalletError('TRANSACTION_FILE_SIGNATURE_INVALID', { signer: stored.signer });
    }
    const signedFile: TransactionFile = {
      ...file,
      kind: 'signed',
      exportedAt: this.now().toISOString(),
      signatures: file.signatures.map((slot) =>
        slot.publicKey === stored.signer ? { ...slot, signature: signed.signature } : slot,
      ),
    };
    this.imports.delete(importId);

    this.dependencies.logger.info({ importId }, 'signed an imported transaction file');
    const name = file.pendingId?.slice(0, 8) ?? importId.slice(0, 8);
    return {
      fileName: `transaction-signed-${file.intent.kind}-${name}.json`,
      mediaType: 'application/json',
      content: encodeTransactionFile(signedFile),
    };
  }

  private async importUnsigned(
    checked: CheckedTransactionFile,
    signal?: AbortSignal,
  ): Promise<ImportResult> {
    const { file, message } = checked;
    const missing = file.signatures.filter(
      (slot) => slot.signature === null && slot.publicKey !== file.signer.address,
    );
    if (missing.length > 0) {
      throw new WalletError('PENDING_SIGNERS_UNSUPPORTED', {
        id: file.pendingId ?? '',
        requiredSigners: file.signatures.map((slot) => slot.publicKey),
      });
    }
    await this.ensureSignerSaved(file, signal);

    const review = await this.dependencies.reviews.review(
      { text: file.message.base64, signer: file.signer.address },
      signal,
    );
    const rebuilt = fileReview(message, file.signer.address, file.review.appVersion);

    const importId = randomUUID();
    this.keep(importId, { checked, reviewId: review.reviewId, signer: file.signer.address });
    this.dependencies.logger.info(
      { importId, pendingId: file.pendingId },
      'imported an unsigned transaction file',
    );
    return {
      kind: 'toSign',
      importId,
      cluster: file.cluster,
      intent: file.intent,
      lifetime: file.lifetime,
      exportedAt: file.exportedAt,
      review,
      reviewMatchesFile: JSON.stringify(rebuilt.summary) === JSON.stringify(file.review.summary),
    };
  }

  private async importSigned(checked: CheckedTransactionFile): Promise<ImportResult> {
    const { file, message } = checked;
    const cluster = (await this.dependencies.settings.get()).cluster;
    if (file.cluster !== cluster) {
      throw new WalletError('TRANSACTION_FILE_CLUSTER_MISMATCH', {
        fileCluster: file.cluster,
        currentCluster: cluster,
      });
    }

    const match = this.findPending(file, message);
    if (match === undefined) {
      const record = await this.dependencies.queue.queue({
        message,
        intent: file.intent,
        signatures: file.signatures,
        ...(file.lifetime.kind === 'blockhash'
          ? { lastValidBlockHeight: file.lifetime.lastValidBlockHeight }
          : {}),
      });
      return { kind: 'signedQueued', item: this.itemOf(record), matchedPending: false };
    }

    assertSameBytes(Buffer.from(match.messageBase64, 'base64'), message, 'differsFromPending');
    const record =
      match.status.kind === 'unsigned'
        ? await this.dependencies.queue.recordSignatures(match.id, file.signatures)
        : match;
    this.dependencies.logger.info({ id: record.id }, 'imported a signed transaction file');
    return { kind: 'signedQueued', item: this.itemOf(record), matchedPending: true };
  }

  /** Finds the queued transaction the file came from, by id or else by identical message bytes. */
  private findPending(file: TransactionFile, message: Uint8Array): PendingTransaction | undefined {
    const records = this.dependencies.pending.list();
    const byId = records.find((record) => record.id === file.pendingId);
    if (byId !== undefined) {
      return byId;
    }
    const base64 = Buffer.from(message).toString('base64');
    return records.find((record) => record.messageBase64 === base64);
  }

  /**
   * Saves the file's signer when this machine does not know it yet, after checking that the
   * Ledger derives the same address for the file's path.
   */
  private async ensureSignerSaved(file: TransactionFile, signal?: AbortSignal): Promise<void> {
    const known = this.dependencies.accounts
      .list()
      .some((account) => account.publicKey === file.signer.address);
    if (known) {
      return;
    }

    const path = file.signer.derivationPath;
    const onDevice = await this.dependencies.ledger.getAddress(path, signal ? { signal } : {});
    if (onDevice !== file.signer.address) {
      throw new WalletError('TRANSACTION_FILE_SIGNER_MISMATCH', {
        path,
        expected: file.signer.address,
        actual: onDevice,
      });
    }
    await this.dependencies.accounts.upsert({
      publicKey: onDevice,
      derivationPath: path,
      name: '',
    });
    this.dependencies.logger.info(
      { address: onDevice, path },
      'saved the signer of an imported file',
    );
  }

  private keep(importId: string, stored: StoredImport): void {
    this.imports.set(importId, stored);
    while (this.imports.size > MAX_KEPT_IMPORTS) {
      const oldest = this.imports.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.imports.delete(oldest);
    }
  }

  private itemOf(record: PendingTransaction) {
    return toPendingItem(record, this.dependencies.accounts.list());
  }
}

/** Builds the review text a file carries, without account names, so both machines agree on it. */
function fileReview(
  message: Uint8Array,
  signer: string,
  appVersion: string,
): TransactionFile['review'] {
  const review: ReviewModel = buildReviewModel(message, { signer, appVersion });
  const device = review.device;
  return {
    summary: review.instructions
      .slice(0, 50)
      .map((instruction) => instruction.summary.slice(0, 300)),
    deviceScreens:
      device.outcome === 'refused'
        ? []
        : device.screens.slice(0, 50).map((screen) => ({
            title: screen.title.slice(0, 100),
            value: screen.value.slice(0, 300),
          })),
    appVersion,
    blindSigning: device.outcome === 'blindSign',
    feeLamports: review.fee.totalLamports,
    messageHash: review.messageHash,
  };
}

function assertSameBytes(
  expected: Uint8Array,
  actual: Uint8Array,
  reason: 'differsFromPending' | 'differsFromTransaction',
): void {
  if (!Buffer.from(expected).equals(Buffer.from(actual))) {
    throw new WalletError('TRANSACTION_FILE_MESSAGE_MISMATCH', {
      reason,
      expectedSha256: hashMessage(expected),
      actualSha256: hashMessage(actual),
    });
  }
}
