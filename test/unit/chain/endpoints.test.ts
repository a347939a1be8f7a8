import { describe, expect, it } from 'vitest';

import {
  createClusterConfig,
  parseEndpoint,
  redactEndpointUrl,
} from '../../../src/main/chain/rpc/endpoints';
import { WalletError } from '../../../src/shared/errors';

describe('parseEndpoint', () => {
  it('accepts https', () => {
    expect(parseEndpoint('https://api.devnet.solana.com')).toEqual({
      url: 'https://api.devnet.solana.com',
      insecure: false,
    });
  });

  it('accepts plain http on this machine', () => {
    expect(parseEndpoint('http://127.0.0.1:8899').insecure).toBe(false);
    expect(parseEndpoint('http://localhost:8899').insecure).toBe(false);
  });

  it('flags plain http to a remote host', () => {
    expect(parseEndpoint('http://rpc.example.com').insecure).toBe(true);
  });

  it('rejects other schemes', () => {
    expect(() => parseEndpoint('ws://rpc.example.com')).toThrow(WalletError);
    expect(() => parseEndpoint('not a url')).toThrow(/not a valid URL/);
  });
});

describe('createClusterConfig', () => {
  it('uses the defaults of a public cluster', () => {
    expect(createClusterConfig('devnet').endpoints.map((endpoint) => endpoint.url)).toEqual([
      'https://api.devnet.solana.com',
    ]);
  });

  it('keeps the given order and drops duplicates', () => {
    const config = createClusterConfig('custom', [
      'https://a.example',
      'https://b.example',
      'https://a.example',
    ]);

    expect(config.endpoints.map((endpoint) => endpoint.url)).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it('rejects a custom cluster without endpoints', () => {
    expect(() => createClusterConfig('custom')).toThrow(/at least one RPC endpoint/);
  });
});

describe('redactEndpointUrl', () => {
  it('hides paths, queries and credentials', () => {
    expect(redactEndpointUrl('https://x.example/abc123token')).toBe('https://x.example/…');
    expect(redactEndpointUrl('https://x.example/?api-key=1')).toBe('https://x.example/…');
    expect(redactEndpointUrl('https://user:pw@x.example')).toBe('https://x.example/…');
    expect(redactEndpointUrl('https://x.example')).toBe('https://x.example');
  });
});
