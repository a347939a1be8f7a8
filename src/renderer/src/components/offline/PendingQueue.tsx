import type { PendingItem } from '../../../../shared/contract/offline';
import { useOffline } from '../../stores/offline';
import { describeLifetime, describeOfflineWait, describeStatus } from './status-text';

/**
 * Renders the send-later queue: every transaction the app prepared or imported, with its status and
 * only the actions the store's rules allow for that status.
 */
export function PendingQueue() {
  const items = useOffline((state) => state.items);
  const busy = useOffline((state) => state.busy);
  const sendAll = useOffline((state) => state.sendAll);
  const connection = useOffline((state) => state.connection);
  const sendable = items.filter((item) => item.actions.send).length;

  return (
    <section className="card offline-section" aria-labelledby="queue-heading">
      <div className="section-header">
        <h2 id="queue-heading">Send-later queue</h2>
        <button
          type="button"
          onClick={() => void sendAll()}
          disabled={sendable === 0 || busy.includes('all')}
          aria-busy={busy.includes('all')}
        >
          Send all signed ({sendable})
        </button>
      </div>
      {connection === 'offline' && sendable > 0 && (
        <p className="notice" role="status">
          {describeOfflineWait(sendable)}
        </p>
      )}
      {items.length === 0 ? (
        <p className="empty-state">No transactions are waiting to be signed or sent.</p>
      ) : (
        <ul className="queue-list" aria-label="Queued transactions">
          {items.map((item) => (
            <QueueRow key={item.id} item={item} waiting={busy.includes(item.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueRow({ item, waiting }: { item: PendingItem; waiting: boolean }) {
  const { reviewItem, sendItem, discardItem, exportItem } = useOffline.getState();
  const { actions } = item;
  const lifetime = describeLifetime(item);

  return (
    <li className="queue-item" aria-label={item.intent.summary} data-status={item.status.kind}>
      <div className="queue-summary">
        <strong>{item.intent.summary}</strong>
        <span className="badge" data-testid="queue-status">
          {describeStatus(item.status)}
        </span>
      </div>
      <dl className="fields">
        {lifetime !== null && (
          <div>
            <dt>Valid</dt>
            <dd>{lifetime}</dd>
          </div>
        )}
        <div>
          <dt>Signer</dt>
          <dd className="mono">
            {item.signer === null
              ? 'Not one of your accounts'
              : `${item.signerPath} ${item.signer}`}
          </dd>
        </div>
        {item.signature !== null && (
          <div>
            <dt>Signature</dt>
            <dd className="mono">{item.signature}</dd>
          </div>
        )}
        <div>
          <dt>Queued</dt>
          <dd>{new Date(item.createdAt).toLocaleString()}</dd>
        </div>
      </dl>
      <div className="button-row">
        {actions.sign && (
          <button
            type="button"
            className="primary"
            disabled={waiting}
            onClick={() => void reviewItem(item.id)}
          >
            Review and sign
          </button>
        )}
        {actions.send && (
          <button
            type="button"
            className="primary"
            disabled={waiting}
            onClick={() => void sendItem(item.id)}
          >
            Send now
          </button>
        )}
        {(actions.exportUnsigned || actions.exportSigned) && (
          <button type="button" disabled={waiting} onClick={() => void exportItem(item.id)}>
            {actions.exportUnsigned ? 'Export to sign elsewhere' : 'Export signed'}
          </button>
        )}
        {actions.discard && (
          <button type="button" disabled={waiting} onClick={() => void discardItem(item.id)}>
            Discard
          </button>
        )}
      </div>
    </li>
  );
}
