import { useEffect, useRef } from 'react';

import type { QueueSigning } from '../../stores/offline';
import { useOffline } from '../../stores/offline';
import { DeviceScreenList } from '../ledger/DeviceScreenList';
import { TransactionReviewView } from '../ledger/TransactionReviewView';

/**
 * Dialog for a queued transaction: the review the person reads, then "Confirm on your
 * Ledger" while the device waits, then the result. The signed transaction stays in the queue.
 */
export function QueueSigningDialog({ signing }: { signing: QueueSigning }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { signReviewed, cancelSigning, closeSigning } = useOffline.getState();
  const device = signing.review.review.device;

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) {
      element.showModal();
    }
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="signing-prompt wide"
      aria-labelledby="queue-signing-title"
      onCancel={(event) => {
        event.preventDefault();
        if (signing.stage === 'signing') {
          void cancelSigning();
        } else {
          closeSigning();
        }
      }}
    >
      <h2 id="queue-signing-title">Sign a queued transaction</h2>
      {signing.stage === 'reviewing' && (
        <TransactionReviewView reviewed={signing.review} onSign={() => void signReviewed()} />
      )}
      {signing.stage === 'signing' && (
        <>
          <p className="notice" role="status">
            Confirm the transaction on your Ledger.
          </p>
          {device.outcome !== 'refused' && (
            <DeviceScreenList screens={device.screens} label="Screens on your Ledger, in order" />
          )}
        </>
      )}
      {signing.stage === 'signed' && (
        <p className="notice ok" role="status">
          Signed. It stays in the queue until you send it, or until the network is back.
        </p>
      )}
      {signing.stage === 'failed' && signing.error !== undefined && (
        <p className="notice danger" role="alert">
          {signing.error.title}. {signing.error.nextStep}
        </p>
      )}
      <div className="button-row">
        {signing.stage === 'signing' ? (
          <button type="button" onClick={() => void cancelSigning()}>
            Cancel signing
          </button>
        ) : (
          <button type="button" onClick={closeSigning}>
            Close
          </button>
        )}
      </div>
    </dialog>
  );
}
