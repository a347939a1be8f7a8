import { useEffect, useRef, type SyntheticEvent } from 'react';

import { useSigning, type SigningPrompt as Prompt } from '../../stores/signing';
import { CopyField } from './CopyField';
import { DeviceScreenList } from './DeviceScreenList';
import { InlineError } from './InlineError';

function isWaiting(prompt: Prompt): boolean {
  switch (prompt.stage.kind) {
    case 'starting':
    case 'requested':
    case 'awaiting-person':
      return true;
    case 'signed':
    case 'cancelled':
    case 'failed':
      return false;
  }
}

/**
 * Modal prompt from "Sign with Ledger" until the device returns: the screens to expect,
 * "Confirm on your Ledger", a Cancel button, then the signature or the error.
 */
export function SigningPrompt({ prompt, messageHash }: { prompt: Prompt; messageHash: string }) {
  const cancel = useSigning((state) => state.cancel);
  const close = useSigning((state) => state.closePrompt);
  const dialog = useRef<HTMLDialogElement>(null);
  const waiting = isWaiting(prompt);

  useEffect(() => {
    const element = dialog.current;
    // The dialog leaves the page when closed, so focus must be returned to its opener by hand.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element !== null && !element.open) {
      element.showModal();
    }
    return () => {
      element?.close();
      if (opener?.isConnected === true) {
        opener.focus();
      }
    };
  }, []);

  // Escape cancels the signing while it waits and closes the prompt afterwards.
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    if (waiting) {
      void cancel();
    } else {
      close();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="signing-prompt"
      aria-labelledby="signing-title"
      onCancel={onCancel}
    >
      <h2 id="signing-title">Sign with Ledger</h2>
      <PromptBody prompt={prompt} messageHash={messageHash} />
      <div className="button-row">
        {waiting ? (
          <button type="button" onClick={() => void cancel()}>
            Cancel signing
          </button>
        ) : (
          <button type="button" className="primary" onClick={close}>
            Close
          </button>
        )}
      </div>
    </dialog>
  );
}

function PromptBody({ prompt, messageHash }: { prompt: Prompt; messageHash: string }) {
  const screens = (
    <DeviceScreenList screens={prompt.screens} label="Screens on your Ledger, in order" />
  );
  const blindNote = prompt.blindSigning && (
    <p className="notice">
      Blind signing: the Ledger cannot show the instructions, only the message hash. Check that it
      reads <span className="mono">{messageHash}</span>.
    </p>
  );

  switch (prompt.stage.kind) {
    case 'starting':
    case 'requested':
      return (
        <>
          <p role="status">Sending the transaction to your Ledger…</p>
          {blindNote}
          {screens}
        </>
      );
    case 'awaiting-person':
      return (
        <>
          <p role="status" className="prompt-callout">
            Confirm on your Ledger
          </p>
          <p>
            Step through the screens on the device and compare each one with this list. Approve only
            if every screen matches.
          </p>
          {blindNote}
          {screens}
        </>
      );
    case 'signed':
      return (
        <>
          <p role="status" className="notice ok">
            Signed. The signature is verified against your account and this exact transaction.
            Nothing has been sent to the network.
          </p>
          <CopyField label="Signature" value={prompt.stage.result.signature} rows={2} />
          <CopyField
            label="Signed transaction (base64)"
            value={prompt.stage.result.signedTransactionBase64}
            rows={5}
          />
          <CopyField
            label="Signed transaction (base58)"
            value={prompt.stage.result.signedTransactionBase58}
            rows={5}
          />
        </>
      );
    case 'cancelled':
      return (
        <p role="status">
          Signing cancelled. Nothing was signed. If your Ledger still shows the transaction, reject
          it there.
        </p>
      );
    case 'failed':
      return <InlineError error={prompt.stage.error} />;
  }
}
