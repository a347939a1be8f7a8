import { rename } from 'node:fs/promises';

import {
  auditHeadSchema,
  auditLineSchema,
  storeFileVersions,
  type AuditChainBreak,
  type AuditEntry,
  type AuditHead,
  type AuditLine,
  type AuditSignatureRequest,
  type AuditStatusUpdate,
} from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import { appendLineDurably, syncDirectory, truncateDurably } from '../fs/durable-file';
import { readTextFile } from '../fs/read-text';
import { chooseSetAsideName } from '../fs/set-aside';
import { storeLayout } from '../layout';
import {
  describeFileError,
  resolveStorePath,
  toInvalidRecord,
  toWriteFailed,
  type StoreContext,
} from '../store-context';
import { decodeDocument, writeDocument, type DocumentSpec } from '../versioned-document';
import { genesisHash, hashAuditLine, verifyAuditChain, type HeadState } from './audit-chain';

export type AuditSignatureRequestInput = Omit<AuditSignatureRequest, 'kind' | 'time'>;
export type AuditStatusUpdateInput = Omit<AuditStatusUpdate, 'kind' | 'time'>;

/** Result of reading the log: the lines that verified, and the first break if any. */
export interface AuditLogReport {
  lines: AuditLine[];
  chainBreak: AuditChainBreak | null;
}

const headSpec: DocumentSpec<AuditHead> = {
  file: storeLayout.auditHead,
  version: storeFileVersions.auditHead,
  schema: auditHeadSchema,
  migrations: [],
};

/**
 * The append-only, hash-chained audit log of signature requests. Lines are appended and
 * flushed one at a time. After each append the head file (line count and last hash) is
 * replaced atomically, so lines cut from the end are caught as well. Status changes are
 * new lines that refer to an earlier request by its sequence number.
 *
 * NOTE: the chain has no secret, so someone who can write the data folder can rebuild the
 * whole chain and head after editing it. It catches damage and careless edits, not a
 * determined local attacker.
 */
export class AuditLogService {
  private count = 0;
  private lastHash = genesisHash;
  private bytes = 0;
  private headBehind = false;
  private readonly requestSeqs = new Set<number>();
  private opened = false;

  constructor(private readonly context: StoreContext) {}

  /**
   * Verifies the log. A log that fails is moved aside with its head, and a new log starts
   * with a line that names the old file and the break, so the evidence stays in the chain.
   */
  async open(): Promise<AuditLogReport> {
    const { text, verification } = await this.readAndVerify();

    if (verification.ok) {
      this.adopt(verification.lines, verification.lastHash, verification.completeBytes);
      if (verification.partialTail) {
        this.context.logger.warn(
          { line: verification.lines.length + 1 },
          'audit log ends in a partial line from an interrupted append; dropping it',
        );
        await truncateDurably(this.logPath(), verification.completeBytes);
      }
      this.headBehind = verification.headBehind;
      this.opened = true;
      await this.writeHeadIfBehind();
      return { lines: verification.lines, chainBreak: null };
    }

    const chainBreak = verification.chainBreak;
    const setAsideAs = await this.setAsideBrokenLog(text !== null);
    this.context.logger.error(
      { setAsideAs, chainBreak },
      'audit log failed verification; moved it aside and started a new log',
    );
    this.context.emit({ type: 'auditLogBroken', setAsideAs, chainBreak });

    this.opened = true;
    await this.appendEntry({
      kind: 'logRestarted',
      time: this.context.now().toISOString(),
      previousLog: setAsideAs,
      chainBreak,
    });
    return { lines: verification.validLines, chainBreak };
  }

  async appendSignatureRequest(input: AuditSignatureRequestInput): Promise<AuditLine> {
    return this.appendEntry({
      kind: 'signatureRequest',
      time: this.context.now().toISOString(),
      ...input,
    });
  }

  /** Records a later send status of an earlier signature request, as a new line. */
  async appendStatusUpdate(input: AuditStatusUpdateInput): Promise<AuditLine> {
    return this.appendEntry({
      kind: 'statusUpdate',
      time: this.context.now().toISOString(),
      ...input,
    });
  }

  /** Reads the files again and verifies them, without changing anything on disk. */
  async verify(): Promise<AuditLogReport> {
    this.assertOpen();
    await this.context.queue.drain();
    const { verification } = await this.readAndVerify();
    return verification.ok
      ? { lines: verification.lines, chainBreak: null }
      : { lines: verification.validLines, chainBreak: verification.chainBreak };
  }

