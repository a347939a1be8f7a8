import { describe, expect, it } from 'vitest';

import { discoverAccounts } from '../../../src/main/ledger/account-discovery';
import type { DerivationScheme, DiscoveryProgress } from '../../../src/shared/domain/ledger';
import { WalletError } from '../../../src/shared/errors';

/** Labels each (scheme, index) with a readable stand-in for an address. */
const addressOf = (scheme: DerivationScheme, index: number): string => `${scheme}#${index}`;
const deriveAddress = (scheme: DerivationScheme, index: number): Promise<string> =>
  Promise.resolve(addressOf(scheme, index));

describe('discoverAccounts', () => {
  it('stops a scheme after 10 unused accounts in a row', async () => {
    const used = new Set(['bip44#0', 'bip44#3']);
    const checked: string[] = [];

    await discoverAccounts(deriveAddress, {
      schemes: ['bip44'],
      isUsed: (address) => {
        checked.push(address);
        return Promise.resolve(used.has(address));
      },
    });

    // Index 3 is the last used one, so 4..13 are the ten unused that end the search.
    expect(checked).toHaveLength(14);
    expect(checked.at(-1)).toBe('bip44#13');
  });

  it('labels accounts with scheme, index and path', async () => {
    const used = new Set(['root#0', 'bip44#1', 'bip44-change#0']);

    const accounts = await discoverAccounts(deriveAddress, {
      isUsed: (address) => Promise.resolve(used.has(address)),
    });

    expect(accounts).toEqual([
      { scheme: 'root', index: 0, path: "44'/501'", address: 'root#0' },
      { scheme: 'bip44', index: 1, path: "44'/501'/1'", address: 'bip44#1' },
      { scheme: 'bip44-change', index: 0, path: "44'/501'/0'/0'", address: 'bip44-change#0' },
    ]);
  });

  it('checks the root scheme once', async () => {
    const checked: string[] = [];

    await discoverAccounts(deriveAddress, {
      schemes: ['root'],
      isUsed: (address) => {
        checked.push(address);
        return Promise.resolve(true);
      },
    });

    expect(checked).toEqual(['root#0']);
  });

  it('reports progress for every account checked', async () => {
    const progress: DiscoveryProgress[] = [];

    await discoverAccounts(deriveAddress, {
      schemes: ['bip44'],
      gapLimit: 2,
      isUsed: (address) => Promise.resolve(address === 'bip44#0'),
      onProgress: (event) => progress.push(event),
    });

    expect(progress).toEqual([
      {
        scheme: 'bip44',
        index: 0,
        path: "44'/501'/0'",
        address: 'bip44#0',
        used: true,
        consecutiveUnused: 0,
        accountsChecked: 1,
        accountsFound: 1,
      },
      {
        scheme: 'bip44',
        index: 1,
        path: "44'/501'/1'",
        address: 'bip44#1',
        used: false,
        consecutiveUnused: 1,
        accountsChecked: 2,
        accountsFound: 1,
      },
      {
        scheme: 'bip44',
        index: 2,
        path: "44'/501'/2'",
        address: 'bip44#2',
        used: false,
        consecutiveUnused: 2,
        accountsChecked: 3,
        accountsFound: 1,
      },
    ]);
  });

  it('stops with CANCELLED when aborted', async () => {
    const controller = new AbortController();

    const discovery = discoverAccounts(deriveAddress, {
      signal: controller.signal,
      isUsed: (address) => {
        if (address === 'bip44#2') {
          controller.abort();
        }
        return Promise.resolve(true);
      },
    });

    await expect(discovery).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(discovery).rejects.toBeInstanceOf(WalletError);
  });
});
