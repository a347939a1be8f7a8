import { randomUUID } from 'node:crypto';

import type { ChainCheck, ReviewSigner, TransactionReview } from '../../../shared/contract/ledger';
import type { ReviewModel, ReviewWarning } from '../../../shared/domain/stake';
import type { PendingTransaction, StoredAccount } from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import { buildReviewModel, parseMessage } from '../../stake';
import type { StoredAccountsService } from '../../store';
import { findNonceHolder } from '../offline/nonce-reservation';
import { accountLabel } from './account-views';
import type { AppStateTrackerService, SolanaAppState } from './app-state-tracker';
import type { TransactionChainCheckService } from './transaction-chain-check';
import { decodeTransactionText, type DecodedTransactionText } from './transaction-text';

/** A reviewed message, kept so that signing uses exactly the bytes the person reviewed. */
export interface ReviewedTransaction {
  reviewId: string;
  decoded: DecodedTransactionText;
  signer: StoredAccount;
  /** Position of the signer among the message's required signers. */
  signerIndex: number;
  review: ReviewModel;
  /** The device settings the review was built for. */
  reviewedFor: DeviceReviewSettings;
  /** The latest result of checking the message against the cluster. */
  chainCheck: ChainCheck;
  /** Lamports of the person's accounts in the message, read with the check. */
  balances: ReadonlyMap<string, bigint>;
}

interface DeviceReviewSettings {
  appVersion: string;
  pubkeyDisplay: 'long' | 'short';
}

export interface TransactionReviewDependencies {
  accounts: StoredAccountsService;
  appState: AppStateTrackerService;
  /** Absent where the app has no cluster to query, and then every check is `notChecked`. */
  chainCheck?: Pick<TransactionChainCheckService, 'check'> | undefined;
  /** The send-later queue, to warn when a queued transaction reserves the reviewed nonce. */
  pending?: { list(): PendingTransaction[] } | undefined;
}

/** Maximum number of reviews kept for signing. Older ones must be reviewed again. */
export const MAX_KEPT_REVIEWS = 20;

/**
 * Decodes pasted transactions, picks the person's account that must sign, builds the review
 * model for the Solana app version on the connected Ledger, and queries the cluster whether
 * the message would succeed now.
 */
export class TransactionReviewService {
  private readonly reviews = new Map<string, ReviewedTransaction>();

  constructor(private readonly dependencies: TransactionReviewDependencies) {}

  async review(
    input: { text: string; signer?: string | undefined },
    signal?: AbortSignal,
  ): Promise<TransactionReview> {
    const decoded = decodeTransactionText(input.text);
    const appState = await this.dependencies.appState.requireSolanaApp({ signal });
    const accounts = this.dependencies.accounts.list();

    const requiredSigners = requiredSignersOf(decoded.message);
    const signer = pickSigner(requiredSigners, accounts, input.signer);
    const reviewedFor = settingsOf(appState);
    const unchecked = this.buildModel(decoded.message, signer.publicKey, reviewedFor, new Map());

    // The check reads the nonce, the signers and the program ids from the model. The balances
    // it returns then feed the model's large-share-of-balance warning.
    const { check: chainCheck, balances } = await this.checkOnChain(
      decoded.message,
      unchecked,
      signal,
    );
    const review =
      balances.size === 0
        ? unchecked
        : this.buildModel(decoded.message, signer.publicKey, reviewedFor, balances);

    const reviewId = randomUUID();
    this.keep({
      reviewId,
      decoded,
      signer,
      signerIndex: review.requiredSigners.indexOf(signer.publicKey),
      review,
      reviewedFor,
      chainCheck,
      balances,
    });

    return {
      reviewId,
      encoding: decoded.encoding,
      inputKind: decoded.kind,
      signer: signer.publicKey,
      signerPath: signer.derivationPath,
      signerName: signer.name,
      signers: savedSignersOf(requiredSigners, accounts),
      review,
      chainCheck,
    };
  }

