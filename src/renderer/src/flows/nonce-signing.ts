import { create } from 'zustand';

import type {
  NonceCheckBasis,
  NonceOperation,
  PendingItem,
  PreparedNonceTransaction,
} from '../../../shared/contract/offline';
import type { StakeDraft } from '../../../shared/contract/stake';
import { call } from '../bridge/wallet';
import type { ErrorDescription } from '../stores/accounts';
import { describeError } from '../stores/errors';

/**
 * idle: the stake dialog runs its usual blockhash flow. preparing: main builds the nonce
 * transaction and queues it unsigned. review: the person reads it. signing: the Ledger has
 * it. queued: signed and waiting in the queue. sending: the queue sends it now.
 */
export type NonceSigningStage = 'idle' | 'preparing' | 'review' | 'signing' | 'queued' | 'sending';

interface NonceSigningState {
  stage: NonceSigningStage;
  prepared: PreparedNonceTransaction | undefined;
  /** The queue item as last returned by main, which carries its send status. */
  item: PendingItem | undefined;
  error: ErrorDescription | undefined;
  prepareUnstake: (input: {
    account: string;
    stakeAccount: string;
    nonceAccount: string;
  }) => Promise<void>;
  /** Prepares any stake operation main can build with a nonce, from saved values when offline. */
  prepareOperation: (input: { nonceAccount: string; operation: NonceOperation }) => Promise<void>;
  queueDraft: (draft: StakeDraft, nonceAccount: string) => Promise<void>;
  sign: () => Promise<void>;
  cancelSigning: () => Promise<void>;
  send: () => Promise<void>;
  /** Leaves the nonce flow; an unsigned item is removed from the queue so its nonce is free. */
  reset: () => void;
}

/**
 * Holds the stake dialog's "sign with a durable nonce, send later" path. Main queues the
 * nonce transaction unsigned and reviews it from its compiled message. This store follows
 * it through signing and an optional send.
 */
export const useNonceSigning = create<NonceSigningState>((set, get) => {
  const fail = (error: unknown, stage: NonceSigningStage): void =>
    set({ stage, error: describeError(error) });

  return {
    stage: 'idle',
    prepared: undefined,
    item: undefined,
    error: undefined,

    prepareUnstake: ({ account, stakeAccount, nonceAccount }) =>
      get().prepareOperation({
        nonceAccount,
        operation: { operation: 'deactivate', input: { account, stakeAccount } },
      }),

    prepareOperation: async (input) => {
      set({ stage: 'preparing', error: undefined });
      try {
        const prepared = await call('prepareNonceOperation', input);
        set({ stage: 'review', prepared, item: prepared.item });
      } catch (error) {
        fail(error, 'idle');
      }
    },

    queueDraft: async (draft, nonceAccount) => {
      set({ stage: 'preparing', error: undefined });
      try {
        const item = await call('queueTransaction', {
          messageBase64: draft.messageBase64,
          intent: { kind: draft.operation, summary: `${draft.summary} (durable nonce)` },
          nonceAccount,
        });
        const review = await call('reviewPendingTransaction', { id: item.id });
        const basis: NonceCheckBasis = {
          kind: 'live',
          checks: draft.checks.map((check) => check.text),
        };
        set({ stage: 'review', prepared: { item, review, basis }, item });
        // The blockhash draft is replaced by the queued nonce transaction.
        void call('cancelStakeFlow', { draftId: draft.draftId }).catch(() => undefined);
      } catch (error) {
        fail(error, 'idle');
      }
    },

    sign: async () => {
      const prepared = get().prepared;
      if (prepared === undefined) {
        return;
      }
      set({ stage: 'signing', error: undefined });
      try {
        const item = await call('signPendingTransaction', {
          id: prepared.item.id,
          reviewId: prepared.review.reviewId,
        });
        set({ stage: 'queued', item });
      } catch (error) {
        fail(error, 'review');
      }
    },

    cancelSigning: async () => {
      try {
        await call('cancelPendingSigning', {});
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    send: async () => {
      const item = get().item;
      if (item === undefined) {
        return;
      }
      set({ stage: 'sending', error: undefined });
      try {
        set({ stage: 'queued', item: await call('sendPendingTransaction', { id: item.id }) });
      } catch (error) {
        fail(error, 'queued');
      }
    },

    reset: () => {
      const { stage, item } = get();
      if (stage === 'review' && item !== undefined) {
        void call('discardPendingTransaction', { id: item.id }).catch(() => undefined);
      }
      set({ stage: 'idle', prepared: undefined, item: undefined, error: undefined });
    },
  };
});
