import Solana from '@ledgerhq/hw-app-solana';
import {
  Authorized,
  Connection,
  PublicKey,
  StakeProgram,
  SystemProgram,
  Transaction,
} from '@solana/web3.js';

import { EmulatorTransport, type LedgerEmulator } from '../support/ledger-emulator';
import { DevicePanel } from './support/device-panel';
import { expect, test } from './support/fixtures';

const PATH = "44'/501'/0'";
const SIGNER = new PublicKey('2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH');
const BLOCKHASH = 'EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k';
// Ledger by Figment, a vote account the newer app line names on its screens.
const VOTE_ACCOUNT = new PublicKey('26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx');

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Raises a request on the emulated device from the test process, the way the app would,
 * and settles it into a value so that a rejection while the panel is in use is not unhandled.
 */
function onDevice<T>(
  emulator: LedgerEmulator,
  call: (solana: Solana) => Promise<T>,
): Promise<Outcome<T>> {
  return call(new Solana(new EmulatorTransport(emulator))).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

async function delegateMessage(): Promise<Buffer> {
  const seed = 'stake:0123456789abcdef0123456789';
  const stake = await PublicKey.createWithSeed(SIGNER, seed, StakeProgram.programId);
  const transaction = new Transaction({ feePayer: SIGNER, recentBlockhash: BLOCKHASH });
  transaction.add(
    StakeProgram.createAccountWithSeed({
      fromPubkey: SIGNER,
      stakePubkey: stake,
      basePubkey: SIGNER,
      seed,
      authorized: new Authorized(SIGNER, SIGNER),
      lamports: 1_002_282_880,
    }),
    StakeProgram.delegate({
      stakePubkey: stake,
      authorizedPubkey: SIGNER,
      votePubkey: VOTE_ACCOUNT,
    }),
  );
  return transaction.serializeMessage();
}

/** Two transfers match none of the app's clear-signing patterns, so the app requires blind signing. */
function twoTransfersMessage(): Buffer {
  const transaction = new Transaction({ feePayer: SIGNER, recentBlockhash: BLOCKHASH });
  for (const lamports of [1, 2]) {
    transaction.add(
      SystemProgram.transfer({ fromPubkey: SIGNER, toPubkey: PublicKey.default, lamports }),
    );
  }
  return transaction.serializeMessage();
}

test.describe('device panel', () => {
  test('approves an address verification', async ({ demo, panel }) => {
    const result = onDevice(demo.emulator, (solana) => solana.getAddress(PATH, true));

    await panel.waitForRequest('get-address');
    expect(await panel.screens()).toEqual([
      { title: 'Pubkey', value: SIGNER.toBase58() },
      { title: 'Approve', value: '' },
      { title: 'Reject', value: '' },
    ]);
    await panel.approve();

    const outcome = await result;
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(new PublicKey(outcome.value.address).equals(SIGNER)).toBe(true);
    }
    await expect(panel.request).toHaveText('No request pending');
  });

  test('shows every screen of a stake delegation and rejects it', async ({ demo, panel }) => {
    const message = await delegateMessage();
    const result = onDevice(demo.emulator, (solana) => solana.signTransaction(PATH, message));

    await panel.waitForRequest('sign-transaction');
    const screens = await panel.screens();
    expect(screens.map((screen) => screen.title)).toEqual([
      'Delegate from',
      'Deposit',
      'New authority',
      'Vote account',
      'Approve',
      'Reject',
    ]);
    expect(screens[1]?.value).toBe('1.00228288 SOL');
    expect(screens[3]?.value).toBe(VOTE_ACCOUNT.toBase58());
    await expect(panel.currentScreen).toContainText('Delegate from');
    await expect(panel.currentScreen).toContainText('Screen 1 of 6');
    await expect(panel.blindSigningNotice).toBeHidden();

    await panel.next();
    await expect(panel.currentScreen).toContainText('Deposit');
    await expect(panel.currentScreen).toContainText('1.00228288 SOL');
    await panel.previous();
    await expect(panel.currentScreen).toContainText('Delegate from');
    await panel.reject();

    expect(await result).toMatchObject({ ok: false, error: { statusCode: 0x6985 } });
  });

  test('signs a blind-signing transaction once enabled', async ({ demo, panel }) => {
    const refused = await onDevice(demo.emulator, (solana) =>
      solana.signTransaction(PATH, twoTransfersMessage()),
    );
    expect(refused.ok).toBe(false);

    await panel.setBlindSigning(true);
    expect(demo.emulator.settings.blindSigning).toBe(true);
    const result = onDevice(demo.emulator, (solana) =>
      solana.signTransaction(PATH, twoTransfersMessage()),
    );

    await panel.waitForRequest('sign-transaction');
    await expect(panel.blindSigningNotice).toBeVisible();
    expect((await panel.screens()).map((screen) => screen.title)).toContain('Message Hash');
    await panel.approve();

    expect(await result).toMatchObject({ ok: true, value: { signature: expect.any(Buffer) } });
  });

  test('locks and unlocks the device', async ({ demo, panel }) => {
    await panel.lock();
    expect(demo.emulator.status).toEqual({ kind: 'locked' });
    const locked = await onDevice(demo.emulator, (solana) => solana.getAppConfiguration());
    expect(locked).toMatchObject({ ok: false, error: { statusCode: 0x5515 } });

    await panel.unlock();
    await expect(panel.deviceStatus).toHaveText('Solana app 1.9.0 open');
    expect(demo.emulator.status).toMatchObject({ kind: 'app', name: 'Solana' });
  });

  test('unplugging cancels the pending request', async ({ demo, panel }) => {
    const result = onDevice(demo.emulator, (solana) => solana.getAddress(PATH, true));
    await panel.waitForRequest('get-address');

    await panel.unplug();

    expect(await result).toMatchObject({ ok: false, error: { name: 'DisconnectedDevice' } });
    await expect(panel.lastRequest).toContainText('cancelled by unplugging');
    await expect(panel.request).toHaveText('No request pending');
    await expect(panel.button('Lock')).toBeDisabled();

    await panel.plug();
    await panel.unlock();
    await expect(panel.deviceStatus).toHaveText('Dashboard');
    await panel.openApp('Solana');
    expect(demo.emulator.status).toMatchObject({ kind: 'app', name: 'Solana' });
  });

  test('switches apps and app versions', async ({ demo, panel }) => {
    await panel.quitApp();
    await panel.openApp('Ethereum');
    expect(demo.emulator.status).toMatchObject({ kind: 'app', name: 'Ethereum' });
    await panel.quitApp();
    await panel.openApp('Solana');

    await panel.setVersion('1.16.0');
    await expect(panel.deviceStatus).toHaveText('Solana app 1.16.0 open');
    const configuration = await onDevice(demo.emulator, (solana) => solana.getAppConfiguration());
    expect(configuration).toMatchObject({ ok: true, value: { version: '1.16.0' } });

    await panel.setExpertMode(true);
    expect(demo.emulator.settings.expertMode).toBe(true);
  });

  test('gives every control an accessible name', async ({ panel }) => {
    const controls = panel.page.locator('button, input, select').filter({ visible: true });
    expect(await controls.count()).toBeGreaterThan(10);
    for (const control of await controls.all()) {
      await expect(control).toHaveAccessibleName(/\S/);
    }
    for (const name of ['Previous', 'Next', 'Approve', 'Reject', 'Lock', 'Unplug']) {
      await expect(panel.button(name)).toBeAttached();
    }
  });

  test('refuses to open without the run token', async ({ demo, page }) => {
    const response = await page.goto(`${demo.origin}/device`);

    expect(response?.status()).toBe(401);
  });
});