  /**
   * Queries the cluster again just before signing, because a blockhash that was valid at
   * review time may have expired since. Stores the new result with the review.
   *
   * @throws WalletError REVIEW_SIMULATION_FAILED, REVIEW_BLOCKHASH_EXPIRED or
   *   REVIEW_NONCE_MOVED when the transaction is known to fail. A cluster that cannot be
   *   reached throws nothing, so signing without a network still works.
   */
  async requireCheckNotFailed(
    reviewed: ReviewedTransaction,
    signal?: AbortSignal,
  ): Promise<ReviewedTransaction> {
    let checked = reviewed;
    if (!isKnownToFail(reviewed.chainCheck)) {
      const { check } = await this.checkOnChain(reviewed.decoded.message, reviewed.review, signal);
      checked = { ...reviewed, chainCheck: check };
      if (this.reviews.has(reviewed.reviewId)) {
        this.reviews.set(reviewed.reviewId, checked);
      }
    }
    throwIfKnownToFail(reviewed.reviewId, checked.chainCheck);
    return checked;
  }

  /** Returns a kept review, throwing REVIEW_NOT_FOUND when it was never made or was dropped. */
  get(reviewId: string): ReviewedTransaction {
    const reviewed = this.reviews.get(reviewId);
    if (reviewed === undefined) {
      throw new WalletError('REVIEW_NOT_FOUND', { reviewId });
    }
    return reviewed;
  }

  /**
   * Throws LEDGER_SIGNER_NOT_SAVED unless the review's signer is still a saved account with
   * the same derivation path. Reviews outlive the account list, because the person may
   * remove an account while a review of it is open.
   */
  requireSavedSigner(reviewed: ReviewedTransaction): void {
    const { publicKey, derivationPath } = reviewed.signer;
    const saved = this.dependencies.accounts
      .list()
      .find((account) => account.publicKey === publicKey);
    if (saved?.derivationPath !== derivationPath) {
      throw new WalletError('LEDGER_SIGNER_NOT_SAVED', { signer: publicKey, path: derivationPath });
    }
  }

  /**
   * Returns the review model for the app now open on the device. The device's labels,
   * instruction limit and blind-signing needs depend on its app version and pubkey
   * display, so a review made with other settings is rebuilt.
   */
  async reviewForDevice(reviewed: ReviewedTransaction, signal?: AbortSignal): Promise<ReviewModel> {
    // Read the device again: the person may have changed the app or its settings since.
    const current = settingsOf(
      await this.dependencies.appState.requireSolanaApp({ fresh: true, signal }),
    );
    const before = reviewed.reviewedFor;
    if (
      current.appVersion === before.appVersion &&
      current.pubkeyDisplay === before.pubkeyDisplay
    ) {
      return reviewed.review;
    }

    const review = this.buildModel(
      reviewed.decoded.message,
      reviewed.signer.publicKey,
      current,
      reviewed.balances,
    );
    this.reviews.set(reviewed.reviewId, { ...reviewed, review, reviewedFor: current });
    return review;
  }

  private async checkOnChain(
    message: Uint8Array,
    review: ReviewModel,
    signal: AbortSignal | undefined,
  ): Promise<{ check: ChainCheck; balances: ReadonlyMap<string, bigint> }> {
    const checker = this.dependencies.chainCheck;
    if (checker === undefined) {
      return {
        check: {
          outcome: 'notChecked',
          reason: 'noCluster',
          detail: 'The app has no cluster connection to check with.',
        },
        balances: new Map(),
      };
    }
    const ownAddresses = review.addresses
      .filter((address) => address.own)
      .map((address) => address.address);
    return checker.check({ message, review, ownAddresses }, signal);
  }

  private buildModel(
    message: Uint8Array,
    signer: string,
    settings: DeviceReviewSettings,
    balances: ReadonlyMap<string, bigint>,
  ): ReviewModel {
    const labels = new Map(
      this.dependencies.accounts
        .list()
        .map((account): [string, string] => [account.publicKey, accountLabel(account)]),
    );
    const model = buildReviewModel(message, {
      signer,
      appVersion: settings.appVersion,
      pubkeyDisplay: settings.pubkeyDisplay,
      labels,
      balances,
    });
    const reserved = this.nonceReservation(model, message);
    return reserved === null ? model : { ...model, warnings: [...model.warnings, reserved] };
  }

