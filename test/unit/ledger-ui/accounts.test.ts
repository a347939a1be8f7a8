import { afterEach, describe, expect, it } from 'vitest';

import { accountNameMessages } from '../../../src/shared/domain/account-name';
import type { AccountActivity } from '../../../src/main/api/ledger-handlers';
import { startLedgerHandlers, type LedgerHandlerHarness } from './support/ledger-handler-harness';

/** Addresses of the Speculos test seed, as the Solana app's public test vectors list them. */
const speculos = {
  root: '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9',
  account0: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
  account1: '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ',
  bip44Change0: 'EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV',
};

/** Another valid BIP-39 mnemonic, so the device derives other keys than the saved ones. */
const OTHER_MNEMONIC =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

let harness: LedgerHandlerHarness;

/** Chain activity whose first result the test returns by hand, to pause a search mid-way. */
class HeldActivity implements AccountActivity {
  resolveUsed: (used: boolean) => void = () => undefined;
  private onAsked: () => void = () => undefined;
  readonly asked = new Promise<void>((resolve) => {
    this.onAsked = resolve;
  });

  isUsed(): Promise<boolean> {
    return new Promise((resolve) => {
      this.resolveUsed = resolve;
      this.onAsked();
    });
  }
}

afterEach(async () => {
  await harness.close();
});

