import { useEffect, useRef, type SyntheticEvent } from 'react';

import { InlineError } from '../components/ledger/InlineError';
import type { ErrorDescription } from '../stores/accounts';
import { usePortfolio } from '../stores/portfolio';
import {
  followStakeFlows,
  useStakeFlow,
  type FlowDialog,
  type FlowKind,
} from '../stores/stake-flow';
import { DevicePrompt } from './DevicePrompt';
import { DraftReview } from './DraftReview';
import { useFormMemory } from './form-memory';
import { FlowResult } from './FlowResult';
import {
  NonceChoice,
  NonceSigningPanel,
  OFFLINE_NONCE_KINDS,
  OfflineNonceNote,
} from './NonceSigning';
import { useNonceSigning } from './nonce-signing';
import { countOnChainOutcomes } from './on-chain-outcomes';
import { AccountActionForm } from './forms/AccountActionForms';
import { CreateStakeForm } from './forms/CreateStakeForm';
import { StakeAcrossForm } from './forms/StakeAcrossForm';
import { WithdrawManyForm } from './forms/WithdrawManyForm';
import './flows.css';

export const flowTitles: Record<FlowKind, string> = {
  createStake: 'Stake SOL',
  stakeAcross: 'Stake across validators',
  withdrawMany: 'Withdraw from several stake accounts',
  delegate: 'Delegate',
  deactivate: 'Unstake',
  withdraw: 'Withdraw',
  split: 'Split',
  merge: 'Merge',
  authorize: 'Change authority',
  redelegate: 'Move to another validator',
};

/** Keeps the stake flow dialog and its event subscription alive across pages. */
export function StakeFlowHost() {
  const dialog = useStakeFlow((state) => state.dialog);
  const onChainCount = useStakeFlow((state) => countOnChainOutcomes(state.dialog?.progress ?? {}));
  useEffect(() => followStakeFlows(), []);

  // Each transaction that reaches the chain changes what the pages behind the dialog show.
  useEffect(() => {
    if (onChainCount > 0) {
      void usePortfolio.getState().refresh({ afterChange: true });
    }
  }, [onChainCount]);

  return dialog === null ? null : <StakeFlowDialog dialog={dialog} />;
}

function StakeFlowDialog({ dialog }: { dialog: FlowDialog }) {
  const close = useStakeFlow((state) => state.close);
  const cancel = useStakeFlow((state) => state.cancel);
  const element = useRef<HTMLDialogElement>(null);
  const nonceStage = useNonceSigning((state) => state.stage);
  const busy =
    dialog.phase === 'preparing' ||
    dialog.phase === 'signing' ||
    nonceStage === 'preparing' ||
    nonceStage === 'signing' ||
    nonceStage === 'sending';

  useEffect(() => {
    const current = element.current;
    if (current !== null && !current.open) {
      current.showModal();
    }
    return () => {
      current?.close();
      useNonceSigning.getState().reset();
      useFormMemory.getState().clear();
    };
  }, []);

  // Escape stops the device request while signing, and closes the dialog otherwise. A
  // transaction already sent keeps being followed in the main process either way.
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    if (nonceStage === 'signing') {
      void useNonceSigning.getState().cancelSigning();
    } else if (dialog.phase === 'signing') {
      void cancel();
    } else if (!busy) {
      close();
    }
  };

  return (
    <dialog
      ref={element}
      className="stake-flow"
      aria-labelledby="stake-flow-title"
      onCancel={onCancel}
    >
      <h2 id="stake-flow-title">{flowTitles[dialog.kind]}</h2>
      <FlowBody dialog={dialog} />
      <div className="button-row dialog-footer">
        <button type="button" onClick={close} disabled={busy}>
          {dialog.phase === 'finished' ? 'Done' : 'Close'}
        </button>
      </div>
    </dialog>
  );
}

