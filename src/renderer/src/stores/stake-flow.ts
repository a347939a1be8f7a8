import { create } from 'zustand';

import type {
  SendOutcome,
  StakeBatch,
  StakeDraft,
  StakeFlowStage,
  StakeFlowValidity,
} from '../../../shared/contract/stake';
import { WalletError } from '../../../shared/errors';
import { call, subscribe } from '../bridge/wallet';
import type { ErrorDescription } from './accounts';
import { describeError } from './errors';

/** The flows the dialog runs; each has its own form. */
export type FlowKind =
  | 'createStake'
  | 'stakeAcross'
  | 'withdrawMany'
  | 'delegate'
  | 'deactivate'
  | 'withdraw'
  | 'split'
  | 'merge'
  | 'authorize'
  | 'redelegate';

/** The Ledger account that signs, and the stake account a row action works on. */
export interface FlowTarget {
  account: string;
  stakeAccount: string | null;
}

/**
 * form: the person fills in the operation. preparing: main builds, checks and simulates it.
 * review: the current draft waits for "Sign with Ledger". signing: the device or the network
 * has it. finished: every draft has landed, or the flow stopped.
 */
export type FlowPhase = 'form' | 'preparing' | 'review' | 'signing' | 'finished';

export interface DraftProgress {
  stage: StakeFlowStage | 'prepared';
  outcome: SendOutcome | null;
  error: ErrorDescription | null;
  /** True when the transaction is signed but sending failed, so trying again only sends. */
  unsent: boolean;
}

export interface FlowDialog {
  kind: FlowKind;
  target: FlowTarget;
  phase: FlowPhase;
  summary: string;
  /** One draft per transaction; a batch signs them one after the other. */
  drafts: StakeDraft[];
  /** Index of the draft under review or being signed. */
  current: number;
  progress: Record<string, DraftProgress>;
  validity: StakeFlowValidity | null;
  /** An error of the form or of preparing, shown in the form. */
  error: ErrorDescription | null;
}

interface StakeFlowState {
  dialog: FlowDialog | null;
  open: (kind: FlowKind, target: FlowTarget) => void;
  close: () => void;
  backToForm: () => void;
  /** Runs one prepare call and shows its drafts for review. */
  prepare: (run: () => Promise<StakeDraft | StakeBatch>) => Promise<void>;
  signCurrent: () => Promise<void>;
  cancel: () => Promise<void>;
  /** Builds the expired current draft again; the person asked for it with its own button. */
  rebuildCurrent: () => Promise<void>;
}

const preparedProgress: DraftProgress = {
  stage: 'prepared',
  outcome: null,
  error: null,
  unsent: false,
};

function isBatch(value: StakeDraft | StakeBatch): value is StakeBatch {
  return 'drafts' in value;
}

function currentDraft(dialog: FlowDialog): StakeDraft | undefined {
  return dialog.drafts[dialog.current];
}

