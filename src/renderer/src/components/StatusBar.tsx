import { useEffect, useState } from 'react';

import type { AppInfo } from '../../../shared/contract/app';
import { call } from '../bridge/wallet';
import { useErrors } from '../stores/errors';
import { NetworkStatusIndicator } from './chain/NetworkStatusIndicator';
import { DeviceStatus } from './ledger/DeviceStatus';

/** Always-visible strip with the state of the Ledger and of the network. */
export function StatusBar() {
  const [info, setInfo] = useState<AppInfo | undefined>();

  useEffect(() => {
    call('getAppInfo', {}).then(setInfo, (error: unknown) => useErrors.getState().show(error));
  }, []);

  return (
    <header className="status-bar" aria-label="Status">
      <span className="status-item" data-testid="host-status">
        {info === undefined ? 'Starting…' : `Version ${info.version}`}
        {info?.demo === true && <span className="badge">Demo: emulated Ledger, local chain</span>}
      </span>
      <DeviceStatus />
      <NetworkStatusIndicator />
    </header>
  );
}
