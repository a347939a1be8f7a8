import { ed25519 } from '@noble/curves/ed25519.js';
import {
  ComputeBudgetProgram,
  PublicKey,
  StakeProgram,
  SystemProgram,
  Transaction,
} from '@solana/web3.js';
import bs58 from 'bs58';

import { accountNameMessages } from '../../src/shared/domain/account-name';
import { errorText } from '../../src/shared/errors';
import type { DemoApp } from '../support/demo/start-demo-app';
import { expect, test } from './support/fixtures';
import { deviceStatus, LedgerAccountsPage, ReviewTransactionPage } from './support/ledger-pages';

/** Addresses of the emulator's seed (the Speculos test mnemonic). */
const speculos = {
  root: '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9',
  account0: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
  account1: '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ',
  bip44Change0: 'EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV',
};
const BLOCKHASH = new PublicKey(Buffer.alloc(32, 3)).toBase58();

/** Builds a one-instruction transfer from account 0, which every app version shows in clear. */
function transferTransaction(): Transaction {
  const from = new PublicKey(speculos.account0);
  return new Transaction({ feePayer: from, recentBlockhash: BLOCKHASH }).add(
    SystemProgram.transfer({
      fromPubkey: from,
      toPubkey: new PublicKey(speculos.account1),
      lamports: 42,
    }),
  );
}

/** Builds a stake transaction of five instructions, one more than app 1.9 shows in clear. */
async function priorityStakeTransaction(): Promise<Transaction> {
  const base = new PublicKey(speculos.account0);
  const seed = 'stake:0123456789abcdef0123456789';
  const stakeAccount = await PublicKey.createWithSeed(base, seed, StakeProgram.programId);
  return new Transaction({ feePayer: base, recentBlockhash: BLOCKHASH })
    .add(ComputeBudgetProgram.setComputeUnitLimit({ units: 20_000 }))
    .add(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 100_000 }))
    .add(
      StakeProgram.createAccountWithSeed({
        fromPubkey: base,
        stakePubkey: stakeAccount,
        basePubkey: base,
        seed,
        authorized: { staker: base, withdrawer: base },
        lamports: 1_002_282_880,
      }),
    )
    .add(
      StakeProgram.delegate({
        stakePubkey: stakeAccount,
        authorizedPubkey: base,
        votePubkey: new PublicKey('26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx'),
      }),
    );
}

/** Builds two transfers, from account 0 and from account 1, so both must sign. */
function twoSignerTransaction(): Transaction {
  const account0 = new PublicKey(speculos.account0);
  const account1 = new PublicKey(speculos.account1);
  return new Transaction({ feePayer: account0, recentBlockhash: BLOCKHASH })
    .add(SystemProgram.transfer({ fromPubkey: account0, toPubkey: account1, lamports: 42 }))
    .add(SystemProgram.transfer({ fromPubkey: account1, toPubkey: account0, lamports: 7 }));
}

/**
 * Makes the demo's local chain stop responding. These tests sign made-up transactions whose
 * blockhash the chain never issued, so with the chain reachable the review would report them
 * expired and keep signing off. Without it the review is not checked and signing stays
 * allowed, as on an air-gapped computer.
 */
function stopChain(demo: DemoApp): void {
  demo.localnet?.setServingMode({ kind: 'offline' });
}

function base64Of(transaction: Transaction): string {
  return transaction
    .serialize({ requireAllSignatures: false, verifySignatures: false })
    .toString('base64');
}

