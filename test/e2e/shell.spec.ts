import { expect, test } from './support/fixtures';
import { pageNames } from './support/app-page';

test.describe('app shell', () => {
  test('navigates between every page', async ({ app }) => {
    await expect(app.heading).toHaveText('Portfolio');
    for (const name of pageNames) {
      await app.goTo(name);
      await expect(app.link(name)).toHaveAttribute('aria-current', 'page');
    }
  });

  test('navigates with the keyboard alone', async ({ app, page }) => {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(app.link('Portfolio')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(app.link('Validators')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.heading).toHaveText('Validators');
  });

  test('keeps the page across a reload and the back button', async ({ app, page }) => {
    await app.goTo('Activity');
    await page.reload();
    await expect(app.heading).toHaveText('Activity');
    await app.goTo('Settings');
    await page.goBack();
    await expect(app.heading).toHaveText('Activity');
  });

  test('shows the status bar on every page', async ({ app }) => {
    for (const name of pageNames) {
      await app.goTo(name);
      await expect(app.statusBar).toBeVisible();
      await expect(app.statusBar).toContainText('Demo');
    }
  });

  test('switches between light and dark themes', async ({ app, page }) => {
    await app.goTo('Settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('rejects links outside the explorer allowlist', async ({ app, page }) => {
    const result = await page.evaluate(() =>
      window.wallet.openExternal({ url: 'https://evil.example/phish' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_NOT_ALLOWED' } });
    await expect(app.heading).toHaveText('Portfolio');
  });

  test('has no bridge without the run token', async ({ browser, demo }) => {
    const page = await browser.newPage();
    await page.goto(demo.origin);
    const result = await page.evaluate(() => window.wallet.getAppInfo({}));
    expect(result).toMatchObject({ ok: false, error: { code: 'BRIDGE_TOKEN_REJECTED' } });
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.getByRole('alert')).toContainText('no valid access token');
    await page.close();
  });

  test('stops retrying a wrong token and says so', async ({ browser, demo }) => {
    const page = await browser.newPage();
    await page.goto(`${demo.origin}/?token=${'0'.repeat(48)}`);
    await expect(page.getByRole('alert').first()).toContainText('no valid access token');
    const result = await page.evaluate(() => window.wallet.getAppInfo({}));
    expect(result).toMatchObject({ ok: false, error: { code: 'BRIDGE_TOKEN_REJECTED' } });
    await page.close();
  });
});
