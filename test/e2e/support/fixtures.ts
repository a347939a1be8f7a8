import { test as base } from '@playwright/test';

import { startDemoApp, type DemoApp } from '../../support/demo/start-demo-app';
import { AppPage } from './app-page';

interface Fixtures {
  demo: DemoApp;
  app: AppPage;
}

/** Each test gets its own demo app, data folder and page, so no state is shared. */
export const test = base.extend<Fixtures>({
  demo: async ({}, use) => {
    const demo = await startDemoApp();
    await use(demo);
    await demo.close();
  },
  app: async ({ page, demo }, use) => {
    const app = new AppPage(page, demo);
    await app.open();
    await use(app);
  },
});

export { expect } from '@playwright/test';
