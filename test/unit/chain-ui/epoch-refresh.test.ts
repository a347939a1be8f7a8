import { describe, expect, it } from 'vitest';

import type { NetworkStatus, PortfolioState } from '../../../src/shared/contract/chain';
import { findEpochToRefresh } from '../../../src/renderer/src/stores/epoch-refresh';

function status(overrides: Partial<NetworkStatus> = {}): NetworkStatus {
  return {
    cluster: 'localnet',
    endpoints: [],
    defaultEndpoints: false,
    connection: 'online',
    servedBy: 'http://127.0.0.1:8899',
    slot: 900,
    epoch: 6,
    lastSuccessAt: '2025-01-31T12:00:00.000Z',
    lastCheckedAt: '2025-01-31T12:00:00.000Z',
    lastError: null,
    ...overrides,
  };
}

function portfolio(epoch: number, overrides: Partial<PortfolioState> = {}): PortfolioState {
  return {
    cluster: 'localnet',
    snapshot: {
      meta: {
        cluster: 'localnet',
        endpoint: 'http://127.0.0.1:8899',
        slot: 500,
        epoch,
        fetchedAt: '2025-01-31T11:59:00.000Z',
      },
      owners: [],
      stakeAccounts: [],
      summary: {
        accountCount: 0,
        staleCount: 0,
        countByState: { inactive: 0, activating: 0, active: 0, deactivating: 0 },
        lamports: '0',
        effective: '0',
        activating: '0',
        deactivating: '0',
        inactive: '0',
        withdrawable: '0',
        oldestDataSlot: null,
      },
      totals: {
        total: '0',
        available: '0',
        staked: '0',
        effective: '0',
        activating: '0',
        deactivating: '0',
        inactive: '0',
        withdrawable: '0',
      },
      rewards: null,
      undecodable: [],
      warnings: [],
    },
    ageSeconds: 60,
    needsRefresh: false,
    refreshing: false,
    lastRefresh: { kind: 'none' },
    ...overrides,
  };
}

describe('findEpochToRefresh', () => {
  it('returns a newer epoch', () => {
    expect(findEpochToRefresh(status(), portfolio(5), null)).toBe(6);
  });

  it('skips the snapshot epoch', () => {
    expect(findEpochToRefresh(status(), portfolio(6), null)).toBeNull();
  });

  it('refreshes once per epoch', () => {
    expect(findEpochToRefresh(status(), portfolio(5), 6)).toBeNull();
    expect(findEpochToRefresh(status({ epoch: 7 }), portfolio(5), 6)).toBe(7);
  });

  it('refreshes after a cluster switch', () => {
    const devnetEpoch = 800;

    expect(findEpochToRefresh(status(), portfolio(5), devnetEpoch)).toBe(6);
  });

  it('waits while offline', () => {
    expect(findEpochToRefresh(status({ connection: 'offline' }), portfolio(5), null)).toBeNull();
    expect(findEpochToRefresh(status({ epoch: null }), portfolio(5), null)).toBeNull();
  });

  it('waits for a running refresh', () => {
    expect(findEpochToRefresh(status(), portfolio(5, { refreshing: true }), null)).toBeNull();
  });

  it('ignores another cluster', () => {
    expect(findEpochToRefresh(status({ cluster: 'devnet' }), portfolio(5), null)).toBeNull();
  });

  it('leaves a missing snapshot to the page', () => {
    expect(findEpochToRefresh(status(), portfolio(5, { snapshot: null }), null)).toBeNull();
    expect(findEpochToRefresh(undefined, portfolio(5), null)).toBeNull();
    expect(findEpochToRefresh(status(), undefined, null)).toBeNull();
  });
});
