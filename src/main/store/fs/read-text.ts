import { readFile } from 'node:fs/promises';

import { describeFileError } from '../store-context';

export type TextReadResult =
  { kind: 'missing' } | { kind: 'text'; text: string } | { kind: 'unreadable'; detail: string };

/** Reads a UTF-8 file, telling a missing file apart from one that exists but cannot be read. */
export async function readTextFile(path: string): Promise<TextReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { kind: 'missing' };
    }
    return { kind: 'unreadable', detail: `read failed with ${describeFileError(error)}` };
  }

  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'unreadable', detail: 'the file is not valid UTF-8' };
  }
}
