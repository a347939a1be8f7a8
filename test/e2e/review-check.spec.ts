import { Connection, Keypair, PublicKey, SystemProgram, Transaction } from '@solana/web3.js';

import { errorText } from '../../src/shared/errors';
import type { DemoApp } from '../support/demo/start-demo-app';
import { expect, test } from './support/fixtures';
import { LedgerAccountsPage, ReviewTransactionPage } from './support/ledger-pages';

/** Account 0 of the emulator's seed (the Speculos test mnemonic), which the demo funds with 25 SOL. */
const ACCOUNT_0 = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';
const SOL = 1_000_000_000n;

/** Builds a transfer from account 0 with a blockhash the demo's local chain just issued. */
async function transferText(demo: DemoApp, lamports: bigint): Promise<string> {
  if (demo.localnet === null) {
    throw new Error('the demo started without its local chain');
  }
  const { blockhash } = await new Connection(demo.localnet.url).getLatestBlockhash();
  const from = new PublicKey(ACCOUNT_0);
  return new Transaction({ feePayer: from, recentBlockhash: blockhash })
    .add(
      SystemProgram.transfer({
        fromPubkey: from,
        toPubkey: Keypair.generate().publicKey,
        lamports,
      }),
    )
    .serialize({ requireAllSignatures: false, verifySignatures: false })
    .toString('base64');
}

test.describe('review checked against the cluster', () => {
  test('keeps signing off for a failing transfer', async ({ app, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const review = new ReviewTransactionPage(app);
    await review.open();
    const deviceRequests: string[] = [];
    demo.emulator.subscribe((event) => {
      if (event.type === 'request-started') {
        deviceRequests.push(event.type);
      }
    });

    await review.reviewText(await transferText(demo, 100n * SOL));

    const check = review.review.getByTestId('chain-check');
    await expect(check).toHaveAttribute('data-outcome', 'failed');
    await expect(check).toHaveAttribute('role', 'alert');
    await expect(check).toContainText(
      /The cluster would reject this transaction \(simulated at slot \d+\)/,
    );
    await expect(check).toContainText('Signing is off because the transaction would fail.');
    const signButton = review.review.getByRole('button', { name: 'Sign with Ledger' });
    await expect(signButton).toBeDisabled();
    await expect(signButton).toHaveAccessibleDescription(/would reject this transaction/);
    expect(deviceRequests).toEqual([]);
  });

  test('rejects signing once the blockhash expired', async ({ app, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const review = new ReviewTransactionPage(app);
    await review.open();
    await review.reviewText(await transferText(demo, SOL));
    const check = review.review.getByTestId('chain-check');
    await expect(check).toHaveAttribute('data-outcome', 'ok');

    await demo.localnet?.expireBlockhashes();
    await review.page.getByRole('button', { name: 'Sign with Ledger' }).click();

    const alert = review.prompt.getByRole('alert');
    await expect(alert).toContainText(errorText.REVIEW_BLOCKHASH_EXPIRED.title);
    await expect(alert).toContainText(errorText.REVIEW_BLOCKHASH_EXPIRED.nextStep);
    await review.prompt.getByRole('button', { name: 'Close' }).click();
    await expect(check).toHaveAttribute('data-outcome', 'expired');
    await expect(check).toContainText(/has expired \(checked at slot \d+\)/);
    await expect(review.review.getByRole('button', { name: 'Sign with Ledger' })).toBeDisabled();
  });

  test('shows the slot of a passing check', async ({ app, demo }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const review = new ReviewTransactionPage(app);
    await review.open();

    await review.reviewText(await transferText(demo, SOL));

    const check = review.review.getByTestId('chain-check');
    await expect(check).toHaveAttribute('data-outcome', 'ok');
    await expect(check).toContainText(/without an error at slot \d+/);
    await expect(review.review.getByRole('button', { name: 'Sign with Ledger' })).toBeEnabled();
  });
});