test.describe('device panel with a local chain', () => {
  test.use({ demoOptions: { localnet: true } });

  test('advances epochs and funds a device account', async ({ demo, panel }) => {
    const position = panel.page.getByRole('status', { name: 'Chain position' });
    await expect(position).toHaveText(/^Epoch \d+,/);
    const epoch = Number(/^Epoch (\d+)/.exec(await position.innerText())?.[1]);

    await panel.button('Advance one epoch').click();
    await expect(position).toHaveText(new RegExp(`^Epoch ${epoch + 1},`));

    // The demo funds this account at start, so the check is on the difference.
    const connection = new Connection(demo.localnet?.url ?? '', 'confirmed');
    const before = await connection.getBalance(SIGNER);
    await panel.page.getByLabel('Amount in SOL').fill('1.5');
    await panel.button('Fund').click();
    await expect(panel.page.getByRole('status', { name: 'Last funding' })).toContainText(
      SIGNER.toBase58(),
    );
    expect(await connection.getBalance(SIGNER)).toBe(before + 1_500_000_000);
  });

  test('reports an invalid amount without sending it', async ({ panel }) => {
    await panel.page.getByLabel('Amount in SOL').fill('1.5e3');
    await panel.button('Fund').click();

    await expect(panel.error).toContainText('Invalid amount "1.5e3"');
  });
});

test('opens the panel in an existing page', async ({ demo, page }) => {
  const panel = await DevicePanel.open(page, demo);

  await expect(panel.deviceStatus).toHaveText('Solana app 1.9.0 open');
});
