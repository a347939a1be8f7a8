import { afterEach, describe, expect, it } from 'vitest';

import type { DerivationScheme } from '../../../src/shared/domain/ledger';
import { startEmulatorHarness, type EmulatorHarness } from './emulator-harness';
import type { EmulatorFraming } from '../../support/emulated-ledger/emulator-provider';

/** Addresses of the Speculos mnemonic, from the reference derivation table. */
const VECTORS: Array<[DerivationScheme, number, string, string]> = [
  ['root', 0, "44'/501'", '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9'],
  ['bip44', 0, "44'/501'/0'", '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH'],
  ['bip44', 1, "44'/501'/1'", '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ'],
  ['bip44-change', 0, "44'/501'/0'/0'", 'EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV'],
  ['bip44', 11111, "44'/501'/11111'", 'AxmUF3qkdz1zs151Q5WttVMkFpFGQPwghZs4d1mwY55d'],
];

const framings: EmulatorFraming[] = ['apdu', 'hid'];

describe.each(framings)('LedgerService accounts over %s framing', (framing) => {
  let harness: EmulatorHarness;

  afterEach(() => {
    harness.stop();
  });

  it('reads the Solana app state on attach', async () => {
    harness = startEmulatorHarness({ framing });

    const state = await harness.waitForState((candidate) => candidate.status !== 'busy');

    expect(state).toEqual({
      status: 'solana-app',
      version: '1.9.0',
      blindSigningEnabled: false,
      pubkeyDisplay: 'long',
    });
  });

  it.each(VECTORS)('derives %s #%i at %s', async (scheme, index, path, address) => {
    harness = startEmulatorHarness({ framing });

    const account = await harness.service.getAccount(scheme, index);

    expect(account).toEqual({ scheme, index, path, address });
  });

  it('derives a five-element path', async () => {
    harness = startEmulatorHarness({ framing });

    const address = await harness.service.getAddress("44'/501'/0'/0'/0'");

    expect(address).toBe('6D8GtWkKJgToM5UoiByHqjQCCC9Dq1Hh7iNmU4jKSs12');
  });

  it('discovers used accounts under every scheme', async () => {
    harness = startEmulatorHarness({ framing });
    const used = new Set([
      '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9',
      '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ',
      'EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV',
    ]);
    const checked: string[] = [];

    const accounts = await harness.service.discoverAccounts({
      isUsed: (address) => {
        checked.push(address);
        return Promise.resolve(used.has(address));
      },
    });

    expect(accounts).toEqual([
      {
        scheme: 'root',
        index: 0,
        path: "44'/501'",
        address: '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9',
      },
      {
        scheme: 'bip44',
        index: 1,
        path: "44'/501'/1'",
        address: '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ',
      },
      {
        scheme: 'bip44-change',
        index: 0,
        path: "44'/501'/0'/0'",
        address: 'EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV',
      },
    ]);
    // root 1, bip44 0..11 (used at 1, then 10 unused), bip44-change 0..10.
    expect(checked).toHaveLength(1 + 12 + 11);
  });

  it('verifies an address the person approves', async () => {
    harness = startEmulatorHarness({ framing }, { person: { kind: 'review-and-approve' } });

    await expect(harness.service.verifyAddress("44'/501'/0'")).resolves.toBe(true);
  });

  it('returns false for an address the person rejects', async () => {
    harness = startEmulatorHarness({ framing }, { person: { kind: 'reject' } });

    await expect(harness.service.verifyAddress("44'/501'/0'")).resolves.toBe(false);
  });

  it('reads a 7-byte configuration reply', async () => {
    harness = startEmulatorHarness(
      { framing },
      {
        settings: {
          version: '1.16.0',
          blindSigning: true,
          pubkeyDisplay: 'short',
          transactionCheck: { optIn: true, enabled: false },
        },
      },
    );

    const state = await harness.waitForState((candidate) => candidate.status !== 'busy');

    expect(state).toEqual({
      status: 'solana-app',
      version: '1.16.0',
      blindSigningEnabled: true,
      pubkeyDisplay: 'short',
    });
  });
});
