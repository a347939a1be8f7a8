import { create } from 'zustand';

import {
  REVIEW_TEXT_MAX_LENGTH,
  type ChainCheck,
  type SignedTransaction,
  type SigningProgressEvent,
  type TransactionReview,
} from '../../../shared/contract/ledger';
import { errorContexts, WalletError } from '../../../shared/errors';
import type { DeviceScreen } from '../../../shared/domain/stake';
import { call, subscribe } from '../bridge/wallet';
import type { ErrorDescription } from './accounts';
import { describeError, useErrors } from './errors';

/** Stage of the signing prompt, from the request to the device's result. */
export type PromptStage =
  | { kind: 'starting' }
  | { kind: 'requested' }
  | { kind: 'awaiting-person' }
  | { kind: 'signed'; result: SignedTransaction }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: ErrorDescription };

export interface SigningPrompt {
  reviewId: string;
  stage: PromptStage;
  /** Screens the device is predicted to show, in order. */
  screens: DeviceScreen[];
  blindSigning: boolean;
}

/** Signatures of the person's accounts collected so far for one message, in the order signed. */
export interface CollectedSignatures {
  messageHash: string;
  /** The transaction with every signature collected so far, as base64. */
  transactionBase64: string;
  signedBy: string[];
}

interface SigningState {
  /** Text in the paste box, kept here so that it matches the review after navigating away. */
  draft: string;
  review: TransactionReview | undefined;
  /** Text the current review or review error belongs to. */
  reviewedText: string | undefined;
  reviewing: boolean;
  reviewError: ErrorDescription | undefined;
  prompt: SigningPrompt | undefined;
  /** Set once one of several saved signers has signed the reviewed message. */
  collected: CollectedSignatures | undefined;
  /** Updates the paste box; text other than the reviewed text drops the old review. */
  setDraft: (text: string) => void;
  reviewText: (text: string) => Promise<void>;
  /**
   * Reviews the message again to sign with another of its saved signers. Once one of them
   * has signed, the review is of the signed transaction, so that its signature is kept.
   */
  chooseSigner: (address: string) => Promise<void>;
  sign: () => Promise<void>;
  cancel: () => Promise<void>;
  closePrompt: () => void;
}

function screensOf(review: TransactionReview): DeviceScreen[] {
  return review.review.device.outcome === 'refused' ? [] : review.review.device.screens;
}

/** The pasted transaction's review and the signing prompt that follows it. */
export const useSigning = create<SigningState>((set, get) => ({
  draft: '',
  review: undefined,
  reviewedText: undefined,
  reviewing: false,
  reviewError: undefined,
  prompt: undefined,
  collected: undefined,

  setDraft: (text) =>
    set((state) =>
      text === state.reviewedText || state.prompt !== undefined
        ? { draft: text }
        : { draft: text, review: undefined, reviewError: undefined, reviewedText: undefined },
    ),

  reviewText: async (text) => {
    if (text.length > REVIEW_TEXT_MAX_LENGTH) {
      const error = new WalletError(
        'TRANSACTION_TEXT_TOO_LONG',
        { length: text.length, maxLength: REVIEW_TEXT_MAX_LENGTH },
        `The text has ${text.length} characters. The limit is ${REVIEW_TEXT_MAX_LENGTH}.`,
      );
      set({
        review: undefined,
        prompt: undefined,
        reviewedText: text,
        reviewError: describeError(error),
      });
      return;
    }
    set({
      reviewing: true,
      reviewError: undefined,
      review: undefined,
      prompt: undefined,
      reviewedText: text,
    });
    try {
      set({ review: await call('reviewTransaction', { text }) });
    } catch (error) {
      set({ reviewError: describeError(error) });
    } finally {
      set({ reviewing: false });
    }
  },

  chooseSigner: async (address) => {
    const { review, reviewedText, collected } = get();
    if (review === undefined || reviewedText === undefined || review.signer === address) {
      return;
    }
    const text =
      collected?.messageHash === review.review.messageHash
        ? collected.transactionBase64
        : reviewedText;

    // The current review stays on screen until the new one arrives, so focus stays put.
    set({ reviewing: true, reviewError: undefined, prompt: undefined });
    try {
      const next = await call('reviewTransaction', { text, signer: address });
      set({ review: next, draft: text, reviewedText: text });
    } catch (error) {
      set({ reviewError: describeError(error) });
    } finally {
      set({ reviewing: false });
    }
  },

  sign: async () => {
    const review = get().review;
    if (review === undefined) {
      return;
    }
    set({
      prompt: {
        reviewId: review.reviewId,
        stage: { kind: 'starting' },
        screens: screensOf(review),
        blindSigning: review.review.device.outcome === 'blindSign',
      },
    });

    let stage: PromptStage;
    try {
      const result = await call('signReviewedTransaction', { reviewId: review.reviewId });
      stage = { kind: 'signed', result };
      if (review.signers.length > 1) {
        set((state) => ({ collected: collect(state.collected, review, result) }));
      }
    } catch (error) {
      const description = describeError(error);
      showFailedCheck(review.reviewId, error);
      stage =
        description.code === 'CANCELLED'
          ? { kind: 'cancelled' }
          : { kind: 'failed', error: description };
    }
    set((state) =>
      state.prompt?.reviewId === review.reviewId ? { prompt: { ...state.prompt, stage } } : {},
    );
  },

  cancel: async () => {
    try {
      await call('cancelSigning', {});
    } catch (error) {
      useErrors.getState().show(error);
    }
  },

  closePrompt: () => set({ prompt: undefined }),
}));

