import { NonceAccount, PublicKey } from '@solana/web3.js';
import type { Locator, Page } from '@playwright/test';

import { describeServing, startChainLabel, stopChainLabel } from '../support/demo-panel/labels';
import type { DevicePanel } from './support/device-panel';
import { expect } from './support/fixtures';
import {
  ledgerAccounts,
  ledgerAddress,
  stakeTest as test,
  type StakeChain,
} from './support/stake-flows';

const MAIN = ledgerAddress(ledgerAccounts.main.path);

/** Reads the current nonce value of a nonce account straight from the local chain. */
async function nonceValueOf(chain: StakeChain, nonceAccount: string): Promise<string> {
  const info = await chain.connection.getAccountInfo(new PublicKey(nonceAccount), 'confirmed');
  if (info === null) {
    throw new Error(`nonce account ${nonceAccount} not found on the local chain`);
  }
  return NonceAccount.fromAccountData(info.data).nonce;
}

/** Reads the title and value of each screen in a list of predicted screens, approval left out. */
async function screensIn(list: Locator): Promise<Array<{ title: string; value: string }>> {
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const screens: Array<{ title: string; value: string }> = [];
  for (const item of await list.getByRole('listitem').all()) {
    const title = await item.locator('.screen-title').innerText();
    const expertOnly = (await item.getByText('only in expert mode').count()) > 0;
    if (title !== 'Approve' && !expertOnly) {
      screens.push({ title, value: await item.locator('.screen-value').innerText() });
    }
  }
  return screens;
}

/** Approves the pending device request after checking that it shows the predicted screens. */
async function approveShowing(
  panel: DevicePanel,
  predicted: Array<{ title: string; value: string }>,
): Promise<void> {
  await panel.waitForRequest('sign-transaction');
  const panelScreens = (await panel.screens()).filter(
    (screen) => screen.title !== 'Approve' && screen.title !== 'Reject',
  );
  expect(panelScreens).toEqual(predicted);
  await panel.approve();
}