/** The open stake flow dialog: its form, the drafts main prepared and their progress. */
export const useStakeFlow = create<StakeFlowState>((set, get) => {
  const update = (patch: (dialog: FlowDialog) => Partial<FlowDialog>): void =>
    set((state) =>
      state.dialog === null ? {} : { dialog: { ...state.dialog, ...patch(state.dialog) } },
    );

  const setProgress = (draftId: string, patch: Partial<DraftProgress>): void =>
    update((dialog) => ({
      progress: {
        ...dialog.progress,
        [draftId]: { ...(dialog.progress[draftId] ?? preparedProgress), ...patch },
      },
    }));

  return {
    dialog: null,

    open: (kind, target) =>
      set({
        dialog: {
          kind,
          target,
          phase: 'form',
          summary: '',
          drafts: [],
          current: 0,
          progress: {},
          validity: null,
          error: null,
        },
      }),

    close: () => set({ dialog: null }),

    backToForm: () => update(() => ({ phase: 'form', drafts: [], progress: {}, error: null })),

    prepare: async (run) => {
      update(() => ({ phase: 'preparing', error: null }));
      try {
        const result = await run();
        const drafts = isBatch(result) ? result.drafts : [result];
        update(() => ({
          phase: 'review',
          summary: result.summary,
          drafts,
          current: 0,
          progress: Object.fromEntries(drafts.map((draft) => [draft.draftId, preparedProgress])),
          validity: null,
        }));
      } catch (error) {
        update(() => ({ phase: 'form', error: describeError(error) }));
      }
    },

    signCurrent: async () => {
      const dialog = get().dialog;
      const draft = dialog === null ? undefined : currentDraft(dialog);
      if (draft === undefined) {
        return;
      }
      update(() => ({ phase: 'signing', validity: null }));
      setProgress(draft.draftId, { stage: 'requested', error: null });

      try {
        const outcome = await call('signAndSend', { draftId: draft.draftId });
        setProgress(draft.draftId, { outcome });
        update((current) => {
          if (outcome.outcome !== 'landed') {
            return { phase: 'review' };
          }
          const next = current.current + 1;
          return next < current.drafts.length
            ? { phase: 'review', current: next, validity: null }
            : { phase: 'finished' };
        });
      } catch (error) {
        const description = describeError(error);
        // An unsigned draft that expired is refreshed on request; any other failure before
        // the signature leaves the draft ready to sign again.
        setProgress(
          draft.draftId,
          description.code === 'STAKE_DRAFT_EXPIRED'
            ? { stage: 'expired', error: null }
            : { stage: 'failed', error: description },
        );
        update(() => ({ phase: 'review' }));
      }
    },

    cancel: async () => {
      const dialog = get().dialog;
      const draft = dialog === null ? undefined : currentDraft(dialog);
      if (draft === undefined) {
        return;
      }
      try {
        await call('cancelStakeFlow', { draftId: draft.draftId });
      } catch (error) {
        setProgress(draft.draftId, { error: describeError(error) });
      }
    },

    rebuildCurrent: async () => {
      const dialog = get().dialog;
      const draft = dialog === null ? undefined : currentDraft(dialog);
      if (draft === undefined) {
        return;
      }
      update(() => ({ phase: 'preparing' }));
      try {
        const rebuilt = await call('rebuildExpired', { draftId: draft.draftId });
        update((current) => ({
          phase: 'review',
          drafts: current.drafts.map((entry) =>
            entry.draftId === draft.draftId ? rebuilt : entry,
          ),
          progress: { ...current.progress, [rebuilt.draftId]: preparedProgress },
          validity: null,
        }));
      } catch (error) {
        update(() => ({ phase: 'review' }));
        setProgress(draft.draftId, { error: describeError(error) });
      }
    },
  };
});

/** Follows the stake flow events of the open dialog's drafts; returns the unsubscribe function. */
export function followStakeFlows(): () => void {
  const stops = [
    subscribe('stakeFlowProgress', (event) =>
      useStakeFlow.setState((state) => {
        const dialog = state.dialog;
        const known = dialog?.progress[event.draftId];
        if (dialog === null || known === undefined) {
          return {};
        }
        const error =
          event.stage === 'failed' ? describeError(WalletError.fromData(event.error)) : known.error;
        const unsent = event.stage === 'failed' ? event.canResend : known.unsent;
        return {
          dialog: {
            ...dialog,
            progress: {
              ...dialog.progress,
              [event.draftId]: { ...known, stage: event.stage, error, unsent },
            },
            // Block heights read after the signature mean the app is following the transaction.
            validity: event.stage === 'signed' ? null : dialog.validity,
          },
        };
      }),
    ),
    subscribe('stakeFlowValidity', (event) =>
      useStakeFlow.setState((state) =>
        state.dialog !== null && currentDraft(state.dialog)?.draftId === event.draftId
          ? { dialog: { ...state.dialog, validity: event } }
          : {},
      ),
    ),
  ];
  return () => stops.forEach((stop) => stop());
}
