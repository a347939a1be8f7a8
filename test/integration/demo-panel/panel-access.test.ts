import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DemoApp } from '../../support/demo/start-demo-app';
import { errorOf, PanelEventStream, postControl, startPanelDemo } from './panel-harness';

let demo: DemoApp;

beforeEach(async () => {
  demo = await startPanelDemo();
});

afterEach(async () => {
  await demo.close();
});

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${demo.origin}${path}`, { headers });
}

describe('device panel access', () => {
  it('serves the page with the run token and a strict policy', async () => {
    const response = await fetch(demo.panelUrl);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).toContain(`/device/panel.js?token=${demo.host.token}`);
    expect(html).not.toMatch(/<script>/);
  });

  it('serves the built script and the style sheet', async () => {
    const script = await get(`/device/panel.js?token=${demo.host.token}`);
    const style = await get(`/device/panel.css?token=${demo.host.token}`);

    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await script.text()).length).toBeGreaterThan(1000);
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toContain('text/css');
  });

  it('rejects every route without the token', async () => {
    for (const path of ['/device', '/device/panel.js', '/device/panel.css', '/device/events']) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate'), path).toBe('Bearer');
    }
    const control = await postControl(demo, 'lock', {}, { token: null });
    expect(control.status).toBe(401);
    expect(demo.emulator.status.kind).toBe('app');
  });

  it('rejects a wrong token of the right length', async () => {
    const wrong = demo.host.token.replace(/.$/, (last) => (last === '0' ? '1' : '0'));

    expect((await get(`/device?token=${wrong}`)).status).toBe(401);
    expect((await postControl(demo, 'lock', {}, { token: wrong })).status).toBe(401);
    expect(demo.emulator.status.kind).toBe('app');
  });

  it('rejects controls from another origin', async () => {
    const foreign = await postControl(demo, 'lock', {}, { origin: 'http://evil.example' });
    const otherPort = await postControl(demo, 'lock', {}, { origin: 'http://127.0.0.1:1' });

    expect(foreign.status).toBe(403);
    expect(errorOf(foreign)).toContain('http://evil.example');
    expect(otherPort.status).toBe(403);
    expect(demo.emulator.status.kind).toBe('app');
  });

  it('rejects controls without an Origin header', async () => {
    const response = await postControl(demo, 'lock', {}, { origin: null });

    expect(response.status).toBe(403);
    expect(demo.emulator.status.kind).toBe('app');
  });

  it('rejects an event stream from another origin', async () => {
    const { status } = await PanelEventStream.open(demo, { Origin: 'http://evil.example' });

    expect(status).toBe(403);
  });

  it('accepts the token in the Authorization header', async () => {
    const response = await get('/device/panel.css', {
      Authorization: `Bearer ${demo.host.token}`,
    });

    expect(response.status).toBe(200);
  });

  it('leaves other paths to the browser host', async () => {
    const app = await get('/');
    const lookalike = await get(`/devices?token=${demo.host.token}`);

    expect(app.status).toBe(200);
    expect(await app.text()).toContain('app');
    expect(lookalike.status).toBe(404);
  });

  it('refuses requests once closed', async () => {
    demo.panel.close();

    expect((await fetch(demo.panelUrl)).status).toBe(503);
  });
});
