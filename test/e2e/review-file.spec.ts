import { PublicKey, SystemProgram, Transaction } from '@solana/web3.js';

import { expect, test } from './support/fixtures';
import { LedgerAccountsPage, ReviewTransactionPage } from './support/ledger-pages';

/** Accounts 0 and 1 of the emulator's seed (the Speculos test mnemonic). */
const ACCOUNT_0 = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';
const ACCOUNT_1 = '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ';

function transferBytes(): Buffer {
  const from = new PublicKey(ACCOUNT_0);
  return new Transaction({
    feePayer: from,
    recentBlockhash: new PublicKey(Buffer.alloc(32, 3)).toBase58(),
  })
    .add(
      SystemProgram.transfer({
        fromPubkey: from,
        toPubkey: new PublicKey(ACCOUNT_1),
        lamports: 42,
      }),
    )
    .serialize({ requireAllSignatures: false, verifySignatures: false });
}

test.describe('review from a file', () => {
  test('opens a binary transaction file and reviews it', async ({ app }) => {
    const accounts = new LedgerAccountsPage(app);
    await accounts.open();
    await accounts.connect();
    const review = new ReviewTransactionPage(app);
    await review.open();
    const bytes = transferBytes();

    await review.page.getByLabel('Transaction file').setInputFiles({
      name: 'transfer.tx',
      mimeType: 'application/octet-stream',
      buffer: bytes,
    });

    await expect(review.input).toHaveValue(bytes.toString('base64'));
    await review.page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(review.instructions).toHaveCount(1);
  });

  test('sends an exported transaction file to Activity', async ({ app }) => {
    const review = new ReviewTransactionPage(app);
    await review.open();

    await review.page.getByLabel('Transaction file').setInputFiles({
      name: 'stake.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "format": "ledger-stake-desk/transaction", "version": 1 }'),
    });

    await expect(review.page.getByRole('alert')).toContainText(
      'stake.json is a transaction file exported by this app',
    );
    await expect(review.input).toHaveValue('');
  });
});
