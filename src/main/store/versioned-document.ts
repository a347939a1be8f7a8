import { copyFile } from 'node:fs/promises';

import { z } from 'zod';

import type { SetAsideReason } from '../../shared/domain/store';
import { writeFileAtomic } from './fs/durable-file';
import { readTextFile } from './fs/read-text';
import { setAsideFile } from './fs/set-aside';
import {
  describeFileError,
  resolveStorePath,
  toInvalidRecord,
  toWriteFailed,
  type StoreContext,
} from './store-context';

/**
 * Turns a whole file of version `from` into a whole file of version `from + 1`, throwing
 * when the input does not match the old layout.
 */
export interface Migration {
  from: number;
  migrate(file: unknown): unknown;
}

/** One JSON file of the store: where it lives, its current layout, and how to upgrade. */
export interface DocumentSpec<T> {
  /** Path relative to the data folder, with forward slashes. */
  file: string;
  version: number;
  /** Schema of the `data` field. Its input and output types are equal, so it checks JSON as is. */
  schema: z.ZodType<T, T>;
  migrations: readonly Migration[];
}

export type DocumentReadResult<T> =
  | { status: 'ok'; value: T; migratedFrom: number | null }
  | { status: 'missing' }
  | { status: 'setAside'; setAsideAs: string };

type DecodeResult<T> =
  | { ok: true; value: T; migratedFrom: number | null }
  | { ok: false; reason: SetAsideReason; detail: string };

/**
 * Reads a document, upgrading an older layout and rewriting it in the current one. A file
 * that cannot be used is moved aside and reported as such, and the caller rebuilds it.
 */
export async function readDocument<T>(
  context: StoreContext,
  spec: DocumentSpec<T>,
): Promise<DocumentReadResult<T>> {
  const read = await readTextFile(resolveStorePath(context, spec.file));
  if (read.kind === 'missing') {
    return { status: 'missing' };
  }

  const decoded =
    read.kind === 'unreadable'
      ? { ok: false as const, reason: 'unreadable' as const, detail: read.detail }
      : decodeDocument(read.text, spec);
  if (!decoded.ok) {
    const setAsideAs = await setAsideFile(context, spec.file, decoded.reason, decoded.detail);
    return { status: 'setAside', setAsideAs };
  }

  if (decoded.migratedFrom !== null) {
    await keepMigrationBackup(context, spec.file, decoded.migratedFrom);
    await writeDocument(context, spec, decoded.value);
    context.logger.info(
      { file: spec.file, from: decoded.migratedFrom, to: spec.version },
      'migrated a store file to the current layout',
    );
  }
  return { status: 'ok', value: decoded.value, migratedFrom: decoded.migratedFrom };
}

/** Validates and atomically writes a document, one writer at a time per file. */
export async function writeDocument<T>(
  context: StoreContext,
  spec: DocumentSpec<T>,
  value: T,
): Promise<void> {
  const checked = spec.schema.safeParse(value);
  if (!checked.success) {
    throw toInvalidRecord(spec.file, checked.error);
  }

  const text = `${JSON.stringify({ schemaVersion: spec.version, data: checked.data }, null, 2)}\n`;
  const path = resolveStorePath(context, spec.file);
  try {
    await context.queue.run(path, () => writeFileAtomic(path, text));
  } catch (error) {
    context.logger.error({ file: spec.file, reason: describeFileError(error) }, 'write failed');
    throw toWriteFailed(spec.file, error);
  }
}

/** Parses, upgrades and validates a document's text without touching the disk. */
export function decodeDocument<T>(text: string, spec: DocumentSpec<T>): DecodeResult<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'not JSON';
    return { ok: false, reason: 'invalidJson', detail };
  }

  const versionCheck = z.object({ schemaVersion: z.int().positive() }).safeParse(parsed);
  if (!versionCheck.success) {
    return { ok: false, reason: 'invalidSchema', detail: 'schemaVersion is missing or invalid' };
  }
  const originalVersion = versionCheck.data.schemaVersion;
  if (originalVersion > spec.version) {
    return {
      ok: false,
      reason: 'unsupportedVersion',
      detail: `version ${originalVersion} is newer than the supported ${spec.version}`,
    };
  }

  let current = parsed;
  for (let version = originalVersion; version < spec.version; version += 1) {
    const migration = spec.migrations.find((candidate) => candidate.from === version);
    if (migration === undefined) {
      return {
        ok: false,
        reason: 'unsupportedVersion',
        detail: `no migration from version ${version}`,
      };
    }
    try {
      current = migration.migrate(current);
    } catch (error) {
      const detail = error instanceof z.ZodError ? summarizeIssues(error) : 'migration failed';
      return { ok: false, reason: 'invalidSchema', detail: `version ${version}: ${detail}` };
    }
  }

  const envelope = z.strictObject({ schemaVersion: z.literal(spec.version), data: spec.schema });
  const checked = envelope.safeParse(current);
  if (!checked.success) {
    return { ok: false, reason: 'invalidSchema', detail: summarizeIssues(checked.error) };
  }
  return {
    ok: true,
    value: checked.data.data,
    migratedFrom: originalVersion === spec.version ? null : originalVersion,
  };
}

async function keepMigrationBackup(
  context: StoreContext,
  file: string,
  version: number,
): Promise<void> {
  // A copy of the old layout lets a person go back to an older app version by hand.
  try {
    await copyFile(
      resolveStorePath(context, file),
      resolveStorePath(context, `${file}.v${version}`),
    );
  } catch (error) {
    context.logger.warn(
      { file, reason: describeFileError(error) },
      'could not keep a copy of the file before migrating it',
    );
  }
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
