import { expect, type Locator, type Page } from '@playwright/test';

import type { Localnet } from '../../support/localnet';
import type { DevicePanel } from './device-panel';

/** Signing attempts before a test gives up on a transaction landing. */
const MAX_ATTEMPTS = 3;

/** Page object of the stake flow dialog and the stake actions on the Stake accounts page. */
export class StakeFlows {
  constructor(
    readonly page: Page,
    private readonly localnet: Localnet,
  ) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Stake and manage' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  button(name: string | RegExp): Locator {
    return this.dialog.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Returns the actions row of one stake account. */
  actionsRow(stakeAccount: string): Locator {
    return this.section.locator(`tr[data-stake-account="${stakeAccount}"]`);
  }

  async openStake(): Promise<void> {
    await this.open('Stake SOL');
  }

  async open(name: string): Promise<void> {
    await this.section.getByRole('button', { name, exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Returns the fieldset of one validator of the several-validators form, counted from 1. */
  allocation(number: number): Locator {
    return this.dialog.getByRole('group', { name: `Validator ${number}` });
  }

  /** Picks the validator whose option text starts with `name`, in `scope` or the whole dialog. */
  async chooseValidator(name: string, scope: Locator = this.dialog): Promise<void> {
    const select = scope.getByLabel('Validator', { exact: true });
    const option = select.locator('option', { hasText: name }).first();
    await expect(option).toBeAttached();
    await select.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  }

  /** Clicks Review and waits until the draft is built, checked and simulated. */
  async review(): Promise<void> {
    await this.button('Review').click();
    await expect(this.button(/^Sign with Ledger/)).toBeVisible();
  }

  /** Reads the title and value of each screen the review predicts, approval step left out. */
  async predictedScreens(): Promise<Array<{ title: string; value: string }>> {
    const items = this.dialog
      .getByRole('list', { name: 'Screens on your Ledger, in order' })
      .getByRole('listitem');
    const screens: Array<{ title: string; value: string }> = [];
    for (const item of await items.all()) {
      const title = await item.locator('.screen-title').innerText();
      // The emulated device runs without expert mode, so it skips screens marked for it.
      const expertOnly = (await item.getByText('only in expert mode').count()) > 0;
      if (title !== 'Approve' && !expertOnly) {
        screens.push({ title, value: await item.locator('.screen-value').innerText() });
      }
    }
    return screens;
  }

  /**
   * Clicks Sign with Ledger and waits until the device panel shows the transaction. A draft
   * that expired before signing is refreshed first, the way a person would. Returns the
   * new stake account the draft creates (null when none) and the predicted screens.
   */
  async startSigning(
    panel: DevicePanel,
  ): Promise<{ created: string | null; predicted: Array<{ title: string; value: string }> }> {
    const sign = this.button(/^Sign with Ledger/);
    const refresh = this.button('Refresh the transaction');
    const confirm = this.dialog.getByText('Confirm on your Ledger');

    let created = await this.newStakeAccountOrNull();
    let predicted = await this.predictedScreens();
    await sign.click();
    await expect(confirm.or(refresh)).toBeVisible();
    if (await refresh.isVisible()) {
      await refresh.click();
      await expect(sign).toBeVisible();
      created = await this.newStakeAccountOrNull();
      predicted = await this.predictedScreens();
      await sign.click();
      await expect(confirm).toBeVisible();
    }
    await panel.waitForRequest('sign-transaction');
    return { created, predicted };
  }

  /**
   * Signs the reviewed draft, checks that the device panel shows exactly the predicted
   * screens and approves there, until the transaction lands. Returns the new stake account,
   * or null when none.
   *
   * The local chain rejects a blockhash about a second after handing it out, long before its
   * last valid block height. The app then waits for that height; this advances the chain past
   * it, and builds and signs the transaction again as the app offers.
   */
  async signOnDevice(panel: DevicePanel): Promise<string | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const { created, predicted } = await this.startSigning(panel);
      const shown = (await panel.screens()).filter(
        (screen) => screen.title !== 'Approve' && screen.title !== 'Reject',
      );
      expect(shown).toEqual(predicted);
      await panel.approve();

      // A batch moves on to the review of its next transaction once one lands.
      const nextReview = this.button('Sign with Ledger');
      await expect(this.landed.or(nextReview).or(this.blockhashRejected).first()).toBeVisible();
      if (!(await this.blockhashRejected.isVisible())) {
        return created;
      }
      await this.localnet.expireBlockhashes();
      await expect(this.expired).toBeVisible();
      await this.button('Build and sign a new transaction').click();
      await expect(this.button(/^Sign with Ledger/)).toBeVisible();
    }
    throw new Error(`the transaction did not land in ${MAX_ATTEMPTS} attempts`);
  }

  /** Notice that the node rejected the blockhash while the transaction could still land. */
  get blockhashRejected(): Locator {
    return this.dialog.getByTestId('blockhash-rejected');
  }

  private async newStakeAccountOrNull(): Promise<string | null> {
    const rows = this.newStakeAccountRows();
    return (await rows.count()) === 0 ? null : rows.locator('.mono').innerText();
  }

  private newStakeAccountRows(): Locator {
    return this.dialog.getByRole('table').getByRole('row').filter({ hasText: 'New stake account' });
  }

  get landed(): Locator {
    return this.dialog.locator('[data-outcome="landed"]');
  }

  get expired(): Locator {
    return this.dialog.locator('[data-outcome="expired"]');
  }
}
