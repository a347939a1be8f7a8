import { createHash } from 'node:crypto';

import {
  auditLineSchema,
  type AuditChainBreak,
  type AuditHead,
  type AuditLine,
} from '../../../shared/domain/store';

/** prevHash of the first line, and lastHash of an empty log. */
export const genesisHash = '0'.repeat(64);

/** SHA-256 of a line's UTF-8 bytes, without its newline. */
export function hashAuditLine(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

/** Contents of the head file, or the reason it has none. */
export type HeadState =
  { kind: 'present'; head: AuditHead } | { kind: 'missing' } | { kind: 'damaged'; detail: string };

export type AuditVerification =
  | {
      ok: true;
      lines: AuditLine[];
      lastHash: string;
      /** Byte length of the complete lines. Anything after it is a partial line. */
      completeBytes: number;
      partialTail: boolean;
      /** True when the log contains one line more than the head, as a crash between writes leaves it. */
      headBehind: boolean;
    }
  | { ok: false; chainBreak: AuditChainBreak; validLines: AuditLine[] };

/**
 * Checks an audit log against its own hash chain and against the head file, and returns
 * the first place where they disagree. Each line carries the hash of the line before it,
 * so an edited, removed or reordered line breaks the chain at the line after it, and the
 * head file's count and last hash catch lines cut from the end.
 */
export function verifyAuditChain(text: string, headState: HeadState): AuditVerification {
  const segments = text.split('\n');
  const tail = segments.pop() ?? '';
  const validLines: AuditLine[] = [];
  const requestSeqs = new Set<number>();
  let previousHash = genesisHash;

  for (const [index, raw] of segments.entries()) {
    const lineNumber = index + 1;
    const failure = checkLine(raw, lineNumber, previousHash, requestSeqs);
    if ('chainBreak' in failure) {
      return { ok: false, chainBreak: failure.chainBreak, validLines };
    }
    validLines.push(failure.line);
    if (failure.line.entry.kind === 'signatureRequest') {
      requestSeqs.add(failure.line.seq);
    }
    previousHash = hashAuditLine(raw);
  }

  const headBreak = checkHead(headState, validLines.length, segments, tail !== '');
  if (headBreak !== null) {
    return { ok: false, chainBreak: headBreak, validLines };
  }

  const count = headState.kind === 'present' ? headState.head.count : 0;
  return {
    ok: true,
    lines: validLines,
    lastHash: previousHash,
    completeBytes: Buffer.byteLength(text, 'utf8') - Buffer.byteLength(tail, 'utf8'),
    partialTail: tail !== '',
    headBehind: validLines.length === count + 1,
  };
}

function checkLine(
  raw: string,
  lineNumber: number,
  previousHash: string,
  requestSeqs: ReadonlySet<number>,
): { line: AuditLine } | { chainBreak: AuditChainBreak } {
  const broken = (reason: AuditChainBreak['reason'], detail: string) => ({
    chainBreak: { line: lineNumber, reason, detail },
  });

  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return broken('unparseable', `line ${lineNumber} is not JSON`);
  }
  const checked = auditLineSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where =
      issue === undefined ? '' : `: ${issue.path.map(String).join('.')} ${issue.message}`;
    return broken('invalidEntry', `line ${lineNumber} is not a valid audit entry${where}`);
  }
  const line = checked.data;

  if (line.prevHash !== previousHash) {
    return broken(
      'previousHashMismatch',
      lineNumber === 1
        ? 'line 1 does not start the chain, so lines before it were removed'
        : `line ${lineNumber} does not follow line ${lineNumber - 1}: line ${lineNumber - 1} ` +
            'was changed, or lines between them were removed or reordered',
    );
  }
  if (line.seq !== lineNumber - 1) {
    return broken(
      'sequenceMismatch',
      `line ${lineNumber} has sequence number ${line.seq}, expected ${lineNumber - 1}`,
    );
  }
  if (line.entry.kind === 'statusUpdate' && !requestSeqs.has(line.entry.refersTo)) {
    return broken(
      'invalidEntry',
      `line ${lineNumber} updates entry ${line.entry.refersTo}, which is not an earlier signature request`,
    );
  }
  if (line.entry.kind === 'logRestarted' && line.seq !== 0) {
    return broken('invalidEntry', `line ${lineNumber} restarts the log but is not its first line`);
  }
  return { line };
}

function checkHead(
  headState: HeadState,
  lineCount: number,
  rawLines: readonly string[],
  partialTail: boolean,
): AuditChainBreak | null {
  switch (headState.kind) {
    case 'damaged':
      return { line: null, reason: 'headDamaged', detail: `head file: ${headState.detail}` };
    case 'missing':
      // A crash between the very first append and the first head write leaves one line.
      return lineCount <= 1
        ? null
        : {
            line: null,
            reason: 'headMissing',
            detail: `the head file is missing but the log holds ${lineCount} lines`,
          };
    case 'present':
      break;
  }

  const { count, lastHash } = headState.head;
  if (lineCount < count) {
    const cut = partialTail ? ' and ends in a partial line' : '';
    return {
      line: lineCount + 1,
      reason: 'truncated',
      detail: `the log ends after line ${lineCount}${cut} but the head file records ${count} lines`,
    };
  }
  if (lineCount > count + 1) {
    return {
      line: count + 2,
      reason: 'linesAfterHead',
      detail: `the head file records ${count} lines but the log holds ${lineCount}`,
    };
  }

  // With one extra line (a crash after the append, before the head write), the head must
  // match the line before it.
  const recorded = count === 0 ? genesisHash : hashAuditLine(rawLines[count - 1] ?? '');
  if (recorded !== lastHash) {
    return {
      line: count === 0 ? null : count,
      reason: 'headMismatch',
      detail: `line ${count} differs from the last line recorded in the head file`,
    };
  }
  return null;
}
