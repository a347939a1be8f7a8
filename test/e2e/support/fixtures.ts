import { test as base } from '@playwright/test';

import { startDemoApp, type DemoApp, type DemoAppOptions } from '../../support/demo/start-demo-app';
import { AppPage } from './app-page';
import { DevicePanel } from './device-panel';

interface Fixtures {
  /** Options of this test's demo app; set them with `test.use({ demoOptions })`. */
  demoOptions: DemoAppOptions;
  demo: DemoApp;
  app: AppPage;
  /** The demo's device panel, in its own page of the test's browser context. */
  panel: DevicePanel;
}

/** Each test gets its own demo app, data folder and page, so no state is shared. */
export const test = base.extend<Fixtures>({
  demoOptions: [{}, { option: true }],
  demo: async ({ demoOptions }, use) => {
    const demo = await startDemoApp(demoOptions);
    await use(demo);
    await demo.close();
  },
  app: async ({ page, demo }, use) => {
    const app = new AppPage(page, demo);
    await app.open();
    await use(app);
  },
  panel: async ({ context, demo }, use) => {
    await use(await DevicePanel.open(context, demo));
  },
});

export { expect } from '@playwright/test';
