import { useState } from 'react';

import type { StakeDraft } from '../../../shared/contract/stake';
import { formatSol } from '../components/chain/amounts';
import { DeviceScreenList } from '../components/ledger/DeviceScreenList';
import { InstructionList } from '../components/ledger/InstructionList';
import { describeDeviceReview, describeWarning } from '../../../shared/text/review-text';

/**
 * Everything to read before signing one draft: what it does, the checks main ran (warnings
 * first), the balance changes, the fee and the screens the Ledger will show. A withdrawer
 * change must be acknowledged before the sign button works.
 */
export function DraftReview({
  draft,
  onSign,
  signLabel,
}: {
  draft: StakeDraft;
  onSign: () => void;
  signLabel: string;
}) {
  const { review } = draft;
  const labels = new Map(review.addresses.map((entry) => [entry.address, entry.label]));
  const name = (address: string) => labels.get(address) ?? address;
  const warnings = draft.checks.filter((check) => check.outcome === 'warning');
  // Each instruction yields its own review warnings, and a change of both authorities to the
  // same key would repeat one sentence. So each distinct sentence is shown once.
  const reviewWarnings = [
    ...new Set(review.warnings.map((warning) => describeWarning(warning, name))),
  ];
  const passed = draft.checks.filter((check) => check.outcome === 'passed');
  const needsConsent = draft.checks.some((check) => check.check === 'withdrawerChange');
  const [consent, setConsent] = useState(false);
  const screens = review.device.outcome === 'refused' ? [] : review.device.screens;

  return (
    <section className="draft-review" aria-label="Review">
      <h3>{draft.summary}</h3>
      {warnings.length + reviewWarnings.length > 0 && (
        <ul className="flow-warnings" aria-label="Warnings">
          {warnings.map((check, index) => (
            <li key={`${check.check}-${index}`} className="notice" data-check={check.check}>
              {check.text}
            </li>
          ))}
          {reviewWarnings.map((text) => (
            <li key={text} className="notice">
              {text}
            </li>
          ))}
        </ul>
      )}

      <h4>What it does</h4>
      <InstructionList review={review} />

      <h4>Balance changes</h4>
      <table className="balance-changes">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Before</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {draft.simulation.balanceChanges.map((change) => (
            <tr key={change.address}>
              <td>
                {change.label ?? ''} <span className="mono">{change.address}</span>
              </td>
              <td>{change.beforeLamports === null ? 'new' : formatSol(change.beforeLamports)}</td>
              <td data-sign={change.changeLamports.startsWith('-') ? 'out' : 'in'}>
                {change.changeLamports.startsWith('-') ? '−' : '+'}
                {formatSol(change.changeLamports.replace('-', ''))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="fields summary">
        <div>
          <dt>Fee</dt>
          <dd>{formatSol(draft.feeLamports)}</dd>
        </div>
        <div>
          <dt>Valid until block height</dt>
          <dd>
            {draft.expiresAtBlockHeight.toLocaleString('en-US')} (about a minute from now; a block
            height, not a slot number)
          </dd>
        </div>
        <div>
          <dt>Simulation</dt>
          <dd>
            Succeeded
            {draft.simulation.unitsConsumed !== null &&
              `, ${draft.simulation.unitsConsumed.toLocaleString('en-US')} compute units`}
          </dd>
        </div>
      </dl>

      <details>
        <summary>Checks passed ({passed.length})</summary>
        <ul>
          {passed.map((check, index) => (
            <li key={`${check.check}-${index}`}>{check.text}</li>
          ))}
        </ul>
      </details>

      <h4>On your Ledger</h4>
      <p>{describeDeviceReview(review.device)}</p>
      <DeviceScreenList screens={screens} label="Screens on your Ledger, in order" />

      {needsConsent && (
        <label className="checkbox consent">
          <input
            type="checkbox"
            checked={consent}
            onChange={(event) => setConsent(event.target.checked)}
          />
          I understand that this Ledger account loses control of this stake account.
        </label>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={needsConsent && !consent}
          onClick={onSign}
        >
          {signLabel}
        </button>
      </div>
    </section>
  );
}
