import { describe, expect, it } from 'vitest';

import { explorerTransactionUrl } from '../../../src/main/api/stake/explorer-link';
import { isAllowedExternalUrl } from '../../../src/main/external-links';

const signature =
  '5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW';

describe('explorerTransactionUrl', () => {
  it.each([
    ['mainnet-beta', `https://explorer.solana.com/tx/${signature}`],
    ['devnet', `https://explorer.solana.com/tx/${signature}?cluster=devnet`],
    ['testnet', `https://explorer.solana.com/tx/${signature}?cluster=testnet`],
    [
      'localnet',
      `https://explorer.solana.com/tx/${signature}?cluster=custom&customUrl=http%3A%2F%2F127.0.0.1%3A8899`,
    ],
  ] as const)('links %s', (cluster, expected) => {
    const url = explorerTransactionUrl(cluster, 'http://127.0.0.1:8899', signature);
    expect(url).toBe(expected);
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it('encodes a custom endpoint with a query', () => {
    const url = new URL(
      explorerTransactionUrl('custom', 'https://rpc.example/?api-key=a&b=c', signature),
    );
    expect(url.searchParams.get('customUrl')).toBe('https://rpc.example/?api-key=a&b=c');
  });
});
