import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DemoApp } from '../../support/demo/start-demo-app';
import {
  deviceClient,
  outcomeOf,
  PanelEventStream,
  postControl,
  startPanelDemo,
  waitForPendingRequest,
} from './panel-harness';

let demo: DemoApp;
let stream: PanelEventStream | null = null;

beforeEach(async () => {
  demo = await startPanelDemo();
});

afterEach(async () => {
  stream?.close();
  stream = null;
  await demo.close();
});

async function openStream(): Promise<PanelEventStream> {
  const opened = await PanelEventStream.open(demo, { Origin: demo.origin });
  expect(opened.status).toBe(200);
  if (opened.stream === null) {
    throw new Error('The event stream did not open.');
  }
  stream = opened.stream;
  return opened.stream;
}

describe('device panel event stream', () => {
  it('sends the device state on connect', async () => {
    const events = await openStream();

    const first = await events.waitFor(() => true);

    expect(first.device).toEqual({ kind: 'app', name: 'Solana', version: '1.9.0' });
    expect(first.settings).toMatchObject({ blindSigning: false, version: '1.9.0' });
    expect(first.request).toBeNull();
    expect(first.chain).toEqual({ kind: 'absent' });
    expect(first.otherApps).toEqual(['Ethereum', 'Bitcoin']);
    expect(first.accounts).toContainEqual({
      path: "44'/501'/0'",
      address: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
    });
  });

  it('accepts a same-origin stream without an Origin header', async () => {
    const opened = await PanelEventStream.open(demo);
    stream = opened.stream;

    expect(opened.status).toBe(200);
  });

  it('sends a pending request with all its screens', async () => {
    const events = await openStream();
    const result = outcomeOf(deviceClient(demo).getAddress("44'/501'/0'", true));
    await waitForPendingRequest(demo);

    const pending = await events.waitFor((state) => state.request !== null);

    expect(pending.request).toMatchObject({ kind: 'get-address', screenIndex: 0 });
    expect(pending.request?.screens).toEqual([
      { kind: 'field', title: 'Pubkey', value: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH' },
      { kind: 'approve', title: 'Approve' },
      { kind: 'reject', title: 'Reject' },
    ]);
    demo.emulator.reject();
    const settled = await events.waitFor((state) => state.lastSettled !== null);
    expect(settled.request).toBeNull();
    expect(settled.lastSettled).toMatchObject({ kind: 'get-address', outcome: 'rejected' });
    expect((await result).ok).toBe(false);
  });

  it('sends each change with a higher revision', async () => {
    const events = await openStream();
    const first = await events.waitFor(() => true);

    await postControl(demo, 'lock');
    const locked = await events.waitFor((state) => state.device.kind === 'locked');
    await postControl(demo, 'settings', { blindSigning: true });
    const blind = await events.waitFor((state) => state.settings.blindSigning);

    expect(locked.revision).toBeGreaterThan(first.revision);
    expect(blind.revision).toBeGreaterThan(locked.revision);
  });

  it('ends the stream when the panel closes', async () => {
    const events = await openStream();
    await events.waitFor(() => true);
    const ended = new Promise<void>((resolve) => events.onEnd(resolve));

    demo.panel.close();

    await ended;
  });
});
