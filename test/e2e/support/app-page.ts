import { expect, type Locator, type Page } from '@playwright/test';

import type { DemoApp } from '../../support/demo/start-demo-app';

export const pageNames = [
  'Portfolio',
  'Stake accounts',
  'Validators',
  'Activity',
  'Ledger accounts',
  'Review transaction',
  'Settings',
] as const;
export type PageName = (typeof pageNames)[number];

/** Page object of the app shell: navigation, status and errors. */
export class AppPage {
  constructor(
    readonly page: Page,
    private readonly demo: DemoApp,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.demo.url);
    await expect(this.statusBar).toContainText('Version');
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  get statusBar(): Locator {
    return this.page.getByRole('banner', { name: 'Status' });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  link(name: PageName): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  async goTo(name: PageName): Promise<void> {
    await this.link(name).click();
    await expect(this.heading).toHaveText(name);
  }
}
