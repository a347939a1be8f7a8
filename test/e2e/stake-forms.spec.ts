import { Keypair } from '@solana/web3.js';

import { expect } from './support/fixtures';
import { shortAddress, stakeTest as test } from './support/stake-flows';

test.describe('stake forms', () => {
  test('stake form keeps entries after errors', async ({ flows }) => {
    await flows.openStake();
    await flows.chooseValidator('Aurora Staking');
    const validator = flows.dialog.getByLabel('Validator', { exact: true });
    const chosen = await validator.inputValue();
    const amount = flows.dialog.getByLabel('Amount (SOL)');

    await amount.fill('abc');
    await flows.button('Review').click();
    await expect(flows.dialog.locator('.inline-error')).toBeVisible();
    await expect(validator).toHaveValue(chosen);
    await expect(amount).toHaveValue('abc');

    await amount.fill('0');
    await flows.button('Review').click();
    await expect(flows.dialog.locator('.inline-error')).toHaveAttribute('data-code', 'AMOUNT_ZERO');
    await expect(flows.dialog.getByText('Enter an amount greater than 0 SOL.')).toHaveCount(1);
    await expect(validator).toHaveValue(chosen);
  });

  test('account forms keep entries and check addresses', async ({
    flows,
    page,
    panel,
    stakeAccounts,
  }) => {
    const stakeAccount = await flows.stake(panel, 'Aurora Staking', '1');
    const larger = await flows.stake(panel, 'Aurora Staking', '2');
    await stakeAccounts.refreshUntilState(stakeAccount, 'activating');
    await stakeAccounts.refreshUntilState(larger, 'activating');
    const row = flows.actionsRow(stakeAccount);

    // The actions table lists the accounts in the stake table's order, largest balance first.
    const bodyRows = stakeAccounts.table
      .getByRole('row')
      .filter({ has: page.locator('[data-state]') });
    await expect(bodyRows.first()).toContainText(shortAddress(larger));
    await expect(flows.section.locator('tr[data-stake-account]').first()).toHaveAttribute(
      'data-stake-account',
      larger,
    );

    // At 1400x1000 the horizontal scrollbar must not cover the last row.
    await page.setViewportSize({ width: 1400, height: 1000 });
    await expect
      .poll(() => stakeAccounts.table.evaluate((table) => table.scrollHeight - table.clientHeight))
      .toBeLessThanOrEqual(0);

    // Unstake explains that activating stake becomes inactive at once, and it does.
    await row.getByRole('button', { name: 'Unstake', exact: true }).click();
    await expect(flows.dialog.getByRole('form', { name: 'Unstake' })).toContainText(
      'inactive at once',
    );
    await flows.review();
    await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();
    await flows.button('Done').click();
    await stakeAccounts.refreshUntilState(stakeAccount, 'inactive');

    // Withdraw: a partial amount survives an error from main.
    await row.getByRole('button', { name: 'Withdraw', exact: true }).click();
    const everything = flows.dialog.getByRole('checkbox', {
      name: 'Withdraw everything withdrawable',
    });
    await everything.uncheck();
    await flows.dialog.getByLabel('Amount (SOL)').fill('50');
    await flows.button('Review').click();
    await expect(flows.dialog.locator('.inline-error')).toBeVisible();
    await expect(everything).not.toBeChecked();
    await expect(flows.dialog.getByLabel('Amount (SOL)')).toHaveValue('50');

    // A recipient that is not an address is named before anything is read from the cluster.
    const recipient = flows.dialog.getByLabel(/^To/);
    await recipient.fill('notanaddress');
    await flows.button('Review').click();
    const recipientError = flows.dialog.getByRole('alert').filter({ hasText: '"notanaddress"' });
    await expect(recipientError).toContainText('To:');
    await expect(recipientError).toContainText('32 bytes');
    await expect(recipient).toHaveAttribute('aria-invalid', 'true');
    await flows.button('Close').click();
    await expect(flows.dialog).toBeHidden();

    // A new dialog starts with an empty form.
    await row.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await expect(everything).toBeChecked();
    await expect(recipient).toHaveValue('');
    await flows.button('Close').click();

    // Change authority: "Both" survives "Change the request", and the review warns once.
    const stranger = Keypair.generate().publicKey.toBase58();
    await row.getByRole('button', { name: 'Change authority' }).click();
    await flows.dialog.getByRole('radio', { name: 'Both' }).check();
    await flows.dialog.getByLabel('New authority address').fill(stranger);
    await flows.review();
    // The expiry is a block height, which reads lower than the slot in the header.
    await expect(flows.dialog.getByText('Valid until block height')).toBeVisible();
    await expect(flows.warnings.filter({ hasText: 'not one of your accounts' })).toHaveCount(1);
    await expect(
      flows.warnings.filter({ hasText: 'not one of your Ledger accounts, can withdraw' }),
    ).toHaveCount(1);
    await flows.dialog.getByRole('button', { name: 'Change the request' }).click();
    await expect(flows.dialog.getByRole('radio', { name: 'Both' })).toBeChecked();
    await expect(flows.dialog.getByLabel('New authority address')).toHaveValue(stranger);
    await flows.button('Close').click();

    // Merge names the account that closes and the one that stays.
    await row.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(flows.dialog.getByRole('form', { name: 'Merge' })).toContainText(
      `${shortAddress(stakeAccount)}, which stays open`,
    );
  });
});
