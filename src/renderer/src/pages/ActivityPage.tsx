import { useEffect, useState } from 'react';

import { PageHeader } from '../components/PageHeader';
import { AuditLogTable } from '../components/offline/AuditLogTable';
import { ImportDialog } from '../components/offline/ImportDialog';
import { NonceAccounts } from '../components/offline/NonceAccounts';
import { PendingQueue } from '../components/offline/PendingQueue';
import { QueueSigningDialog } from '../components/offline/QueueSigningDialog';
import '../components/offline/offline.css';
import { hasBridge } from '../bridge/wallet';
import { followOffline, useOffline } from '../stores/offline';

/**
 * Activity: the send-later queue, the durable nonce accounts, transaction files for
 * air-gapped signing, and the audit log of every signature request with its CSV exports.
 */
export function ActivityPage() {
  const signing = useOffline((state) => state.signing);
  const busy = useOffline((state) => state.busy);
  const { exportAuditCsv, exportRewardsCsv } = useOffline.getState();
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    if (!hasBridge()) {
      return undefined;
    }
    const stop = followOffline();
    const state = useOffline.getState();
    void state.loadQueue();
    void state.loadConnection();
    void state.loadNonces(true);
    void state.loadAudit();
    return stop;
  }, []);

  return (
    <>
      <PageHeader title="Activity">
        <button type="button" onClick={() => setImporting(true)}>
          Import transaction file
        </button>
        <button
          type="button"
          onClick={() => void exportAuditCsv()}
          disabled={busy.includes('audit-csv')}
        >
          Export audit log (CSV)
        </button>
        <button
          type="button"
          onClick={() => void exportRewardsCsv()}
          disabled={busy.includes('rewards-csv')}
        >
          Export rewards (CSV)
        </button>
      </PageHeader>
      <PendingQueue />
      <NonceAccounts />
      <AuditLogTable />
      {signing !== undefined && <QueueSigningDialog signing={signing} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </>
  );
}
