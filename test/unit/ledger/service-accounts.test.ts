import { PublicKey } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { derivationPathOf } from '../../../src/main/ledger/derivation';
import type { DerivationScheme } from '../../../src/shared/domain/ledger';
import {
  OK,
  SPECULOS_ADDRESSES,
  SPECULOS_KEYS,
  getPubkeyRequest,
  solanaStateSteps,
} from '../../support/ledger-replay/recordings';
import { ReplayTransport, type ReplayStep } from '../../support/ledger-replay/replay-transport';
import {
  startReplayService,
  type ReplayHarness,
} from '../../support/ledger-replay/start-replay-service';

let harness: ReplayHarness;

beforeEach(() => {
  vi.useFakeTimers();
  harness = startReplayService();
});

afterEach(() => {
  harness.service.stop();
  vi.useRealTimers();
});

async function attach(steps: ReplayStep[]): Promise<ReplayTransport> {
  const transport = new ReplayTransport(steps);
  harness.provider.attach('hid-1', transport);
  await vi.advanceTimersByTimeAsync(0);
  return transport;
}

/** Builds a distinct stand-in key per path, for scans where real keys do not matter. */
function keyFor(path: string): string {
  return Buffer.alloc(32, path.length * 7 + path.charCodeAt(path.length - 2)).toString('hex');
}

function addressOfKey(hexKey: string): string {
  return new PublicKey(Buffer.from(hexKey, 'hex')).toBase58();
}

describe('LedgerService derivation', () => {
  it.each([
    ['root', 0, "44'/501'"],
    ['bip44', 0, "44'/501'/0'"],
    ['bip44', 1, "44'/501'/1'"],
    ['bip44-change', 0, "44'/501'/0'/0'"],
    ['bip44', 11111, "44'/501'/11111'"],
  ] as const)('derives %s #%i at %s', async (scheme, index, path) => {
    const transport = await attach([
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      { request: getPubkeyRequest(path), response: SPECULOS_KEYS[path] + OK },
    ]);

    const account = await harness.service.getAccount(scheme, index);

    expect(transport.mismatches).toEqual([]);
    expect(account).toEqual({ scheme, index, path, address: SPECULOS_ADDRESSES[path] });
  });

  it('sends the path bytes hw-app-solana recorded', async () => {
    const transport = await attach([
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      {
        request: 'e005000015058000002c800001f5800000008000000080000000',
        response: SPECULOS_KEYS["44'/501'/0'/0'/0'"] + OK,
      },
    ]);

    await harness.service.getAddress("44'/501'/0'/0'/0'");

    expect(transport.mismatches).toEqual([]);
  });
});

describe('LedgerService discovery', () => {
  /** Scripts the attach and scan state reads, then one GET_PUBKEY per account derived. */
  function discoverySteps(order: Array<[DerivationScheme, number]>): ReplayStep[] {
    return [
      ...solanaStateSteps(),
      ...solanaStateSteps(),
      ...order.map(([scheme, index]) => {
        const path = derivationPathOf(scheme, index);
        return { request: getPubkeyRequest(path), response: keyFor(path) + OK };
      }),
    ];
  }

  function range(scheme: DerivationScheme, count: number): Array<[DerivationScheme, number]> {
    return Array.from({ length: count }, (_, index) => [scheme, index]);
  }

  it('stops each scheme after 10 unused and labels accounts', async () => {
    const usedPaths = new Set(["44'/501'", "44'/501'/0'", "44'/501'/2'"]);
    const usedAddresses = new Set([...usedPaths].map((path) => addressOfKey(keyFor(path))));
    const transport = await attach(
      discoverySteps([['root', 0], ...range('bip44', 13), ...range('bip44-change', 10)]),
    );

    const accounts = await harness.service.discoverAccounts({
      isUsed: (address) => Promise.resolve(usedAddresses.has(address)),
    });

    expect(transport.mismatches).toEqual([]);
    expect(transport.remainingSteps).toBe(0);
    expect(accounts.map(({ scheme, index, path }) => ({ scheme, index, path }))).toEqual([
      { scheme: 'root', index: 0, path: "44'/501'" },
      { scheme: 'bip44', index: 0, path: "44'/501'/0'" },
      { scheme: 'bip44', index: 2, path: "44'/501'/2'" },
    ]);
    expect(harness.discovery).toHaveLength(24);
    expect(harness.discovery.at(-1)).toMatchObject({
      scheme: 'bip44-change',
      index: 9,
      consecutiveUnused: 10,
      accountsChecked: 24,
      accountsFound: 3,
    });
  });

  it('shows busy for the whole scan', async () => {
    await attach(
      discoverySteps([['root', 0], ...range('bip44', 10), ...range('bip44-change', 10)]),
    );

    await harness.service.discoverAccounts({ isUsed: () => Promise.resolve(false) });

    const statuses = harness.states.map((change) => change.state.status);
    expect(statuses).toEqual(['busy', 'solana-app', 'busy', 'solana-app']);
  });

  it('stops on abort between accounts', async () => {
    const controller = new AbortController();
    const transport = await attach(discoverySteps([['root', 0], ...range('bip44', 3)]));

    const discovery = harness.service.discoverAccounts({
      signal: controller.signal,
      isUsed: (address) => {
        if (address === addressOfKey(keyFor("44'/501'/2'"))) {
          controller.abort();
        }
        return Promise.resolve(true);
      },
    });

    await expect(discovery).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(transport.remainingSteps).toBe(0);
    expect(harness.service.getState().status).toBe('solana-app');
  });
});
