import type { StakeDraft, StakeFlowValidity } from '../../../shared/contract/stake';
import { DeviceScreenList } from '../components/ledger/DeviceScreenList';
import type { DraftProgress } from '../stores/stake-flow';

/** Seconds per block, an estimate for the countdown: a Solana slot is about 400 ms. */
const SECONDS_PER_BLOCK = 0.4;

/**
 * Shows what happens to a draft after "Sign with Ledger": the request to the device, the
 * prompt to confirm there with the screens to compare, then sending and confirming, with the
 * time left before the transaction expires.
 */
export function DevicePrompt({
  draft,
  progress,
  validity,
  onCancel,
}: {
  draft: StakeDraft;
  progress: DraftProgress;
  validity: StakeFlowValidity | null;
  onCancel: () => void;
}) {
  const screens = draft.review.device.outcome === 'refused' ? [] : draft.review.device.screens;
  const atDevice = progress.stage === 'requested' || progress.stage === 'awaiting-person';

  return (
    <section className="device-prompt" aria-label="Signing">
      <p
        role="status"
        className={progress.stage === 'awaiting-person' ? 'prompt-callout' : undefined}
      >
        {stageText(progress.stage)}
      </p>
      {progress.stage === 'signed' && validity !== null && validity.blocksRemaining > 0 ? (
        <p className="notice" data-testid="blockhash-rejected">
          The network no longer accepts this transaction&apos;s blockhash, but the transaction could
          still land until block height {validity.lastValidBlockHeight.toLocaleString('en-US')}. The
          app keeps checking, and reports it as expired once it can no longer land.
        </p>
      ) : (
        validity !== null && <Countdown validity={validity} />
      )}
      {atDevice && (
        <>
          <p>
            Step through the screens on the device and compare each one with this list. Approve only
            if every screen matches.
          </p>
          <DeviceScreenList screens={screens} label="Screens on your Ledger, in order" />
          <div className="button-row">
            <button type="button" onClick={onCancel}>
              Cancel signing
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Countdown({ validity }: { validity: StakeFlowValidity }) {
  if (validity.blocksRemaining <= 0) {
    return (
      <p className="notice" data-testid="validity">
        The transaction&apos;s blockhash has expired. If you approve now, the app first checks
        whether it landed, and otherwise asks you before building a new one.
      </p>
    );
  }
  const seconds = Math.round(validity.blocksRemaining * SECONDS_PER_BLOCK);
  return (
    <p className="field-hint" data-testid="validity">
      Valid for {validity.blocksRemaining} more blocks, about {seconds} seconds.
    </p>
  );
}

function stageText(stage: DraftProgress['stage']): string {
  switch (stage) {
    case 'prepared':
    case 'requested':
      return 'Sending the transaction to your Ledger…';
    case 'awaiting-person':
      return 'Confirm on your Ledger';
    case 'signed':
      return 'Signed and verified. Sending…';
    case 'sent':
      return 'Sent. Waiting for the cluster to confirm it…';
    case 'confirmed':
      return 'Confirmed.';
    case 'finalized':
      return 'Finalized.';
    case 'expired':
      return 'Expired without landing.';
    case 'failed':
      return 'Failed.';
  }
}
