import { join } from 'node:path';

import type { Logger } from 'pino';
import type { z } from 'zod';

import type { StoreEvent } from '../../shared/domain/store';
import { WalletError } from '../../shared/errors';
import type { KeyedQueue } from './fs/keyed-queue';

/** State shared by every part of the store: the data folder, the logger and the write queue. */
export interface StoreContext {
  /** Absolute path of the data folder. */
  directory: string;
  logger: Logger;
  queue: KeyedQueue;
  now(): Date;
  emit(event: StoreEvent): void;
}

/** Absolute path of a file given relative to the data folder with forward slashes. */
export function resolveStorePath(context: StoreContext, relativePath: string): string {
  return join(context.directory, ...relativePath.split('/'));
}

/**
 * Names a file-system failure by its code (ENOSPC, EACCES) only: Node's messages carry
 * absolute paths, which contain the user's name on most systems.
 */
export function describeFileError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ?? error.name;
  }
  return 'unknown error';
}

export function toWriteFailed(file: string, error: unknown): WalletError<'STORE_WRITE_FAILED'> {
  return new WalletError(
    'STORE_WRITE_FAILED',
    { file, reason: describeFileError(error) },
    `could not write ${file}: ${describeFileError(error)}`,
    { cause: error },
  );
}

export function toInvalidRecord(
  file: string,
  error: z.ZodError,
): WalletError<'STORE_INVALID_RECORD'> {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const summary = first === undefined ? 'invalid value' : `${first.path}: ${first.message}`;
  return new WalletError(
    'STORE_INVALID_RECORD',
    { file, issues },
    `refused to write ${file}: ${summary}`,
  );
}

/** Formats a time for file names: ISO 8601 without the colons that Windows rejects. */
export function formatFileTime(time: Date): string {
  return time.toISOString().replace(/:/g, '-');
}