function FlowBody({ dialog }: { dialog: FlowDialog }) {
  const { signCurrent, cancel, rebuildCurrent, backToForm } = useStakeFlow.getState();
  const { prepareUnstake, queueDraft } = useNonceSigning.getState();
  const nonceStage = useNonceSigning((state) => state.stage);
  const draft = dialog.drafts[dialog.current];
  const progress = draft === undefined ? undefined : dialog.progress[draft.draftId];
  const batchNote =
    dialog.drafts.length > 1 && draft !== undefined
      ? `Transaction ${dialog.current + 1} of ${dialog.drafts.length}: each one is reviewed and signed on its own.`
      : null;

  if (nonceStage !== 'idle') {
    return <NonceSigningPanel />;
  }
  const stakeAccount = dialog.target.stakeAccount;

  switch (dialog.phase) {
    case 'form':
      return (
        <>
          {dialog.error !== null && <InlineError error={withoutRepeatedDetail(dialog.error)} />}
          {!OFFLINE_NONCE_KINDS.has(dialog.kind) && <OfflineNonceNote kind={dialog.kind} />}
          <FlowForm dialog={dialog} />
          {dialog.kind === 'deactivate' && stakeAccount !== null && (
            <NonceChoice
              account={dialog.target.account}
              actionLabel="Unstake with durable nonce"
              onChoose={(nonceAccount) =>
                void prepareUnstake({ account: dialog.target.account, stakeAccount, nonceAccount })
              }
            />
          )}
        </>
      );
    case 'preparing':
      return <p role="status">Building, checking and simulating the transaction…</p>;
    case 'review':
      if (draft === undefined || progress === undefined) {
        return null;
      }
      return (
        <>
          {batchNote !== null && <p className="batch-note">{batchNote}</p>}
          <BatchProgress dialog={dialog} />
          {progress.error !== null && <InlineError error={progress.error} />}
          {progress.outcome?.outcome === 'expired' ? (
            <FlowResult outcome={progress.outcome} onRebuild={() => void rebuildCurrent()} />
          ) : progress.stage === 'expired' ? (
            <UnsignedExpiry onRefresh={() => void rebuildCurrent()} />
          ) : (
            <>
              <DraftReview
                key={draft.draftId}
                draft={draft}
                onSign={() => void signCurrent()}
                signLabel={
                  progress.unsent
                    ? 'Send again'
                    : progress.stage === 'failed'
                      ? 'Sign with Ledger again'
                      : 'Sign with Ledger'
                }
              />
              {progress.unsent && (
                <p className="notice" role="status">
                  The transaction is signed but was not sent. It is kept in the send-later queue on
                  the Activity page, which sends it when the network is back; Send again tries now
                  without asking the Ledger.
                </p>
              )}
              {dialog.drafts.length === 1 && progress.stage === 'prepared' && (
                <NonceChoice
                  account={draft.signer}
                  actionLabel="Queue with durable nonce"
                  onChoose={(nonceAccount) => void queueDraft(draft, nonceAccount)}
                />
              )}
              {dialog.current === 0 && progress.stage === 'prepared' && (
                <button type="button" className="link-button" onClick={backToForm}>
                  Change the request
                </button>
              )}
            </>
          )}
        </>
      );
    case 'signing':
      if (draft === undefined || progress === undefined) {
        return null;
      }
      return (
        <>
          {batchNote !== null && <p className="batch-note">{batchNote}</p>}
          <BatchProgress dialog={dialog} />
          <DevicePrompt
            draft={draft}
            progress={progress}
            validity={dialog.validity}
            onCancel={() => void cancel()}
          />
        </>
      );
    case 'finished':
      return (
        <>
          <p role="status" className="notice ok">
            {dialog.summary}: done.
          </p>
          <BatchProgress dialog={dialog} />
          {dialog.drafts.map((entry) =>
            entry.followUp === null ? null : (
              <p key={`${entry.draftId}-next`} className="notice" data-testid="follow-up">
                Next step: once the cooldown ends, from epoch{' '}
                {entry.followUp.earliestEpoch.toLocaleString('en-US')} on, use Delegate on this
                stake account&apos;s row to delegate it to{' '}
                <span className="mono">{entry.followUp.voteAccount}</span>.
              </p>
            ),
          )}
          {dialog.drafts.map((entry) => {
            const outcome = dialog.progress[entry.draftId]?.outcome ?? null;
            return outcome === null ? null : (
              <FlowResult key={entry.draftId} outcome={outcome} onRebuild={() => undefined} />
            );
          })}
        </>
      );
  }
}

/** Drops a detail that only repeats the next step, as "Enter an amount greater than 0 SOL." did. */
function withoutRepeatedDetail(error: ErrorDescription): ErrorDescription {
  if (error.detail !== error.nextStep) {
    return error;
  }
  return { code: error.code, title: error.title, nextStep: error.nextStep };
}

/** Offers to refresh a draft whose blockhash ran out before the Ledger signed it. */
function UnsignedExpiry({ onRefresh }: { onRefresh: () => void }) {
  return (
    <div className="flow-result" data-outcome="expired-unsigned">
      <p role="status" className="notice">
        This transaction expired before it was signed, so nothing was signed or sent. Refresh it to
        check it again with a new blockhash, then review and sign it.
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={onRefresh}>
          Refresh the transaction
        </button>
      </div>
    </div>
  );
}

/** Lists the transactions of a batch, each with its stage. */
function BatchProgress({ dialog }: { dialog: FlowDialog }) {
  if (dialog.drafts.length < 2) {
    return null;
  }
  return (
    <ol className="batch-progress" aria-label="Transactions">
      {dialog.drafts.map((draft, index) => (
        <li key={draft.draftId} aria-current={index === dialog.current ? 'step' : undefined}>
          {draft.summary} · {dialog.progress[draft.draftId]?.stage ?? 'prepared'}
        </li>
      ))}
    </ol>
  );
}

function FlowForm({ dialog }: { dialog: FlowDialog }) {
  const { kind, target } = dialog;
  switch (kind) {
    case 'createStake':
      return <CreateStakeForm target={target} />;
    case 'stakeAcross':
      return <StakeAcrossForm target={target} />;
    case 'withdrawMany':
      return <WithdrawManyForm target={target} />;
    case 'delegate':
    case 'deactivate':
    case 'withdraw':
    case 'split':
    case 'merge':
    case 'authorize':
    case 'redelegate':
      return <AccountActionForm kind={kind} target={target} />;
  }
}
