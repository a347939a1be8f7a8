import type { ChainCheck } from '../../../../shared/contract/ledger';
import { describeChainCheck } from '../../../../shared/text/chain-check-text';

const toneClass = {
  ok: 'notice ok',
  blocked: 'inline-error',
  unchecked: 'notice',
} as const;

/** Shows the result of the cluster check of the reviewed transaction, with its slot. */
export function ChainCheckNotice({ check }: { check: ChainCheck }) {
  const text = describeChainCheck(check);
  return (
    <div
      id="chain-check"
      className={toneClass[text.tone]}
      role={text.tone === 'blocked' ? 'alert' : 'status'}
      data-testid="chain-check"
      data-outcome={check.outcome}
    >
      <strong>{text.title}</strong>
      {text.details.map((detail) => (
        <p key={detail}>{detail}</p>
      ))}
      {text.signingNote !== null && <p>{text.signingNote}</p>}
      {check.outcome === 'failed' && check.logs.length > 0 && (
        <details>
          <summary>Program log</summary>
          <pre className="mono chain-check-logs">{check.logs.join('\n')}</pre>
        </details>
      )}
    </div>
  );
}
