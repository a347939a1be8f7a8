import { MAX_TRANSACTION_FILE_BYTES } from '../../../../shared/contract/offline';

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
