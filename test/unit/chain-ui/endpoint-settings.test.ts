import { describe, expect, it } from 'vitest';

import {
  describeClusterEndpoints,
  listEndpointWarnings,
  usesBuiltInEndpoints,
} from '../../../src/main/api/chain/endpoint-settings';
import { computeAgeSeconds } from '../../../src/main/api/chain/snapshot-state';
import { parseEndpoint } from '../../../src/main/chain/rpc/endpoints';
import { newEndpointUrlSchema } from '../../../src/shared/domain/settings';

describe('listEndpointWarnings', () => {
  it('warns about plain HTTP', () => {
    expect(listEndpointWarnings({ insecure: true, knownCluster: null }, 'custom')).toEqual([
      { kind: 'insecure-http' },
    ]);
  });

  it('warns about another public cluster', () => {
    expect(
      listEndpointWarnings({ insecure: false, knownCluster: 'devnet' }, 'mainnet-beta'),
    ).toEqual([{ kind: 'other-cluster', expected: 'mainnet-beta', actual: 'devnet' }]);
  });

  it('warns about a public cluster listed as local', () => {
    expect(listEndpointWarnings({ insecure: false, knownCluster: 'testnet' }, 'localnet')).toEqual([
      { kind: 'other-cluster', expected: 'localnet', actual: 'testnet' },
    ]);
  });

  it('accepts any chain for custom', () => {
    expect(listEndpointWarnings({ insecure: false, knownCluster: 'devnet' }, 'custom')).toEqual([]);
  });

  it('accepts the matching cluster', () => {
    expect(listEndpointWarnings({ insecure: false, knownCluster: 'devnet' }, 'devnet')).toEqual([]);
  });
});

describe('usesBuiltInEndpoints', () => {
  it.each([
    ['devnet', [], true],
    ['devnet', ['https://api.devnet.solana.com'], true],
    ['devnet', ['https://rpc.example'], false],
    ['devnet', ['https://api.devnet.solana.com', 'https://rpc.example'], false],
    ['custom', [], false],
  ] as const)('%s %j is %s', (cluster, urls, expected) => {
    expect(usesBuiltInEndpoints(cluster, urls)).toBe(expected);
  });
});

describe('describeClusterEndpoints', () => {
  it('marks insecure endpoints', () => {
    const described = describeClusterEndpoints('custom', [
      'http://rpc.example',
      'http://127.0.0.1:8899',
    ]);

    expect(described.endpoints).toEqual([
      { url: 'http://rpc.example', insecure: true },
      { url: 'http://127.0.0.1:8899', insecure: false },
    ]);
  });

  it('lists no endpoint for an empty custom cluster', () => {
    expect(describeClusterEndpoints('custom', []).endpoints).toEqual([]);
  });
});

describe('computeAgeSeconds', () => {
  it('counts whole seconds', () => {
    expect(
      computeAgeSeconds('2025-01-31T12:00:00.000Z', new Date('2025-01-31T12:01:05.900Z')),
    ).toBe(65);
  });

  it('reads a clock step back as zero', () => {
    expect(
      computeAgeSeconds('2025-01-31T12:00:00.000Z', new Date('2025-01-31T11:00:00.000Z')),
    ).toBe(0);
  });
});

describe('endpoint credentials', () => {
  it('rejects a user name or password in the address', () => {
    expect(newEndpointUrlSchema.safeParse('https://user:pw@rpc.example.com').success).toBe(false);
    expect(newEndpointUrlSchema.safeParse('https://rpc.example.com/?api-key=abc').success).toBe(
      true,
    );
    expect(() => parseEndpoint('https://user:pw@rpc.example.com')).toThrow(
      expect.objectContaining({ code: 'RPC_ENDPOINT_INVALID' }),
    );
  });

  it('keeps the password out of the error', () => {
    let message = '';
    try {
      parseEndpoint('https://user:secret@rpc.example.com');
    } catch (error) {
      message = String(error);
    }

    expect(message).not.toContain('secret');
  });
});