/** Creates, signs and sends a nonce account of the main Ledger account from the Activity page. */
async function createNonceAccount(page: Page, panel: DevicePanel): Promise<string> {
  const section = page.getByRole('region', { name: 'Durable nonce accounts' });
  await section.getByLabel('Authority').selectOption(MAIN);
  await section.getByRole('button', { name: 'Create nonce account' }).click();

  const signing = page.getByRole('dialog', { name: 'Sign a queued transaction' });
  const predicted = await screensIn(
    signing.getByRole('list', { name: 'Predicted Ledger screens' }),
  );
  await signing.getByRole('button', { name: 'Sign with Ledger' }).click();
  await approveShowing(panel, predicted);
  await expect(signing.getByRole('status')).toContainText('Signed');
  await signing.getByRole('button', { name: 'Close' }).click();

  const creation = page
    .getByRole('list', { name: 'Queued transactions' })
    .getByRole('listitem')
    .filter({ hasText: 'Create nonce account' });
  await creation.getByRole('button', { name: 'Send now' }).click();
  await expect(creation).toHaveAttribute('data-status', /^(confirmed|finalized)$/);

  // The table reads the nonces again once the creation is confirmed, without Refresh nonces.
  const rows = section.getByRole('table', { name: 'Nonce accounts' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  return (await rows.nth(1).getByRole('cell').first().innerText()).trim();
}

test.describe('durable nonce walk-through', () => {
  test('unstakes offline and sends when the chain is back', async ({
    app,
    chain,
    flows,
    panel,
    stakeAccounts,
  }) => {
    const page = app.page;
    const stakeAccount = await flows.stake(panel, 'Aurora Staking', '2');
    await stakeAccounts.refreshUntilState(stakeAccount, 'activating');

    await app.goTo('Activity');
    const nonceAccount = await createNonceAccount(page, panel);
    const nonceBefore = await nonceValueOf(chain, nonceAccount);

    // Stop the local chain from the device panel: its RPC connections are now reset.
    const chainState = panel.page.getByRole('status', { name: 'Local chain state' });
    await panel.button(stopChainLabel).click();
    await expect(chainState).toHaveText(describeServing('offline'));

    // The stake account still shows, from the saved portfolio, with its age.
    await app.goTo('Stake accounts');
    await page.getByRole('button', { name: 'Refresh stake accounts' }).click();
    await expect(app.statusBar.getByTestId('network-status')).toHaveAttribute(
      'data-connection',
      'offline',
    );
    await expect(stakeAccounts.state(stakeAccount)).toHaveText('activating');
    await expect(page.getByTestId('data-age')).toContainText(/read .* ago|read just now/);

    // A new stake account's address cannot be checked as free offline, so staking is refused.
    await flows.openStake();
    await expect(flows.dialog.getByTestId('offline-nonce-note')).toContainText(
      'Creating a stake account needs the cluster',
    );
    await flows.button('Close').click();
    await expect(flows.dialog).toBeHidden();

    // Unstake with the durable nonce: reviewed from saved values, signed on the device.
    await flows.actionsRow(stakeAccount).getByRole('button', { name: 'Unstake' }).click();
    await flows.button('Unstake with durable nonce').click();
    const basis = flows.dialog.getByTestId('offline-basis');
    await expect(basis).toContainText('could not be simulated');
    await expect(basis.getByRole('row', { name: /Nonce value/ })).toContainText(nonceBefore);
    await expect(basis.getByRole('row', { name: /Ledger account balance/ })).toContainText(
      /ago|just now/,
    );
    const instructions = flows.dialog.getByRole('list', { name: 'Instructions' });
    await expect(instructions.getByRole('listitem').first()).toContainText(nonceAccount);
    const predicted = await screensIn(
      flows.dialog.getByRole('list', { name: 'Predicted Ledger screens' }),
    );
    expect(predicted.length).toBeGreaterThan(0);

    await flows.button('Sign with Ledger').click();
    await approveShowing(panel, predicted);
    await expect(flows.dialog.getByTestId('nonce-queue-status')).toContainText('Signed and queued');
    await flows.button('Close').click();
    await expect(flows.dialog).toBeHidden();

    await app.goTo('Activity');
    const unstake = page
      .getByRole('list', { name: 'Queued transactions' })
      .getByRole('listitem')
      .filter({ hasText: '(durable nonce)' });
    await expect(unstake).toHaveAttribute('data-status', 'signed');
    const nonces = page.getByRole('region', { name: 'Durable nonce accounts' });
    const nonceRow = nonces.getByRole('table', { name: 'Nonce accounts' }).getByRole('row').nth(1);
    await expect(nonceRow).toContainText('Queued: ');

    // Start the chain again and send the queued unstake.
    await panel.button(startChainLabel).click();
    await expect(chainState).toHaveText(describeServing('serving'));
    await unstake.getByRole('button', { name: 'Send now' }).click();
    await expect(unstake).toHaveAttribute('data-status', /^(confirmed|finalized)$/);
    await expect(unstake.getByText('valid until the nonce is used')).toBeHidden();

    // The nonce table follows the confirmed unstake: free again, and no old offline notice.
    await expect(nonceRow).toContainText('Free');
    await expect(nonces.getByText('The cluster could not be reached')).toBeHidden();

    const unstaked = await chain.readStakeAccount(stakeAccount);
    expect(unstaked?.delegation?.deactivationEpoch).toBe(await chain.epoch());
    expect(await nonceValueOf(chain, nonceAccount)).not.toBe(nonceBefore);
  });

  test('splits offline and sends when the chain is back', async ({
    app,
    chain,
    flows,
    panel,
    stakeAccounts,
  }) => {
    const page = app.page;
    const stakeAccount = await flows.stake(panel, 'Aurora Staking', '3');
    await stakeAccounts.refreshUntilState(stakeAccount, 'activating');
    // Reading the new nonce also saves the stake rent reserve and the minimum delegation.
    await app.goTo('Activity');
    const nonceAccount = await createNonceAccount(page, panel);
    await expect(page.getByTestId('saved-stake-parameters')).toContainText(
      /Saved for offline signing: stake rent reserve .* read (just now|\d+ s ago)/,
    );
    const stakeAccountsBefore = await chain.stakeAccountsOf(MAIN);

    const chainState = panel.page.getByRole('status', { name: 'Local chain state' });
    await panel.button(stopChainLabel).click();
    await expect(chainState).toHaveText(describeServing('offline'));
    await app.goTo('Stake accounts');
    await page.getByRole('button', { name: 'Refresh stake accounts' }).click();
    await expect(app.statusBar.getByTestId('network-status')).toHaveAttribute(
      'data-connection',
      'offline',
    );

    await flows.actionsRow(stakeAccount).getByRole('button', { name: 'Split' }).click();
    // An amount above the saved account balance is rejected before anything reaches the device.
    await flows.dialog.getByLabel('Amount to move (SOL)').fill('10');
    await expect(flows.dialog.getByTestId('offline-nonce-option')).toContainText(
      'signed now with a durable nonce',
    );
    await flows.button('Sign with durable nonce').click();
    await expect(flows.dialog.getByRole('alert')).toHaveAttribute(
      'data-code',
      'SPLIT_AMOUNT_INVALID',
    );

    await flows.dialog.getByLabel('Amount to move (SOL)').fill('1');
    await flows.button('Sign with durable nonce').click();

    const basis = flows.dialog.getByTestId('offline-basis');
    await expect(basis).toContainText('could not be simulated');
    await expect(
      basis.getByRole('row', { name: /Stake rent reserve and minimum delegation/ }),
    ).toContainText(/ago|just now/);
    await expect(
      basis.getByRole('row', { name: new RegExp(`Stake account ${stakeAccount}`) }),
    ).toContainText('activating');
    const instructions = flows.dialog.getByRole('list', { name: 'Instructions' });
    await expect(instructions.getByRole('listitem').first()).toContainText(nonceAccount);
    const predicted = await screensIn(
      flows.dialog.getByRole('list', { name: 'Predicted Ledger screens' }),
    );
    await flows.button('Sign with Ledger').click();
    await approveShowing(panel, predicted);
    await expect(flows.dialog.getByTestId('nonce-queue-status')).toContainText('Signed and queued');
    await flows.button('Close').click();
    await expect(flows.dialog).toBeHidden();

    await app.goTo('Activity');
    const split = page
      .getByRole('list', { name: 'Queued transactions' })
      .getByRole('listitem')
      .filter({ hasText: /Split .*\(durable nonce\)/ });
    await expect(split).toHaveAttribute('data-status', 'signed');
    await panel.button(startChainLabel).click();
    await expect(chainState).toHaveText(describeServing('serving'));
    await split.getByRole('button', { name: 'Send now' }).click();
    await expect(split).toHaveAttribute('data-status', /^(confirmed|finalized)$/);

    expect(await chain.stakeAccountsOf(MAIN)).toHaveLength(stakeAccountsBefore.length + 1);
  });

  test('queues a stake with a nonce and sends it at once', async ({ app, chain, flows, panel }) => {
    await app.goTo('Activity');
    const nonceAccount = await createNonceAccount(app.page, panel);
    const nonceBefore = await nonceValueOf(chain, nonceAccount);
    const stakeAccountsBefore = await chain.stakeAccountsOf(MAIN);

    await app.goTo('Stake accounts');
    await flows.openStake();
    await flows.chooseValidator('Aurora Staking');
    await flows.dialog.getByLabel('Amount (SOL)').fill('1');
    await flows.review();
    await flows.button('Queue with durable nonce').click();

    const review = flows.dialog.getByRole('region', { name: 'Durable nonce review' });
    // Online, the draft's own checks and simulation ran before it moved to the nonce.
    await expect(review.getByText(/^Checks passed \(\d+\)$/)).toBeVisible();
    const instructions = review.getByRole('list', { name: 'Instructions' });
    await expect(instructions.getByRole('listitem').first()).toContainText(nonceAccount);
    const predicted = await screensIn(
      review.getByRole('list', { name: 'Predicted Ledger screens' }),
    );
    await flows.button('Sign with Ledger').click();
    await approveShowing(panel, predicted);
    const status = flows.dialog.getByTestId('nonce-queue-status');
    await expect(status).toContainText('Signed and queued');

    await flows.button('Send now').click();
    await expect(status).toContainText(/^(Confirmed|Finalized) in slot/);
    expect(await chain.stakeAccountsOf(MAIN)).toHaveLength(stakeAccountsBefore.length + 1);
    expect(await nonceValueOf(chain, nonceAccount)).not.toBe(nonceBefore);
  });
});