test.describe('Ledger accounts', () => {
  test('Connect finds accounts in all schemes', async ({ app, demo }) => {
    // The demo funds 44'/501'/0', 44'/501'/1' and 44'/501'/0'/0'. Fund the root path as well.
    await demo.localnet?.fund(new PublicKey(speculos.root), 1_000_000_000n);
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();

    await accounts.connect();

    // Each scheme ends after 10 unused accounts in a row, and the root scheme has one account.
    await expect(accounts.searchStatus).toHaveText(
      'Checked 24 accounts, found 4. Search complete.',
    );
    await expect(accounts.schemeCounts("Root 44'/501' (Solana CLI)")).toHaveText(['1', '1']);
    await expect(accounts.schemeCounts("44'/501'/n' (Ledger Live)")).toHaveText(['12', '2']);
    await expect(accounts.schemeCounts("44'/501'/n'/0' (Phantom, Solflare)")).toHaveText([
      '11',
      '1',
    ]);
    await expect(accounts.accountRows).toHaveCount(1 + 4);
    await expect(accounts.accountRow("44'/501'")).toContainText(speculos.root);
    await expect(accounts.accountRow("44'/501'/0'")).toContainText(speculos.account0);
    await expect(accounts.accountRow("44'/501'/1'")).toContainText(speculos.account1);
    await expect(accounts.accountRow("44'/501'/0'/0'")).toContainText(speculos.bip44Change0);
    await expect(app.page.getByText('Balances unavailable')).toHaveCount(0);
  });

  test('renames an account', async ({ app }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();

    const row = accounts.accountRow("44'/501'/0'");
    await row.getByRole('textbox', { name: "Name of account 44'/501'/0'" }).fill('Savings');
    await row.getByRole('button', { name: 'Rename' }).click();

    await expect(row.getByRole('button', { name: 'Rename' })).toBeDisabled();
    await app.page.reload();
    await expect(
      accounts
        .accountRow("44'/501'/0'")
        .getByRole('textbox', { name: "Name of account 44'/501'/0'" }),
    ).toHaveValue('Savings');
  });

  test('explains a rejected account name', async ({ app }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const row = accounts.accountRow("44'/501'/0'");
    const name = row.getByRole('textbox', { name: "Name of account 44'/501'/0'" });

    await name.fill('abc\u202ex');
    await expect(row.getByRole('alert')).toHaveText(accountNameMessages.hiddenCharacters);
    await expect(row.getByRole('button', { name: 'Rename' })).toBeDisabled();

    await name.fill('x'.repeat(65));
    await expect(name).toHaveValue('x'.repeat(65));
    await expect(row.getByRole('alert')).toHaveText(accountNameMessages.tooLong);
  });

  test('removes an account only after confirmation', async ({ app }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const row = accounts.accountRow("44'/501'/1'");

    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(row.getByRole('button', { name: 'Remove account' })).toBeFocused();
    await row.getByRole('button', { name: 'Keep account' }).click();
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('button', { name: 'Remove', exact: true })).toBeFocused();

    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    await row.getByRole('button', { name: 'Remove account' }).click();
    await expect(row).toHaveCount(0);
  });

  test('Verify approved on the device', async ({ app, panel }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();

    const row = await accounts.verify("44'/501'/0'");

    await expect(row.getByRole('status')).toContainText('Check the address on your Ledger');
    await expect(deviceStatus(app)).toContainText('Waiting for you on the Ledger');
    await panel.waitForRequest('get-address');
    expect(await panel.screens()).toContainEqual({ title: 'Pubkey', value: speculos.account0 });
    await panel.approve();
    await expect(row.getByRole('status')).toHaveText('Address confirmed on the Ledger.');
  });

  test('keeps the table inside its card during Verify', async ({ app, panel }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const row = await accounts.verify("44'/501'/0'");
    await expect(row.getByRole('status')).toContainText('Check the address on your Ledger');

    const card = await app.page.getByRole('region', { name: 'Your accounts' }).boundingBox();
    const table = await app.page.locator('.account-table').boundingBox();
    expect(card).not.toBeNull();
    expect(table).not.toBeNull();
    expect((table?.x ?? 0) + (table?.width ?? 0)).toBeLessThanOrEqual(
      (card?.x ?? 0) + (card?.width ?? 0),
    );
    await panel.reject();
  });

  test('Verify rejected on the device', async ({ app, panel }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();

    const row = await accounts.verify("44'/501'/1'");
    await panel.waitForRequest('get-address');
    await panel.reject();

    await expect(row.getByRole('status')).toContainText('Address rejected on the Ledger');
  });
});