  /**
   * Returns a warning when a queued transaction reserves the nonce this message advances,
   * because signing and sending this one makes the queued one stale.
   */
  private nonceReservation(model: ReviewModel, message: Uint8Array): ReviewWarning | null {
    const nonce = model.durableNonce;
    const pending = this.dependencies.pending;
    if (nonce === null || pending === undefined) {
      return null;
    }
    const holder = findNonceHolder(pending.list(), nonce.nonceAccount, message);
    if (holder === undefined) {
      return null;
    }
    return {
      kind: 'nonceReserved',
      nonceAccount: nonce.nonceAccount,
      pendingId: holder.id,
      pendingSummary: holder.intent.summary,
    };
  }

  private keep(reviewed: ReviewedTransaction): void {
    this.reviews.set(reviewed.reviewId, reviewed);
    while (this.reviews.size > MAX_KEPT_REVIEWS) {
      const oldest = this.reviews.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.reviews.delete(oldest);
    }
  }
}

function isKnownToFail(check: ChainCheck): boolean {
  switch (check.outcome) {
    case 'failed':
    case 'expired':
    case 'nonceMoved':
      return true;
    case 'ok':
    case 'notChecked':
      return false;
  }
}

function throwIfKnownToFail(reviewId: string, check: ChainCheck): void {
  switch (check.outcome) {
    case 'failed':
      throw new WalletError(
        'REVIEW_SIMULATION_FAILED',
        {
          reviewId,
          slot: check.slot,
          errorName: check.errorName,
          title: check.title,
          detail: check.detail,
          instructionIndex: check.instructionIndex,
        },
        `The cluster would reject this transaction: ${check.title}. ${check.detail}`,
      );
    case 'expired':
      throw new WalletError('REVIEW_BLOCKHASH_EXPIRED', {
        reviewId,
        slot: check.slot,
        blockhash: check.blockhash,
      });
    case 'nonceMoved':
      throw new WalletError('REVIEW_NONCE_MOVED', {
        reviewId,
        slot: check.slot,
        nonceAccount: check.nonceAccount,
        messageNonce: check.messageNonce,
        currentNonce: check.currentNonce,
      });
    case 'ok':
    case 'notChecked':
      return;
  }
}

function settingsOf(appState: SolanaAppState): DeviceReviewSettings {
  return {
    appVersion: appState.version,
    // The app defaults to long addresses, and an unreported setting is most likely the default.
    pubkeyDisplay: appState.pubkeyDisplay === 'short' ? 'short' : 'long',
  };
}

function requiredSignersOf(message: Uint8Array): string[] {
  const parsed = parseMessage(message);
  return parsed.staticKeys.slice(0, parsed.header.numRequiredSignatures);
}

/** Lists the required signers that are saved accounts, in the message's order. */
function savedSignersOf(requiredSigners: string[], accounts: StoredAccount[]): ReviewSigner[] {
  return requiredSigners.flatMap((address) => {
    const account = accounts.find((known) => known.publicKey === address);
    return account === undefined
      ? []
      : [{ address, path: account.derivationPath, name: account.name }];
  });
}

/**
 * Picks the stored account that must sign: the one the request names, else the first of
 * the message's required signers that the person keeps.
 */
function pickSigner(
  requiredSigners: string[],
  accounts: StoredAccount[],
  requested: string | undefined,
): StoredAccount {
  const candidates = requested === undefined ? requiredSigners : [requested];
  for (const address of candidates) {
    const account = accounts.find((known) => known.publicKey === address);
    if (account !== undefined && requiredSigners.includes(address)) {
      return account;
    }
  }
  throw new WalletError('REVIEW_SIGNER_NOT_FOUND', {
    requiredSigners,
    requestedSigner: requested ?? null,
    storedAccountCount: accounts.length,
  });
}
