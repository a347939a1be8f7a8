import type { RefreshOutcome } from '../../../../shared/contract/chain';
import type { ChainSnapshotMeta } from '../../../../shared/domain/chain';
import { errorText, type WalletErrorData } from '../../../../shared/errors';
import { formatAge, secondsSince } from './age';
import { useNow } from './useNow';

interface DataFreshnessProps {
  /** Name of the data in the button's label, such as "portfolio" or "validator list". */
  subject: string;
  meta: ChainSnapshotMeta | null;
  refreshing: boolean;
  lastRefresh: RefreshOutcome | undefined;
  /** Parts of the last refresh that failed while the rest was read. */
  warnings: readonly WalletErrorData[];
  onRefresh: () => void;
}

/**
 * Shows where and when the data on screen was read (slot, epoch, endpoint, age), offers a
 * refresh, and explains a failed refresh while the older data stays on screen.
 */
export function DataFreshness(props: DataFreshnessProps) {
  const { subject, meta, refreshing, lastRefresh, warnings, onRefresh } = props;
  const now = useNow();

  return (
    <section className="data-freshness" aria-label={`Freshness of the ${subject}`}>
      <div className="freshness-line">
        <p role="status" data-testid="data-age">
          {meta === null
            ? `No ${subject} has been read on this cluster yet.`
            : `Data from slot ${meta.slot.toLocaleString('en-US')}, epoch ${meta.epoch}, read ${formatAge(
                secondsSince(meta.fetchedAt, now),
              )} from ${meta.endpoint}.`}
        </p>
        <button
          type="button"
          className="primary"
          onClick={onRefresh}
          disabled={refreshing}
          aria-busy={refreshing}
        >
          {refreshing ? 'Refreshing…' : `Refresh ${subject}`}
        </button>
      </div>
      {lastRefresh?.kind === 'failed' && (
        <RefreshFailure error={lastRefresh.error} hasData={meta !== null} />
      )}
      {warnings.length > 0 && (
        <details className="notice">
          <summary>
            {warnings.length === 1
              ? 'One part could not be read, so its older values are shown.'
              : `${warnings.length} parts could not be read, so their older values are shown.`}
          </summary>
          <ul>
            {warnings.map((warning, index) => (
              <li key={`${warning.code}-${index}`}>
                {errorText[warning.code].title}. {warning.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function RefreshFailure({ error, hasData }: { error: WalletErrorData; hasData: boolean }) {
  const text = errorText[error.code];
  return (
    <div className="notice refresh-failure" role="alert" data-code={error.code}>
      <strong>Refresh failed: {text.title}.</strong>{' '}
      {hasData ? 'The last data read is shown with its age. ' : ''}
      {text.nextStep}
    </div>
  );
}
