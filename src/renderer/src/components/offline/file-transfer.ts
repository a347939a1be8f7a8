import type { ExportedFile } from '../../../../shared/contract/offline';
import { MAX_TRANSACTION_FILE_BYTES } from '../../../../shared/contract/offline';

/**
 * Offers a file from main for download. The page builds it from content, so the desktop app
 * and the browser host save files the same way.
 */
export function downloadFile(file: ExportedFile): void {
  const blob = new Blob([file.content], { type: file.mediaType });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.click();
  // Revoke after the click has been handled, so the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Result of reading a chosen file: its text, or why it cannot be imported. */
export type ReadFileResult = { ok: true; content: string } | { ok: false; reason: string };

/**
 * Reads a chosen transaction file as text, rejecting empty files and files larger than main
 * accepts.
 */
export async function readTransactionFile(file: File): Promise<ReadFileResult> {
  if (file.size > MAX_TRANSACTION_FILE_BYTES) {
    return {
      ok: false,
      reason: `${file.name} has ${file.size} bytes; a transaction file has at most ${MAX_TRANSACTION_FILE_BYTES}.`,
    };
  }
  const content = await file.text();
  if (content.trim() === '') {
    return {
      ok: false,
      reason: `${file.name} is empty. Choose the .json file that Export signed or Export to sign elsewhere saved.`,
    };
  }
  return { ok: true, content };
}
