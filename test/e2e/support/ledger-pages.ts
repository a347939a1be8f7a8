import { expect, type Locator, type Page } from '@playwright/test';

import type { AppPage } from './app-page';

/** Returns the Ledger part of the status bar. */
export function deviceStatus(app: AppPage): Locator {
  return app.statusBar.getByRole('status', { name: 'Ledger' });
}

/** Page object of the Ledger accounts page: Connect, progress and the account list. */
export class LedgerAccountsPage {
  constructor(private readonly app: AppPage) {}

  get page(): Page {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.app.goTo('Ledger accounts');
  }

  get searchStatus(): Locator {
    return this.page.getByRole('status', { name: 'Account search' });
  }

  get schemeTable(): Locator {
    return this.page.getByRole('table', { name: 'Accounts per derivation path' });
  }

  get accountRows(): Locator {
    return this.page.getByRole('table').filter({ hasText: 'Actions' }).getByRole('row');
  }

  /** Clicks Connect and waits until the search reports that it is complete. */
  async connect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Connect Ledger' }).click();
    await expect(this.searchStatus).toContainText('Search complete');
  }

  /** Returns the row of the account with this derivation path. */
  accountRow(path: string): Locator {
    return this.accountRows.filter({
      has: this.page.getByRole('cell', { name: path, exact: true }),
    });
  }

  /** Returns the checked and found cells of a scheme row in the progress table. */
  schemeCounts(label: string): Locator {
    return this.schemeTable.getByRole('row', { name: label }).getByRole('cell');
  }

  async verify(path: string): Promise<Locator> {
    const row = this.accountRow(path);
    await row.getByRole('button', { name: 'Verify on Ledger' }).click();
    return row;
  }
}

/** Page object of the Review transaction page and its signing prompt. */
export class ReviewTransactionPage {
  constructor(private readonly app: AppPage) {}

  get page(): Page {
    return this.app.page;
  }

  async open(): Promise<void> {
    await this.app.goTo('Review transaction');
  }

  get input(): Locator {
    return this.page.getByLabel('Transaction or message, as base64 or base58');
  }

  get review(): Locator {
    return this.page.getByRole('region', { name: 'What this transaction does' });
  }

  get instructions(): Locator {
    return this.review.getByRole('list', { name: 'Instructions' }).getByRole('listitem');
  }

  get predictedScreens(): Locator {
    return this.review
      .getByRole('list', { name: 'Predicted Ledger screens' })
      .getByRole('listitem');
  }

  get prompt(): Locator {
    return this.page.getByRole('dialog', { name: 'Sign with Ledger' });
  }

  /** Pastes the text, presses Review and waits for the review to show. */
  async reviewText(text: string): Promise<void> {
    await this.input.fill(text);
    await this.page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(this.review).toBeVisible();
  }

  /** Opens the signing prompt and waits until it shows "Confirm on your Ledger". */
  async signWithLedger(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign with Ledger' }).click();
    await expect(this.prompt.getByRole('status').first()).toHaveText('Confirm on your Ledger');
  }

  /**
   * Reads the title and value of each screen the prompt lists, without Approve and Reject.
   * Screens listed for expert mode are merged in at their place when `expertMode` is set.
   */
  async promptScreens(expertMode = false): Promise<{ title: string; value: string }[]> {
    const label = 'Screens on your Ledger, in order';
    const readScreen = async (item: Locator) => ({
      title: await item.locator('.screen-title').innerText(),
      value: await item.locator('.screen-value').innerText(),
    });
    const items = await this.prompt
      .getByRole('list', { name: label, exact: true })
      .getByRole('listitem')
      .all();
    const shown = await Promise.all(items.slice(0, -1).map(readScreen));
    if (!expertMode) {
      return shown;
    }
    const expertItems = await this.prompt
      .getByRole('list', { name: `${label}: shown only in expert mode` })
      .getByRole('listitem')
      .all();
    const merged = [...shown];
    // Insert from the last so earlier positions stay valid.
    for (const item of expertItems.reverse()) {
      const after = Number(await item.getAttribute('data-after'));
      merged.splice(after, 0, await readScreen(item));
    }
    return merged;
  }

  /** Reads the step numbers of the always-shown screens, such as "Screen 1 of 4". */
  async promptSteps(): Promise<string[]> {
    return this.prompt
      .getByRole('list', { name: 'Screens on your Ledger, in order', exact: true })
      .locator('.screen-step')
      .allInnerTexts();
  }

  signedField(label: string): Locator {
    return this.prompt.getByLabel(label, { exact: true });
  }
}