  private async appendEntry(entry: AuditEntry): Promise<AuditLine> {
    this.assertOpen();
    return this.context.queue.run(this.logPath(), async () => {
      if (entry.kind === 'statusUpdate' && !this.requestSeqs.has(entry.refersTo)) {
        throw new WalletError('AUDIT_ENTRY_NOT_FOUND', { seq: entry.refersTo });
      }
      const checked = auditLineSchema.safeParse({
        v: storeFileVersions.auditLine,
        seq: this.count,
        prevHash: this.lastHash,
        entry,
      });
      if (!checked.success) {
        throw toInvalidRecord(storeLayout.auditLog, checked.error);
      }

      // Two lines beyond the head would read as tampering, so the head catches up first.
      await this.writeHeadIfBehind();
      const text = JSON.stringify(checked.data);
      try {
        this.bytes = await appendLineDurably(this.logPath(), text, this.bytes);
      } catch (error) {
        this.context.logger.error({ reason: describeFileError(error) }, 'audit append failed');
        throw toWriteFailed(storeLayout.auditLog, error);
      }

      this.count += 1;
      this.lastHash = hashAuditLine(text);
      if (entry.kind === 'signatureRequest') {
        this.requestSeqs.add(checked.data.seq);
      }
      this.headBehind = true;
      await this.writeHeadIfBehind().catch((error: unknown) => {
        // The line is flushed, so the next append writes the head before its own line.
        this.context.logger.error({ err: error }, 'audit head write failed after an append');
      });
      return checked.data;
    });
  }

  private async writeHeadIfBehind(): Promise<void> {
    if (!this.headBehind) {
      return;
    }
    await writeDocument(this.context, headSpec, { count: this.count, lastHash: this.lastHash });
    this.headBehind = false;
  }

  private adopt(lines: AuditLine[], lastHash: string, bytes: number): void {
    this.count = lines.length;
    this.lastHash = lastHash;
    this.bytes = bytes;
    this.requestSeqs.clear();
    for (const line of lines) {
      if (line.entry.kind === 'signatureRequest') {
        this.requestSeqs.add(line.seq);
      }
    }
  }

  private async readAndVerify() {
    const logRead = await readTextFile(this.logPath());
    const headState = await this.readHead();
    let text: string | null;
    switch (logRead.kind) {
      case 'missing':
        text = null;
        break;
      case 'text':
        text = logRead.text;
        break;
      case 'unreadable':
        return {
          text: '',
          verification: {
            ok: false as const,
            chainBreak: { line: 1, reason: 'unparseable' as const, detail: logRead.detail },
            validLines: [],
          },
        };
    }
    return { text, verification: verifyAuditChain(text ?? '', headState) };
  }

  private async readHead(): Promise<HeadState> {
    const read = await readTextFile(resolveStorePath(this.context, headSpec.file));
    switch (read.kind) {
      case 'missing':
        return { kind: 'missing' };
      case 'unreadable':
        return { kind: 'damaged', detail: read.detail };
      case 'text': {
        const decoded = decodeDocument(read.text, headSpec);
        return decoded.ok
          ? { kind: 'present', head: decoded.value }
          : { kind: 'damaged', detail: decoded.detail };
      }
    }
  }

  /** Moves the log and its head to `.corrupt-<time>` names and returns the log's new name. */
  private async setAsideBrokenLog(logExists: boolean): Promise<string> {
    const setAsideAs = await chooseSetAsideName(this.context, storeLayout.auditLog);
    const moves: [string, string][] = [
      [storeLayout.auditHead, await chooseSetAsideName(this.context, storeLayout.auditHead)],
    ];
    if (logExists) {
      moves.unshift([storeLayout.auditLog, setAsideAs]);
    }

    for (const [from, to] of moves) {
      try {
        await rename(resolveStorePath(this.context, from), resolveStorePath(this.context, to));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw toWriteFailed(from, error);
        }
      }
    }
    await syncDirectory(resolveStorePath(this.context, storeLayout.auditFolder));
    this.adopt([], genesisHash, 0);
    return setAsideAs;
  }

  private logPath(): string {
    return resolveStorePath(this.context, storeLayout.auditLog);
  }

  private assertOpen(): void {
    if (!this.opened) {
      throw new WalletError('STORE_NOT_OPEN', {});
    }
  }
}
