import { useRef, useState, type ChangeEvent } from 'react';

import {
  MAX_FILE_BYTES,
  readTransactionFileBytes,
} from '../../../../shared/text/transaction-file-reading';

/** "Open file" button that puts a transaction file's content into the review text. */
export function TransactionFileOpener({ onText }: { onText: (text: string) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clearing the value lets the person open the same file again after editing it.
    input.value = '';
    if (file === undefined) {
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setProblem(
        `${file.name} is ${file.size} bytes, too large for one transaction. Choose a file with one transaction.`,
      );
      return;
    }
    try {
      const reading = readTransactionFileBytes(file.name, new Uint8Array(await file.arrayBuffer()));
      if (reading.kind === 'problem') {
        setProblem(reading.message);
        return;
      }
      setProblem(null);
      onText(reading.text);
    } catch (error) {
      setProblem(
        `Reading ${file.name} failed (${error instanceof Error ? error.message : String(error)}). Check the file and try again.`,
      );
    }
  };

  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()}>
        Open file…
      </button>
      <input
        ref={inputRef}
        type="file"
        hidden
        aria-label="Transaction file"
        accept=".txt,.b64,.b58,.bin,.tx,text/plain,application/octet-stream"
        onChange={(event) => void open(event)}
      />
      {problem !== null && (
        <p className="inline-error" role="alert">
          {problem} Nothing was loaded, so the text and any review below are still the earlier ones.
        </p>
      )}
    </>
  );
}
