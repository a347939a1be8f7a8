import { useEffect, useRef, useState } from 'react';

import type { ImportResult } from '../../../../shared/contract/offline';
import { useOffline } from '../../stores/offline';
import { TransactionReviewView } from '../ledger/TransactionReviewView';
import { readTransactionFile } from './file-reading';
import { describeSignedImport, describeStatus } from './status-text';

/**
 * Import of a transaction file. An unsigned file from another machine is reviewed and signed
 * here, and the signed file downloads to carry back. A signed file joins the send queue.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const imported = useOffline((state) => state.imported);
  const importError = useOffline((state) => state.importError);
  const { importFile, closeImport } = useOffline.getState();
  const [readError, setReadError] = useState<string | undefined>(undefined);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) {
      element.showModal();
    }
    return () => element?.close();
  }, []);

  const close = () => {
    closeImport();
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="signing-prompt wide"
      aria-labelledby="import-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id="import-title">Import a transaction file</h2>
      <label>
        Transaction file (.json)
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            setReadError(undefined);
            if (file === undefined) {
              return;
            }
            void readTransactionFile(file).then((read) => {
              if (read.ok) {
                void importFile(read.content);
              } else {
                setReadError(read.reason);
              }
            });
          }}
        />
      </label>
      {readError !== undefined && (
        <p className="notice danger" role="alert">
          {readError}
        </p>
      )}
      {importError !== undefined && (
        <p className="notice danger" role="alert">
          {importError.title}. {importError.nextStep}
          {importError.detail !== undefined && (
            <span className="detail"> {importError.detail}</span>
          )}
        </p>
      )}
      {imported !== undefined && <ImportedView imported={imported} />}
      <div className="button-row">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function ImportedView({ imported }: { imported: ImportResult }) {
  const signImported = useOffline((state) => state.signImported);

  switch (imported.kind) {
    case 'toSign':
      return (
        <>
          <p className="notice" role="status">
            {imported.intent.summary}, for the {imported.cluster} cluster, exported{' '}
            {new Date(imported.exportedAt).toLocaleString()}. After you sign, the signed file
            downloads; carry it back to the machine that sends it.
          </p>
          {!imported.reviewMatchesFile && (
            <p className="notice danger" role="alert">
              The review text in the file differs from the review rebuilt here from the transaction
              itself. Trust the review below, and ask why the file was changed.
            </p>
          )}
          <TransactionReviewView reviewed={imported.review} onSign={() => void signImported()} />
        </>
      );
    case 'signedQueued':
      return (
        <p className="notice ok" role="status">
          {describeSignedImport(imported.item, imported.matchedPending)}{' '}
          {imported.item.intent.summary}: {describeStatus(imported.item.status)}.
        </p>
      );
  }
}
