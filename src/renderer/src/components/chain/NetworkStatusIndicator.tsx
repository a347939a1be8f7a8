import { useEffect } from 'react';

import type { NetworkStatus } from '../../../../shared/contract/chain';
import { hasBridge } from '../../bridge/wallet';
import { followNetwork, useNetwork } from '../../stores/network';
import { useSettings } from '../../stores/settings';
import { formatAge, secondsSince } from './age';
import { clusterLabels } from './cluster-labels';
import { useNow } from './useNow';

/** Interval between the status bar's slot requests to the cluster. */
const CHECK_INTERVAL_MS = 30_000;

const tones: Record<NetworkStatus['connection'], string> = {
  online: 'ok',
  offline: 'danger',
  unknown: 'warning',
};

function describe(status: NetworkStatus, now: number): string {
  const cluster = clusterLabels[status.cluster];
  switch (status.connection) {
    case 'unknown':
      return `${cluster}: connecting…`;
    case 'online':
      return `${cluster}: online, slot ${status.slot?.toLocaleString('en-US') ?? '?'}, epoch ${status.epoch ?? '?'}`;
    case 'offline':
      return status.lastSuccessAt === null
        ? `${cluster}: offline, never reached`
        : `${cluster}: offline, last reached ${formatAge(secondsSince(status.lastSuccessAt, now))}`;
  }
}

/** Shows the cluster, whether it responds and its latest slot, checked every 30 seconds. */
export function NetworkStatusIndicator() {
  const status = useNetwork((state) => state.status);
  const load = useNetwork((state) => state.load);
  const settingsKey = useSettings((state) =>
    state.settings === undefined
      ? ''
      : JSON.stringify([state.settings.cluster, state.settings.endpoints[state.settings.cluster]]),
  );
  const now = useNow();

  useEffect(() => {
    if (!hasBridge()) {
      return undefined;
    }
    const stop = followNetwork();
    void load(true);
    const timer = window.setInterval(() => void load(true), CHECK_INTERVAL_MS);
    return () => {
      stop();
      window.clearInterval(timer);
    };
    // A new cluster or endpoint list starts a new check at once.
  }, [load, settingsKey]);

  if (status === undefined) {
    return null;
  }
  return (
    <span
      className="status-item network-status"
      role="status"
      data-testid="network-status"
      data-connection={status.connection}
      title={status.servedBy === null ? undefined : `Endpoint: ${status.servedBy}`}
    >
      <span className="status-dot" data-tone={tones[status.connection]} aria-hidden="true" />
      {describe(status, now)}
    </span>
  );
}
