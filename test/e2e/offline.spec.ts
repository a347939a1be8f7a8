import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { mnemonicToSeedSync } from '@scure/bip39';
import { Keypair } from '@solana/web3.js';
import pino from 'pino';

import { StoreService } from '../../src/main/store';
import { startDemoApp, type DemoApp } from '../support/demo/start-demo-app';
import {
  deriveSlip10Ed25519,
  parseDerivationPath,
  SPECULOS_MNEMONIC,
} from '../support/ledger-emulator';
import { AppPage } from './support/app-page';
import { expect, test } from './support/fixtures';

const LEDGER_PATH = "44'/501'/0'";

/** Address of the emulated Ledger's account, derived from the emulator's public test mnemonic. */
function ledgerAddress(path: string): string {
  const seed = mnemonicToSeedSync(SPECULOS_MNEMONIC);
  return Keypair.fromSeed(
    deriveSlip10Ed25519(seed, parseDerivationPath(path)),
  ).publicKey.toBase58();
}

/** Creates a data folder that already lists the emulated Ledger's first account. */
async function dataDirWithAccount(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'offline-e2e-'));
  const store = new StoreService({ directory: dataDir, logger: pino({ level: 'silent' }) });
  await store.open();
  await store.accounts.upsert({
    publicKey: ledgerAddress(LEDGER_PATH),
    derivationPath: LEDGER_PATH,
    name: 'Main',
  });
  await store.close();
  return dataDir;
}

function requireLocalnet(demo: DemoApp) {
  if (demo.localnet === null) {
    throw new Error('the demo was started without its local chain');
  }
  return demo.localnet;
}

test.describe('cached start', () => {
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = await dataDirWithAccount();
  });

  test.afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('shows the last portfolio and its age offline', async ({ page }) => {
    // First run, online: the portfolio is read and saved in the data folder.
    const online = await startDemoApp({ dataDir });
    let savedAge: string;
    let savedAvailable: string;
    try {
      const app = new AppPage(page, online);
      await app.open();
      await app.goTo('Portfolio');
      await expect(page.getByTestId('data-age')).toContainText('Data from slot');
      savedAge = (await page.getByTestId('data-age').textContent()) ?? '';
      savedAvailable = (await page.getByTestId('total-available').textContent()) ?? '';
    } finally {
      await online.close();
    }
    const savedSlot = /slot ([\d,]+)/.exec(savedAge)?.[1];
    expect(savedSlot).toBeDefined();

    // Second run on the same folder, with the cluster unreachable from the start.
    const offline = await startDemoApp({ dataDir });
    try {
      requireLocalnet(offline).setServingMode({ kind: 'offline' });
      const app = new AppPage(page, offline);
      await app.open();
      await app.goTo('Portfolio');

      await expect(page.getByTestId('data-age')).toContainText(`Data from slot ${savedSlot}`);
      await expect(page.getByTestId('data-age')).toContainText(/read .* ago|read just now/);
      await expect(page.getByTestId('total-available')).toHaveText(savedAvailable);
      await expect(app.statusBar.getByTestId('network-status')).toHaveAttribute(
        'data-connection',
        'offline',
      );

      await app.goTo('Activity');
      await expect(page.getByRole('heading', { name: 'Send-later queue' })).toBeVisible();
      await expect(
        page.getByRole('status').filter({ hasText: 'cluster could not be reached' }),
      ).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Signature requests' })).toBeVisible();
    } finally {
      await offline.close();
    }
  });
});
