import { useMemo, useState } from 'react';

import type { AuditRow } from '../../../../shared/contract/offline';
import { useOffline } from '../../stores/offline';

const outcomes = ['all', 'approved', 'rejected', 'failed', 'cancelled', 'timedOut'] as const;

/** Returns true when the row contains the text in any field the table shows. */
function matchesText(row: AuditRow, text: string): boolean {
  if (text === '') {
    return true;
  }
  const haystack = [
    row.account,
    row.derivationPath,
    row.cluster,
    row.messageSha256,
    row.signature ?? '',
    row.sendStatus,
    ...row.reviewSummary,
    ...row.deviceScreens.map((screen) => `${screen.title} ${screen.value}`),
  ]
    .join(' ')
    .toLowerCase();
  return haystack.includes(text.toLowerCase());
}

/**
 * Renders every signature request in the audit log, newest first, filterable by text and outcome.
 * A clear warning comes first when the hash chain did not verify, because then the log may
 * have been edited.
 */
export function AuditLogTable() {
  const audit = useOffline((state) => state.audit);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<(typeof outcomes)[number]>('all');
  const rows = useMemo(
    () =>
      (audit?.rows ?? []).filter(
        (row) => (outcome === 'all' || row.outcome === outcome) && matchesText(row, text),
      ),
    [audit, text, outcome],
  );

  return (
    <section className="card offline-section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Signature requests</h2>
      {audit?.chainBreak != null && (
        <p className="notice danger" role="alert">
          The audit log failed verification at{' '}
          {audit.chainBreak.line === null ? 'its head file' : `line ${audit.chainBreak.line}`} (
          {audit.chainBreak.reason}): {audit.chainBreak.detail}. Entries after that point cannot be
          trusted.
        </p>
      )}
      {audit?.restarts.map((restart) => (
        <p key={restart.seq} className="notice danger" role="alert">
          On {new Date(restart.time).toLocaleString()} the audit log failed verification (
          {restart.chainBreak.reason}: {restart.chainBreak.detail}) and a new log was started. The
          old one was kept as {restart.previousLog}.
        </p>
      ))}
      <div className="filters">
        <label>
          Search
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Account, signature, hash or text"
          />
        </label>
        <label>
          Outcome
          <select
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as (typeof outcomes)[number])}
          >
            {outcomes.map((value) => (
              <option key={value} value={value}>
                {value === 'all' ? 'All outcomes' : value}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="empty-state">
          {audit === undefined || audit.rows.length === 0
            ? 'No signature requests yet.'
            : 'No request matches the filter.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Cluster</th>
                <th scope="col">Account and path</th>
                <th scope="col">Message SHA-256</th>
                <th scope="col">Review</th>
                <th scope="col">Device screens</th>
                <th scope="col">Outcome</th>
                <th scope="col">Signature</th>
                <th scope="col">Send status</th>
                <th scope="col">Slot</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <AuditTableRow key={row.seq} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AuditTableRow({ row }: { row: AuditRow }) {
  return (
    <tr>
      <td>{new Date(row.time).toLocaleString()}</td>
      <td>{row.cluster}</td>
      <td>
        <span className="mono">{row.account}</span>
        <br />
        {row.derivationPath}
      </td>
      <td className="mono">{row.messageSha256.slice(0, 16)}…</td>
      <td>
        <ul className="plain-list">
          {row.reviewSummary.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </td>
      <td>
        <ul className="plain-list">
          {row.deviceScreens.map((screen, index) => (
            <li key={index}>
              {screen.title}: <span className="mono">{screen.value}</span>
            </li>
          ))}
        </ul>
      </td>
      <td>
        {row.outcome}
        {row.errorCode !== null && ` (${row.errorCode})`}
      </td>
      <td className="mono">{row.signature ?? '—'}</td>
      <td>
        {row.sendStatus}
        {row.statusReason !== null && <div className="detail">{row.statusReason}</div>}
      </td>
      <td>{row.slot ?? '—'}</td>
    </tr>
  );
}