test.describe('signing prompt', () => {
  test('signs when approved on the device', async ({ app, panel, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    stopChain(demo);
    const review = new ReviewTransactionPage(app);
    await review.open();
    const transaction = transferTransaction();

    await review.reviewText(base64Of(transaction));
    await expect(review.instructions).toHaveCount(1);
    await expect(review.instructions.first()).toContainText('System program');
    await expect(review.review.getByTestId('signing-mode')).toContainText('Clear signing');
    await expect(review.review.getByTestId('message-hash')).not.toBeEmpty();
    await review.signWithLedger();

    await panel.waitForRequest('sign-transaction');
    const onDevice = (await panel.screens()).filter(
      (screen) => screen.title !== 'Approve' && screen.title !== 'Reject',
    );
    expect(await review.promptScreens()).toEqual(onDevice);
    const total = onDevice.length + 2;
    expect(await review.promptSteps()).toEqual([
      ...onDevice.map((_, index) => `Screen ${index + 1} of ${total}`),
      `Screens ${total - 1} and ${total} of ${total}`,
    ]);
    await panel.approve();

    await expect(review.prompt.getByRole('status').first()).toContainText('Signed.');
    const signed = Transaction.from(
      Buffer.from(await review.signedField('Signed transaction (base64)').inputValue(), 'base64'),
    );
    expect(signed.verifySignatures()).toBe(true);
    const signature = signed.signature ?? new Uint8Array();
    expect(await review.signedField('Signature').inputValue()).toBe(bs58.encode(signature));
    expect(
      ed25519.verify(
        signature,
        transaction.serializeMessage(),
        new PublicKey(speculos.account0).toBytes(),
      ),
    ).toBe(true);
    expect(
      bs58.decode(await review.signedField('Signed transaction (base58)').inputValue()),
    ).toEqual(new Uint8Array(signed.serialize()));
    await review.prompt.getByRole('button', { name: 'Close' }).click();
    await expect(review.prompt).toBeHidden();
    await expect(review.page.getByRole('button', { name: 'Sign with Ledger' })).toBeFocused();
  });

  test('lists the expert-mode screens too', async ({ app, panel, demo }) => {
    await panel.setExpertMode(true);
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    stopChain(demo);
    const review = new ReviewTransactionPage(app);
    await review.open();
    await review.reviewText(base64Of(transferTransaction()));
    await review.signWithLedger();

    await panel.waitForRequest('sign-transaction');

    const onDevice = (await panel.screens()).filter(
      (screen) => screen.title !== 'Approve' && screen.title !== 'Reject',
    );
    expect(await review.promptScreens(true)).toEqual(onDevice);
    await panel.reject();
  });

  test('reports a rejection on the device', async ({ app, panel, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    stopChain(demo);
    const review = new ReviewTransactionPage(app);
    await review.open();
    await review.reviewText(base64Of(transferTransaction()));
    await review.signWithLedger();

    await panel.waitForRequest('sign-transaction');
    await panel.reject();

    const alert = review.prompt.getByRole('alert');
    await expect(alert).toContainText(errorText.LEDGER_REJECTED.title);
    await expect(alert).toContainText(errorText.LEDGER_REJECTED.nextStep);
  });

  test('cancels with the keyboard', async ({ app, panel, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    stopChain(demo);
    const review = new ReviewTransactionPage(app);
    await review.open();
    await review.reviewText(base64Of(transferTransaction()));
    await review.page.getByRole('button', { name: 'Sign with Ledger' }).focus();
    await review.page.keyboard.press('Enter');
    await panel.waitForRequest('sign-transaction');

    await review.page.keyboard.press('Escape');

    await expect(review.prompt.getByRole('status').first()).toContainText('Signing cancelled');
    await review.page.keyboard.press('Escape');
    await expect(review.prompt).toBeHidden();
  });

  test('says blind signing is needed before asking the device', async ({ app, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    stopChain(demo);
    const review = new ReviewTransactionPage(app);
    await review.open();

    await review.reviewText(base64Of(await priorityStakeTransaction()));
    await expect(review.review.getByTestId('signing-mode')).toContainText(
      'it has 5 instructions and the app shows at most 4 in clear',
    );
    await review.page.getByRole('button', { name: 'Sign with Ledger' }).click();

    const alert = review.prompt.getByRole('alert');
    await expect(alert).toContainText(errorText.LEDGER_BLIND_SIGNING_REQUIRED.title);
    await expect(alert).toContainText(errorText.LEDGER_BLIND_SIGNING_REQUIRED.nextStep);
  });
});

test.describe('device status', () => {
  test('shows the Solana app and its blind-signing setting', async ({ app }) => {
    await expect(deviceStatus(app)).toContainText('Solana app 1.9.0, blind signing off');
  });

  test('shows a locked device with the next step', async ({ app, panel }) => {
    await panel.lock();

    await expect(deviceStatus(app)).toContainText('Ledger locked');
    await expect(deviceStatus(app)).toContainText(errorText.LEDGER_LOCKED.nextStep);
  });

  test('shows no device after unplugging', async ({ app, panel }) => {
    await panel.unplug();

    await expect(deviceStatus(app)).toContainText('No Ledger connected');
    await expect(deviceStatus(app)).toContainText(errorText.LEDGER_NOT_CONNECTED.nextStep);
  });
});

test.describe('review page theme', () => {
  test('dark theme colours the transaction box', async ({ app }) => {
    const review = new ReviewTransactionPage(app);
    await review.open();
    await review.page.evaluate(() => {
      document.documentElement.dataset.theme = 'dark';
    });

    const colours = await review.input.evaluate((element) => {
      const root = getComputedStyle(document.documentElement);
      const probe = document.createElement('div');
      probe.style.backgroundColor = root.getPropertyValue('--surface');
      document.body.append(probe);
      const surface = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return { box: getComputedStyle(element).backgroundColor, surface };
    });
    expect(colours.box).toBe(colours.surface);
  });
});

test.describe('review page', () => {
  test('moves focus to the review after Review', async ({ app }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const review = new ReviewTransactionPage(app);
    await review.open();

    await review.input.fill(base64Of(transferTransaction()));
    await review.input.press('Tab');
    await review.page.keyboard.press('Enter');

    await expect(
      review.page.getByRole('heading', { name: 'What this transaction does' }),
    ).toBeFocused();
  });

  test('names the limit for text that is too long', async ({ app }) => {
    const review = new ReviewTransactionPage(app);
    await review.open();

    await review.input.fill('A'.repeat(8193));
    await review.page.getByRole('button', { name: 'Review', exact: true }).click();

    await expect(review.page.getByText(errorText.TRANSACTION_TEXT_TOO_LONG.title)).toBeVisible();
    await expect(review.page.getByText('The limit is 8192.')).toBeVisible();
  });

  test('keeps the text and the review together', async ({ app }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const review = new ReviewTransactionPage(app);
    await review.open();
    const text = base64Of(transferTransaction());
    await review.reviewText(text);

    await accounts.open();
    await review.open();
    await expect(review.input).toHaveValue(text);
    await expect(review.review).toBeVisible();

    await review.input.fill('');
    await expect(review.review).toBeHidden();
  });
});

test.describe('requests left on the device', () => {
  test('asks to answer an abandoned request first', async ({ app, panel, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    stopChain(demo);
    const review = new ReviewTransactionPage(app);
    await review.open();
    await review.reviewText(base64Of(transferTransaction()));
    await review.signWithLedger();
    await panel.waitForRequest('sign-transaction');
    await review.prompt.getByRole('button', { name: 'Cancel signing' }).click();
    await expect(review.prompt.getByRole('status').first()).toContainText('Signing cancelled');
    await review.prompt.getByRole('button', { name: 'Close' }).click();

    await review.page.getByRole('button', { name: 'Sign with Ledger' }).click();

    const alert = review.prompt.getByRole('alert');
    await expect(alert).toContainText(errorText.LEDGER_PROMPT_PENDING.title);
    await expect(alert).toContainText(errorText.LEDGER_PROMPT_PENDING.nextStep);
    await expect(deviceStatus(app)).toContainText('Waiting for you on the Ledger');

    await panel.reject();
    await expect(deviceStatus(app)).toContainText('Solana app 1.9.0');
    await review.prompt.getByRole('button', { name: 'Close' }).click();
    await review.signWithLedger();
    await panel.approve();
    await expect(review.prompt.getByRole('status').first()).toContainText('Signed.');
  });

  test('reports a lock during Verify', async ({ app, panel }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const row = await accounts.verify("44'/501'/0'");
    await panel.waitForRequest('get-address');

    await panel.lock();

    const alert = row.getByRole('alert');
    await expect(alert).toContainText(errorText.LEDGER_LOCKED.title);
    await expect(alert).toContainText('Unlock it, then verify the address again.');
    await expect(deviceStatus(app)).toContainText('Ledger locked');

    await panel.unlock();
    await accounts.verify("44'/501'/0'");
    await panel.waitForRequest('get-address');
    await panel.approve();
    await expect(row.getByRole('status')).toHaveText('Address confirmed on the Ledger.');
  });

  test('rejects signing for a removed account', async ({ app, panel, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    stopChain(demo);
    const review = new ReviewTransactionPage(app);
    await review.open();
    await review.reviewText(base64Of(transferTransaction()));

    await accounts.open();
    const row = accounts.accountRow("44'/501'/0'");
    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    await row.getByRole('button', { name: 'Remove account' }).click();
    await expect(row).toHaveCount(0);
    await review.open();
    await review.page.getByRole('button', { name: 'Sign with Ledger' }).click();

    const alert = review.prompt.getByRole('alert');
    await expect(alert).toContainText(errorText.LEDGER_SIGNER_NOT_SAVED.title);
    await expect(alert).toContainText(errorText.LEDGER_SIGNER_NOT_SAVED.nextStep);
    await expect(panel.request).toHaveText('No request pending');
  });
});

test.describe('two saved signers', () => {
  test('signs with each account in turn', async ({ app, panel, demo }) => {
    // App 1.9 shows two transfers only as a message hash.
    await panel.setBlindSigning(true);
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    stopChain(demo);
    const review = new ReviewTransactionPage(app);
    await review.open();
    const transaction = twoSignerTransaction();
    await review.reviewText(base64Of(transaction));

    const choice = review.page.getByRole('group', { name: 'Sign with' });
    const first = choice.getByRole('radio', { name: `44'/501'/0' ${speculos.account0}` });
    const second = choice.getByRole('radio', { name: `44'/501'/1' ${speculos.account1}` });
    await expect(choice.getByRole('radio')).toHaveCount(2);
    await expect(first).toBeChecked();
    await expect(second).not.toBeChecked();

    await review.signWithLedger();
    await panel.approve();
    await expect(review.prompt.getByRole('status').first()).toContainText('Signed.');
    await review.prompt.getByRole('button', { name: 'Close' }).click();
    await expect(first).toHaveAccessibleName(/\(signed\)$/);

    // The radio follows the review, which changes once the app has reviewed for that account.
    await second.click();
    await expect(second).toBeChecked();
    await expect(review.review).toContainText(`44'/501'/1' ${speculos.account1}`);
    await review.signWithLedger();
    await panel.approve();
    await expect(review.prompt.getByRole('status').first()).toContainText('Signed.');

    const signed = Transaction.from(
      Buffer.from(await review.signedField('Signed transaction (base64)').inputValue(), 'base64'),
    );
    expect(signed.signatures.map((entry) => entry.publicKey.toBase58())).toEqual([
      speculos.account0,
      speculos.account1,
    ]);
    expect(signed.verifySignatures()).toBe(true);
  });
});
