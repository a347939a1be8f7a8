import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DemoApp } from '../../support/demo/start-demo-app';
import { errorOf, postControl, startPanelDemo } from './panel-harness';

let demo: DemoApp;

beforeEach(async () => {
  demo = await startPanelDemo();
});

afterEach(async () => {
  await demo.close();
});

describe('device panel input checks', () => {
  it('rejects a body that is not JSON', async () => {
    const response = await postControl(demo, 'lock', undefined, { rawBody: '{lock' });

    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatch(/not valid JSON/);
    expect(demo.emulator.status.kind).toBe('app');
  });

  it('rejects a body that is not sent as JSON', async () => {
    const response = await postControl(demo, 'lock', {}, { contentType: 'text/plain' });

    expect(response.status).toBe(415);
    expect(errorOf(response)).toContain('application/json');
  });

  it('rejects a body over 16 KiB', async () => {
    const response = await postControl(demo, 'open-app', { name: 'x'.repeat(17 * 1024) });

    expect(response.status).toBe(413);
  });

  it('rejects unknown fields', async () => {
    const response = await postControl(demo, 'lock', { force: true });

    expect(response.status).toBe(400);
    expect(errorOf(response)).toContain('force');
    expect(demo.emulator.status.kind).toBe('app');
  });

  it('rejects an unknown control', async () => {
    const response = await postControl(demo, 'factory-reset');

    expect(response.status).toBe(404);
    expect(errorOf(response)).toContain('factory-reset');
  });

  it('rejects GET on a control', async () => {
    const response = await postControl(demo, 'lock', undefined, { method: 'GET', rawBody: '' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('rejects a request id that is not a positive integer', async () => {
    for (const requestId of ['1', 0, 1.5, null]) {
      const response = await postControl(demo, 'approve', { requestId });
      expect(response.status, String(requestId)).toBe(400);
      expect(errorOf(response), String(requestId)).toContain('requestId');
    }
  });

  it('rejects settings with nothing to change', async () => {
    const response = await postControl(demo, 'settings', {});

    expect(response.status).toBe(400);
    expect(errorOf(response)).toContain('at least one setting');
  });

  it('rejects app versions the configuration reply cannot carry', async () => {
    for (const version of ['1.16', 'v1.9.0', '1.256.0', '']) {
      const response = await postControl(demo, 'settings', { version });
      expect(response.status, version).toBe(400);
    }
    expect(demo.emulator.settings.version).toBe('1.9.0');
  });

  it('rejects settings of the wrong type', async () => {
    const blind = await postControl(demo, 'settings', { blindSigning: 'yes' });
    const display = await postControl(demo, 'settings', { pubkeyDisplay: 'medium' });

    expect(blind.status).toBe(400);
    expect(errorOf(blind)).toContain('blindSigning');
    expect(display.status).toBe(400);
    expect(errorOf(display)).toContain('pubkeyDisplay');
    expect(demo.emulator.settings.blindSigning).toBe(false);
  });

  it('rejects an empty app name', async () => {
    const response = await postControl(demo, 'open-app', { name: '  ' });

    expect(response.status).toBe(400);
    expect(errorOf(response)).toContain('name');
  });

  it('rejects chain controls when the demo has no chain', async () => {
    const response = await postControl(demo, 'chain/advance-epochs', { count: 1 });

    expect(response.status).toBe(404);
    expect(errorOf(response)).toContain('without a local chain');
  });
});
