import { Connection } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { WalletError } from '../../../src/shared/errors';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { removeDataDir, startChainApp, type ChainApp } from './support/chain-app';

let localnet: Localnet;
let app: ChainApp;

beforeEach(async () => {
  localnet = await startLocalnet();
  app = await startChainApp({ urls: [localnet.url] });
});

afterEach(async () => {
  await app.close();
  await removeDataDir(app.dataDir);
  await localnet.close();
});

async function expectWalletError(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WalletError);
  expect((error as WalletError).code).toBe(code);
}

describe('getNetworkStatus', () => {
  it('is unknown before any request', async () => {
    const status = await app.call('getNetworkStatus', { check: false });

    expect(status.cluster).toBe('localnet');
    expect(status.connection).toBe('unknown');
    expect(status.endpoints).toEqual([{ url: localnet.url, insecure: false }]);
    expect(status.defaultEndpoints).toBe(false);
  });

  it('reads the slot when checking', async () => {
    const status = await app.call('getNetworkStatus', { check: true });

    const epochInfo = await new Connection(localnet.url, 'confirmed').getEpochInfo();
    expect(status.connection).toBe('online');
    expect(status.epoch).toBe(epochInfo.epoch);
    expect(status.slot).toBeLessThanOrEqual(epochInfo.absoluteSlot);
    expect(status.servedBy).toBe(localnet.url);
    expect(status.lastSuccessAt).not.toBeNull();
    expect(app.eventsOf('networkStatusChanged').at(-1)).toEqual(status);
  });

  it('turns offline and keeps the last success', async () => {
    const online = await app.call('getNetworkStatus', { check: true });
    localnet.setServingMode({ kind: 'offline' });

    const offline = await app.call('getNetworkStatus', { check: true });

    expect(offline.connection).toBe('offline');
    expect(offline.lastSuccessAt).toBe(online.lastSuccessAt);
    expect(offline.slot).toBe(online.slot);
    expect(offline.lastError?.code).toBe('RPC_UNAVAILABLE');
  });
});

describe('cluster settings', () => {
  it('switches cluster and resets the status', async () => {
    await app.call('getNetworkStatus', { check: true });

    const status = await app.call('setCluster', { cluster: 'devnet' });

    expect(status.cluster).toBe('devnet');
    expect(status.connection).toBe('unknown');
    expect(status.defaultEndpoints).toBe(true);
    expect((await app.call('getSettings', {})).cluster).toBe('devnet');
  });

  it('rejects a custom cluster without endpoints', async () => {
    await expectWalletError(app.call('setCluster', { cluster: 'custom' }), 'RPC_ENDPOINT_INVALID');

    expect((await app.call('getSettings', {})).cluster).toBe('localnet');
  });

  it('replaces endpoints in order', async () => {
    const urls = ['http://127.0.0.1:1', localnet.url];

    const result = await app.call('setEndpoints', { cluster: 'localnet', urls });

    expect(result.endpoints.map((endpoint) => endpoint.url)).toEqual(urls);
    expect((await app.call('getSettings', {})).endpoints.localnet).toEqual(urls);
    const status = await app.call('getNetworkStatus', { check: true });
    expect(status.connection).toBe('online');
    expect(status.servedBy).toBe(localnet.url);
  });

  it('restores built-in endpoints from an empty list', async () => {
    const result = await app.call('setEndpoints', { cluster: 'devnet', urls: [] });

    expect(result.defaultEndpoints).toBe(true);
    expect(result.endpoints).toEqual([{ url: 'https://api.devnet.solana.com', insecure: false }]);
  });

  it('rejects duplicate endpoints', async () => {
    await expectWalletError(
      app.call('setEndpoints', { cluster: 'localnet', urls: [localnet.url, localnet.url] }),
      'INVALID_REQUEST',
    );
  });

  it('rejects a non-HTTP endpoint', async () => {
    await expectWalletError(
      app.call('setEndpoints', { cluster: 'localnet', urls: ['ftp://127.0.0.1/'] }),
      'INVALID_REQUEST',
    );
  });

  it('keeps the current custom cluster usable', async () => {
    await app.call('setEndpoints', { cluster: 'custom', urls: [localnet.url] });
    await app.call('setCluster', { cluster: 'custom' });

    await expectWalletError(
      app.call('setEndpoints', { cluster: 'custom', urls: [] }),
      'RPC_ENDPOINT_INVALID',
    );
  });
});

describe('testEndpoint', () => {
  it('describes a working endpoint', async () => {
    const check = await app.call('testEndpoint', { url: localnet.url, cluster: 'localnet' });

    expect(check.url).toBe(localnet.url);
    expect(check.knownCluster).toBeNull();
    expect(check.warnings).toEqual([]);
    expect(check.slot).toBeGreaterThan(0);
    expect(check.version).not.toBe('');
  });

  it('fails for an endpoint that is down', async () => {
    localnet.setServingMode({ kind: 'offline' });

    await expectWalletError(
      app.call('testEndpoint', { url: localnet.url, cluster: 'localnet' }),
      'RPC_UNAVAILABLE',
    );
  });
});