describe('discoverAccounts', () => {
  it('finds index 0 of each scheme without chain data', async () => {
    harness = await startLedgerHandlers();

    const result = await harness.call('discoverAccounts', { gapLimit: 3 });

    expect(result.outcome).toBe('completed');
    expect(result.activityKnown).toBe(false);
    expect(
      result.accounts.map((account) => [account.scheme, account.path, account.address]),
    ).toEqual([
      ['root', "44'/501'", speculos.root],
      ['bip44', "44'/501'/0'", speculos.account0],
      ['bip44-change', "44'/501'/0'/0'", speculos.bip44Change0],
    ]);
    // root has one account; each other scheme checks index 0 and then 3 unused ones.
    expect(result.accountsChecked).toBe(1 + 4 + 4);
  });

  it('reports progress for every account checked', async () => {
    harness = await startLedgerHandlers();

    await harness.call('discoverAccounts', { gapLimit: 2 });

    const progress = harness.eventsNamed('discoveryProgress');
    expect(progress.map((event) => event.path)).toEqual([
      "44'/501'",
      "44'/501'/0'",
      "44'/501'/1'",
      "44'/501'/2'",
      "44'/501'/0'/0'",
      "44'/501'/1'/0'",
      "44'/501'/2'/0'",
    ]);
    expect(progress.map((event) => event.accountsChecked)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.map((event) => event.accountsFound)).toEqual([1, 2, 2, 2, 3, 3, 3]);
    expect(progress.every((event) => !event.activityKnown)).toBe(true);
  });

  it('uses chain activity when it is available', async () => {
    const used = new Set([speculos.account0, speculos.account1]);
    harness = await startLedgerHandlers({
      accountActivity: { isUsed: (address) => Promise.resolve(used.has(address)) },
    });

    const result = await harness.call('discoverAccounts', { gapLimit: 2 });

    expect(result.activityKnown).toBe(true);
    expect(result.accounts.map((account) => account.address)).toEqual([
      speculos.account0,
      speculos.account1,
    ]);
    const listed = await harness.call('listAccounts', {});
    expect(listed.accounts.map((account) => account.path)).toEqual(["44'/501'/0'", "44'/501'/1'"]);
  });

  it('continues offline when a chain look-up fails', async () => {
    let lookups = 0;
    harness = await startLedgerHandlers({
      accountActivity: {
        isUsed: (address) => {
          lookups += 1;
          return address === speculos.root
            ? Promise.resolve(true)
            : Promise.reject(new Error('getaddrinfo ENOTFOUND api.mainnet-beta.solana.com'));
        },
      },
    });

    const result = await harness.call('discoverAccounts', { gapLimit: 2 });

    expect(result.outcome).toBe('completed');
    expect(result.activityKnown).toBe(false);
    expect(result.accounts.map((account) => account.address)).toEqual([
      speculos.root,
      speculos.account0,
      speculos.bip44Change0,
    ]);
    // After the first failure the search stops asking the chain.
    expect(lookups).toBe(2);
    const progress = harness.eventsNamed('discoveryProgress');
    expect(progress.map((event) => event.activityKnown)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('searches only the schemes asked for', async () => {
    harness = await startLedgerHandlers();

    const result = await harness.call('discoverAccounts', { schemes: ['bip44'], gapLimit: 1 });

    expect(result.accounts.map((account) => account.scheme)).toEqual(['bip44']);
    expect(result.accountsChecked).toBe(2);
  });

  it('keeps the names of accounts found again', async () => {
    harness = await startLedgerHandlers();
    await harness.call('discoverAccounts', { gapLimit: 1 });
    await harness.call('renameAccount', { address: speculos.account0, name: 'Savings' });

    const again = await harness.call('discoverAccounts', { gapLimit: 1 });

    expect(again.accounts.find((account) => account.address === speculos.account0)?.name).toBe(
      'Savings',
    );
  });

  it('stops on cancel and keeps what it found', async () => {
    let checks = 0;
    const cancelled: Promise<unknown>[] = [];
    harness = await startLedgerHandlers({
      accountActivity: {
        isUsed: () => {
          checks += 1;
          if (checks === 3) {
            cancelled.push(harness.call('cancelDiscovery', {}));
          }
          return Promise.resolve(true);
        },
      },
    });

    const result = await harness.call('discoverAccounts', {});

    expect(result.outcome).toBe('cancelled');
    expect(await cancelled[0]).toEqual({ cancelled: true });
    // The third check had already returned when the cancel arrived, so its account counts.
    expect(result.accounts.map((account) => account.path)).toEqual([
      "44'/501'",
      "44'/501'/0'",
      "44'/501'/1'",
    ]);
    expect(harness.eventsNamed('discoveryProgress')).toHaveLength(3);
    const listed = await harness.call('listAccounts', {});
    expect(listed.accounts).toHaveLength(3);
  });

  it('runs one search at a time', async () => {
    const activity = new HeldActivity();
    harness = await startLedgerHandlers({ accountActivity: activity });

    const first = harness.call('discoverAccounts', { schemes: ['root'] });
    await activity.asked;

    await expect(harness.call('discoverAccounts', {})).rejects.toMatchObject({
      code: 'DISCOVERY_IN_PROGRESS',
    });
    activity.resolveUsed(false);
    await expect(first).resolves.toMatchObject({ outcome: 'completed', accountsChecked: 1 });
  });

  it('reports that nothing was running to cancel', async () => {
    harness = await startLedgerHandlers();

    await expect(harness.call('cancelDiscovery', {})).resolves.toEqual({ cancelled: false });
  });

  it('fails with the next step when the device is locked', async () => {
    harness = await startLedgerHandlers({ emulator: { initialStatus: 'locked' } });

    await expect(harness.call('discoverAccounts', {})).rejects.toMatchObject({
      code: 'LEDGER_LOCKED',
    });
  });
});

describe('saved accounts', () => {
  it('renames and removes an account', async () => {
    harness = await startLedgerHandlers();
    await harness.call('discoverAccounts', { gapLimit: 1 });

    const renamed = await harness.call('renameAccount', {
      address: speculos.root,
      name: '  Main  ',
    });
    expect(renamed.accounts.find((account) => account.address === speculos.root)?.name).toBe(
      'Main',
    );

    const removed = await harness.call('removeAccount', { address: speculos.root });
    expect(removed.accounts.map((account) => account.address)).not.toContain(speculos.root);
    expect(removed.accounts).toHaveLength(2);
  });

  it('rejects an unknown address', async () => {
    harness = await startLedgerHandlers();

    await expect(
      harness.call('renameAccount', { address: speculos.account1, name: 'x' }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND', context: { address: speculos.account1 } });
    await expect(
      harness.call('removeAccount', { address: speculos.account1 }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });

  it('rejects a name longer than 64 characters', async () => {
    harness = await startLedgerHandlers();
    await harness.call('discoverAccounts', { gapLimit: 1 });

    await expect(
      harness.call('renameAccount', { address: speculos.root, name: 'x'.repeat(65) }),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      context: { issues: [{ path: 'name', message: accountNameMessages.tooLong }] },
    });
  });

  it.each([
    ['a right-to-left override', 'abc\u202ex'],
    ['NUL', 'abc\u0000x'],
    ['a carriage return', 'abc\rx'],
    ['a line feed', 'abc\nx'],
    ['a zero-width space', 'abc\u200bx'],
  ])('rejects a name with %s', async (_label, name) => {
    harness = await startLedgerHandlers();
    await harness.call('discoverAccounts', { gapLimit: 1 });

    await expect(
      harness.call('renameAccount', { address: speculos.root, name }),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      context: { issues: [{ path: 'name', message: accountNameMessages.hiddenCharacters }] },
    });
  });

  it('accepts emoji joined with ZWJ and non-Latin names', async () => {
    harness = await startLedgerHandlers();
    await harness.call('discoverAccounts', { gapLimit: 1 });
    const name = '\u{1F468}\u200d\u{1F469} حساب';

    const renamed = await harness.call('renameAccount', { address: speculos.root, name });

    expect(renamed.accounts.find((account) => account.address === speculos.root)?.name).toBe(name);
  });
});

describe('verifyAddress', () => {
  it('returns approved when the person confirms the address', async () => {
    harness = await startLedgerHandlers({ emulator: { person: { kind: 'review-and-approve' } } });
    await harness.call('discoverAccounts', { gapLimit: 1 });

    const result = await harness.call('verifyAddress', { address: speculos.account0 });

    expect(result).toEqual({
      address: speculos.account0,
      path: "44'/501'/0'",
      outcome: 'approved',
    });
    expect(harness.deviceRequests).toHaveLength(1);
    expect(harness.deviceRequests[0]?.kind).toBe('get-address');
    expect(harness.deviceRequests[0]?.screens).toContainEqual({
      kind: 'field',
      title: 'Pubkey',
      value: speculos.account0,
    });
  });

  it('returns rejected when the person rejects it', async () => {
    harness = await startLedgerHandlers({ emulator: { person: { kind: 'reject' } } });
    await harness.call('discoverAccounts', { gapLimit: 1 });

    const result = await harness.call('verifyAddress', { address: speculos.account0 });

    expect(result.outcome).toBe('rejected');
  });

  it('refuses before showing anything when the device holds other keys', async () => {
    harness = await startLedgerHandlers({
      emulator: { mnemonic: OTHER_MNEMONIC, person: { kind: 'approve' } },
    });
    await harness.store.accounts.upsert({
      publicKey: speculos.account0,
      derivationPath: "44'/501'/0'",
      name: '',
    });

    await expect(
      harness.call('verifyAddress', { address: speculos.account0 }),
    ).rejects.toMatchObject({
      code: 'LEDGER_ACCOUNT_MISMATCH',
      context: { path: "44'/501'/0'", expected: speculos.account0 },
    });
    expect(harness.deviceRequests).toEqual([]);
  });

  it('rejects an address that is not saved', async () => {
    harness = await startLedgerHandlers();

    await expect(
      harness.call('verifyAddress', { address: speculos.account1 }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });
});

describe('getDeviceState', () => {
  it('reports the Solana app and follows the device', async () => {
    harness = await startLedgerHandlers();
    await harness.nextEvent('deviceStateChanged', (change) => change.state.status === 'solana-app');

    await expect(harness.call('getDeviceState', {})).resolves.toEqual({
      deviceId: 'ledger-1',
      state: {
        status: 'solana-app',
        version: '1.9.0',
        blindSigningEnabled: false,
        pubkeyDisplay: 'long',
      },
    });

    harness.emulator.lock();
    await expect(harness.call('discoverAccounts', {})).rejects.toMatchObject({
      code: 'LEDGER_LOCKED',
    });
    await expect(harness.call('getDeviceState', {})).resolves.toMatchObject({
      state: { status: 'locked' },
    });
    expect(harness.eventsNamed('deviceStateChanged').at(-1)?.state).toEqual({ status: 'locked' });
  });

  it('reports no device after the cable is pulled', async () => {
    harness = await startLedgerHandlers();
    await harness.nextEvent('deviceStateChanged', (change) => change.state.status === 'solana-app');

    harness.emulator.unplug();

    // The service keeps a detached device for a grace period before it reports it gone.
    await harness.nextEvent('deviceStateChanged', (change) => change.state.status === 'no-device');
    await expect(harness.call('getDeviceState', {})).resolves.toEqual({
      deviceId: null,
      state: { status: 'no-device' },
    });
  });
});
