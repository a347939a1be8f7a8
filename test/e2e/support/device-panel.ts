import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

import type { DemoApp } from '../../support/demo/start-demo-app';
import {
  blindSigningNotice,
  describeDeviceStatus,
  describeOutcome,
  describeRequestKind,
} from '../../support/demo-panel/labels';
import type { RequestKind, RequestOutcome } from '../../support/ledger-emulator';

export interface PanelScreen {
  title: string;
  value: string;
}

/**
 * Page object of the demo's device panel. Every action waits until the panel shows the
 * device's new state, which the server pushes once the emulator has changed.
 */
export class DevicePanel {
  private constructor(readonly page: Page) {}

  /** Opens the panel in `target`, or in a new page of it when given a context. */
  static async open(target: BrowserContext | Page, demo: DemoApp): Promise<DevicePanel> {
    const page = 'goto' in target ? target : await target.newPage();
    const panel = new DevicePanel(page);
    await page.goto(demo.panelUrl);
    await expect(panel.connection).toHaveText('Connected');
    await expect(panel.deviceStatus).not.toBeEmpty();
    return panel;
  }

  get connection(): Locator {
    return this.page.getByRole('status', { name: 'Connection' });
  }

  get deviceStatus(): Locator {
    return this.page.getByRole('status', { name: 'Device status' });
  }

  /** The pending request's kind and number, or the text for no request. */
  get request(): Locator {
    return this.page.getByRole('status', { name: 'Request' });
  }

  get currentScreen(): Locator {
    return this.page.getByRole('group', { name: 'Current screen' });
  }

  /** Notice shown while the pending request needs blind signing. */
  get blindSigningNotice(): Locator {
    return this.page.getByText(blindSigningNotice, { exact: true });
  }

  get lastRequest(): Locator {
    return this.page.getByLabel('Last request');
  }

  get configurationReply(): Locator {
    return this.page.getByRole('status', { name: 'Configuration reply' });
  }

  get error(): Locator {
    return this.page.getByRole('alert');
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Waits until a request of `kind` is pending and returns its number. */
  async waitForRequest(kind: RequestKind): Promise<number> {
    const label = describeRequestKind(kind);
    await expect(this.request).toHaveText(new RegExp(`^${label} #\\d+$`));
    return this.requestId();
  }

  /** Reads every screen of the pending request, in the order the device shows them. */
  async screens(): Promise<PanelScreen[]> {
    const items = this.page.getByRole('list', { name: 'All screens' }).getByRole('listitem');
    await expect(items.first()).toBeVisible();
    const screens: PanelScreen[] = [];
    for (const item of await items.all()) {
      screens.push({
        title: await item.locator('.screen-title').innerText(),
        value: await item.locator('.screen-value').innerText(),
      });
    }
    return screens;
  }

  async next(): Promise<void> {
    await this.step('Next', 1);
  }

  async previous(): Promise<void> {
    await this.step('Previous', -1);
  }

  async approve(): Promise<void> {
    await this.settle('Approve', 'approved');
  }

  async reject(): Promise<void> {
    await this.settle('Reject', 'rejected');
  }

  async lock(): Promise<void> {
    await this.button('Lock').click();
    await expect(this.deviceStatus).toHaveText(describeDeviceStatus({ kind: 'locked' }));
  }

  /** Unlocks and waits until the device shows something other than the lock screen. */
  async unlock(): Promise<void> {
    await this.button('Unlock').click();
    await expect(this.deviceStatus).not.toHaveText(describeDeviceStatus({ kind: 'locked' }));
  }

  async unplug(): Promise<void> {
    await this.button('Unplug').click();
    await expect(this.deviceStatus).toHaveText(describeDeviceStatus({ kind: 'unplugged' }));
  }

  /** Plugs the cable back in; the device powers up locked. */
  async plug(): Promise<void> {
    await this.button('Plug in').click();
    await expect(this.deviceStatus).toHaveText(describeDeviceStatus({ kind: 'locked' }));
  }

  async openApp(name: string): Promise<void> {
    if (name === 'Solana') {
      await this.button('Open Solana').click();
    } else {
      await this.page.getByLabel('Other app').selectOption(name);
      await this.button('Open app').click();
    }
    await expect(this.deviceStatus).toHaveText(new RegExp(`^${name} app \\S+ open$`));
  }

  async quitApp(): Promise<void> {
    await this.button('Quit to dashboard').click();
    await expect(this.deviceStatus).toHaveText(describeDeviceStatus({ kind: 'dashboard' }));
  }

  async setBlindSigning(on: boolean): Promise<void> {
    await this.setCheckbox('Blind signing', on);
    await expect(this.configurationReply).toContainText(
      on ? 'blind signing on' : 'blind signing off',
    );
  }

  async setExpertMode(on: boolean): Promise<void> {
    await this.setCheckbox('Expert mode', on);
  }

  async setVersion(version: string): Promise<void> {
    await this.page.getByLabel('App version').selectOption(version);
    await expect(this.configurationReply).toContainText(`Version ${version},`);
  }

  /** Number of the pending request, read from the panel. */
  private async requestId(): Promise<number> {
    const text = await this.request.innerText();
    const match = /#(\d+)$/.exec(text);
    if (match === null) {
      throw new Error(`The panel shows no pending request: "${text}"`);
    }
    return Number(match[1]);
  }

  private async settle(button: 'Approve' | 'Reject', outcome: RequestOutcome): Promise<void> {
    const id = await this.requestId();
    await this.button(button).click();
    await expect(this.lastRequest).toContainText(`#${id}, ${describeOutcome(outcome)}`);
    await expect(this.request).not.toHaveText(new RegExp(`#${id}$`));
  }

  private async step(button: 'Next' | 'Previous', direction: 1 | -1): Promise<void> {
    const position = this.currentScreen.locator('.screen-position');
    const match = /^Screen (\d+) of (\d+)$/.exec(await position.innerText());
    if (match === null) {
      throw new Error('The panel shows no screen to move from.');
    }
    const target = Number(match[1]) + direction;
    await this.button(button).click();
    await expect(position).toHaveText(`Screen ${target} of ${match[2]}`);
  }

  /** Clicks a settings checkbox; it changes only once the device reports the new setting. */
  private async setCheckbox(name: string, on: boolean): Promise<void> {
    const box = this.page.getByRole('checkbox', { name });
    if ((await box.isChecked()) !== on) {
      await box.click();
    }
    await expect(box).toBeChecked({ checked: on });
  }
}
