import type { AuditLine } from '../../../shared/domain/store';
import { formatCsv, type CsvCell } from './csv-format';

const header = [
  'seq',
  'time',
  'kind',
  'cluster',
  'account',
  'derivation_path',
  'message_sha256',
  'pending_transaction_id',
  'review_summary',
  'device_screens',
  'outcome',
  'error_code',
  'signature',
  'send_status',
  'slot',
  'refers_to',
  'reason',
  'prev_hash',
] as const;

/** Formats audit lines as CSV, one row per line. Multi-line fields keep their line breaks. */
export function formatAuditCsv(lines: readonly AuditLine[]): string {
  return formatCsv(header, lines.map(toRow));
}

function toRow(line: AuditLine): CsvCell[] {
  const entry = line.entry;
  const common = { seq: line.seq, time: entry.time, prevHash: line.prevHash };

  switch (entry.kind) {
    case 'signatureRequest':
      return [
        common.seq,
        common.time,
        entry.kind,
        entry.cluster,
        entry.account,
        entry.derivationPath,
        entry.messageSha256,
        entry.pendingTransactionId,
        entry.reviewSummary.join('\n'),
        entry.deviceScreens.map((screen) => `${screen.title}: ${screen.value}`).join('\n'),
        entry.outcome,
        entry.errorCode,
        entry.signature,
        entry.sendStatus,
        entry.slot,
        null,
        null,
        common.prevHash,
      ];
    case 'statusUpdate':
      return [
        common.seq,
        common.time,
        entry.kind,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        entry.sendStatus,
        entry.slot,
        entry.refersTo,
        entry.reason,
        common.prevHash,
      ];
    case 'logRestarted':
      return [
        common.seq,
        common.time,
        entry.kind,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        `${entry.chainBreak.detail} (previous log: ${entry.previousLog})`,
        common.prevHash,
      ];
  }
}
