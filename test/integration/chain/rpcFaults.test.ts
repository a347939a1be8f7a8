import { Keypair } from '@solana/web3.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ChainService, createClusterConfig, testEndpoint } from '../../../src/main/chain';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { startFaultProxy, type Fault, type FaultProxy } from '../../support/fault-proxy';

const logger = pino({ level: 'silent' });

let localnet: Localnet;
let primary: FaultProxy;
let secondary: FaultProxy;

function createChain(): ChainService {
  return new ChainService({
    cluster: createClusterConfig('localnet', [primary.url, secondary.url]),
    logger,
    policy: { attemptsPerEndpoint: 3, baseDelayMs: 1, maxDelayMs: 5, requestTimeoutMs: 300 },
  });
}

beforeEach(async () => {
  localnet = await startLocalnet();
  primary = await startFaultProxy(localnet.url);
  secondary = await startFaultProxy(localnet.url);
});

afterEach(async () => {
  await primary.close();
  await secondary.close();
  await localnet.close();
});

describe('RPC faults through the proxy', () => {
  const transientFaults: [name: string, fault: Fault][] = [
    ['429 with Retry-After', { kind: 'rate-limit', retryAfterSeconds: 0 }],
    ['429 without Retry-After', { kind: 'rate-limit' }],
    ['HTTP 500', { kind: 'http-error', status: 500 }],
    ['HTTP 503', { kind: 'http-error', status: 503 }],
    ['a time-out', { kind: 'hang' }],
    ['malformed JSON', { kind: 'malformed-json' }],
    ['a truncated body', { kind: 'truncated-body' }],
  ];

  for (const [name, fault] of transientFaults) {
    it(`retries after ${name}`, async () => {
      const chain = createChain();
      primary.addRule({ method: 'getEpochInfo', times: 2, fault });

      const info = await chain.getEpochInfo();

      expect(info.epoch).toBeGreaterThan(0);
      expect(primary.count('getEpochInfo')).toBe(3);
      expect(secondary.count()).toBe(0);
      expect(chain.rpc.tally.count).toBe(3);
    });
  }

  it('fails over and stays on the healthy endpoint', async () => {
    const chain = createChain();
    primary.addRule({ fault: { kind: 'http-error', status: 502 } });

    await chain.getEpochInfo();
    await chain.getEpochInfo();

    expect(primary.count()).toBe(3);
    expect(secondary.count()).toBe(2);
    expect(chain.rpc.preferredEndpoint).toBe(secondary.url);
  });

  it('fails over on method not found', async () => {
    const chain = createChain();
    primary.addRule({
      method: 'getEpochInfo',
      fault: { kind: 'rpc-error', code: -32601, message: 'Method not found' },
    });

    await chain.getEpochInfo();

    expect(primary.count()).toBe(1);
    expect(secondary.count()).toBe(1);
  });

  it('reports every endpoint when all fail', async () => {
    const chain = createChain();
    primary.addRule({ fault: { kind: 'hang' } });
    secondary.addRule({ fault: { kind: 'rate-limit', retryAfterSeconds: 3_600 } });

    await expect(chain.getEpochInfo()).rejects.toMatchObject({
      code: 'RPC_UNAVAILABLE',
      context: {
        method: 'getEpochInfo',
        endpointsTried: [primary.url, secondary.url],
        lastCode: 'RPC_RATE_LIMITED',
      },
    });
    // A Retry-After of an hour moves on after one attempt instead of waiting.
    expect(secondary.count()).toBe(1);
  });

  it('counts requests like the proxy', async () => {
    const chain = createChain();
    primary.addRule({
      method: 'getMultipleAccounts',
      times: 1,
      fault: { kind: 'http-error', status: 500 },
    });

    const refresh = await chain.stakeAccounts.refresh([Keypair.generate().publicKey.toBase58()]);

    expect(refresh.requestCount).toBe(primary.count() + secondary.count());
    expect(chain.rpc.tally.count).toBe(primary.count() + secondary.count());
  });

  it('routes web3.js Connection requests through retries', async () => {
    const chain = createChain();
    const connection = chain.createConnection();
    primary.addRule({ method: 'getBalance', times: 1, fault: { kind: 'rate-limit' } });

    const balance = await connection.getBalance(localnet.faucet);

    expect(balance).toBeGreaterThan(0);
    expect(primary.count('getBalance')).toBe(2);
  });

  it('marks reward epochs pending or unavailable', async () => {
    const chain = createChain();
    const address = Keypair.generate().publicKey.toBase58();
    primary.addRule({
      method: 'getInflationReward',
      times: 1,
      fault: { kind: 'rpc-error', code: -32017, message: 'Epoch rewards period still active' },
    });
    primary.addRule({
      method: 'getInflationReward',
      times: 1,
      fault: { kind: 'rpc-error', code: -32004, message: 'Block not available for slot 64' },
    });

    const report = await chain.fetchRewards([address], 3);

    // The three epochs are requested concurrently, so which one gets which fault varies.
    const statuses = report.entries.map((entry) => entry.status);
    expect(statuses).toHaveLength(3);
    expect(statuses.filter((status) => status === 'pending')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'unavailable')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'none')).toHaveLength(1);
    expect(report.warnings.map((warning) => warning.code)).toEqual(['RPC_METHOD_ERROR']);
    expect(report.apr).toEqual([{ address, apr: null, epochsCounted: 0 }]);
  });

  it('tests an endpoint', async () => {
    const result = await testEndpoint(primary.url, { logger });

    expect(result.url).toBe(primary.url);
    expect(result.insecure).toBe(false);
    expect(result.version).toMatch(/^\d+\.\d+/);
    expect(result.genesisHash.length).toBeGreaterThan(30);
    expect(result.knownCluster).toBeNull();
    expect(result.slot).toBeGreaterThan(0);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('fails an endpoint test without retrying', async () => {
    primary.addRule({ fault: { kind: 'malformed-json' } });

    await expect(testEndpoint(primary.url, { logger })).rejects.toMatchObject({
      code: 'RPC_UNAVAILABLE',
      context: { lastCode: 'RPC_INVALID_RESPONSE' },
    });
    expect(primary.count()).toBe(1);
  });
});