/**
 * Shows the check result that made signing stop on the review, so that Sign with Ledger turns
 * off. The check at signing time may differ from the one made at review time.
 */
function showFailedCheck(reviewId: string, error: unknown): void {
  const check = checkOfSigningError(error);
  if (check === undefined) {
    return;
  }
  useSigning.setState((state) =>
    state.review?.reviewId === reviewId ? { review: { ...state.review, chainCheck: check } } : {},
  );
}

/** Returns the check result a signing error carries, or undefined for other errors. */
function checkOfSigningError(error: unknown): ChainCheck | undefined {
  if (!(error instanceof WalletError)) {
    return undefined;
  }
  switch (error.code) {
    case 'REVIEW_SIMULATION_FAILED': {
      const parsed = errorContexts.REVIEW_SIMULATION_FAILED.safeParse(error.context);
      if (!parsed.success) {
        return undefined;
      }
      const { slot, title, detail, errorName, instructionIndex } = parsed.data;
      return { outcome: 'failed', slot, title, detail, errorName, instructionIndex, logs: [] };
    }
    case 'REVIEW_BLOCKHASH_EXPIRED': {
      const parsed = errorContexts.REVIEW_BLOCKHASH_EXPIRED.safeParse(error.context);
      if (!parsed.success) {
        return undefined;
      }
      return { outcome: 'expired', slot: parsed.data.slot, blockhash: parsed.data.blockhash };
    }
    case 'REVIEW_NONCE_MOVED': {
      const parsed = errorContexts.REVIEW_NONCE_MOVED.safeParse(error.context);
      if (!parsed.success) {
        return undefined;
      }
      const { slot, nonceAccount, messageNonce, currentNonce } = parsed.data;
      return { outcome: 'nonceMoved', slot, nonceAccount, messageNonce, currentNonce };
    }
    default:
      return undefined;
  }
}

function collect(
  collected: CollectedSignatures | undefined,
  review: TransactionReview,
  result: SignedTransaction,
): CollectedSignatures {
  const messageHash = review.review.messageHash;
  const earlier = collected?.messageHash === messageHash ? collected.signedBy : [];
  return {
    messageHash,
    transactionBase64: result.signedTransactionBase64,
    signedBy: [...earlier.filter((address) => address !== result.signer), result.signer],
  };
}

function applyProgress(prompt: SigningPrompt, event: SigningProgressEvent): SigningPrompt {
  // The call's own result, not the event, ends the prompt: it carries the signed transaction.
  const stage: PromptStage =
    event.progress.stage === 'signed' ? prompt.stage : { kind: event.progress.stage };
  return { ...prompt, stage, screens: event.screens, blindSigning: event.blindSigning };
}

export function followSigning(): () => void {
  return subscribe('signingProgress', (event) =>
    useSigning.setState((state) =>
      state.prompt?.reviewId === event.reviewId &&
      (state.prompt.stage.kind === 'starting' ||
        state.prompt.stage.kind === 'requested' ||
        state.prompt.stage.kind === 'awaiting-person')
        ? { prompt: applyProgress(state.prompt, event) }
        : {},
    ),
  );
}
