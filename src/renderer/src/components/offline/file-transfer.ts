import type { ExportedFile } from '../../../../shared/contract/offline';

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
