import type { AuditRestart, AuditRow } from '../../../shared/contract/offline';
import type { AuditLine } from '../../../shared/domain/store';

/**
 * Folds the audit log into one row per signature request, newest first. Each status update
 * line replaces the send status, slot and reason of the request it refers to, in log order.
 */
export function buildAuditRows(lines: readonly AuditLine[]): AuditRow[] {
  const rows = new Map<number, AuditRow>();

  for (const line of lines) {
    const entry = line.entry;
    switch (entry.kind) {
      case 'signatureRequest':
        rows.set(line.seq, {
          seq: line.seq,
          time: entry.time,
          cluster: entry.cluster,
          account: entry.account,
          derivationPath: entry.derivationPath,
          messageSha256: entry.messageSha256,
          pendingTransactionId: entry.pendingTransactionId,
          reviewSummary: entry.reviewSummary,
          deviceScreens: entry.deviceScreens,
          outcome: entry.outcome,
          errorCode: entry.errorCode,
          signature: entry.signature,
          sendStatus: entry.sendStatus,
          slot: entry.slot,
          statusReason: null,
          statusTime: null,
        });
        break;
      case 'statusUpdate': {
        const row = rows.get(entry.refersTo);
        if (row !== undefined) {
          rows.set(entry.refersTo, {
            ...row,
            sendStatus: entry.sendStatus,
            slot: entry.slot ?? row.slot,
            statusReason: entry.reason,
            statusTime: entry.time,
          });
        }
        break;
      }
      case 'logRestarted':
        break;
    }
  }

  return [...rows.values()].sort((left, right) => right.seq - left.seq);
}

/** Lists the places where the app found the log damaged at start and began a new one. */
export function listAuditRestarts(lines: readonly AuditLine[]): AuditRestart[] {
  return lines.flatMap((line) =>
    line.entry.kind === 'logRestarted'
      ? [
          {
            seq: line.seq,
            time: line.entry.time,
            previousLog: line.entry.previousLog,
            chainBreak: line.entry.chainBreak,
          },
        ]
      : [],
  );
}
