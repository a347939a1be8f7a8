import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DemoApp } from '../../support/demo/start-demo-app';
import { describeServing } from '../../support/demo-panel/labels';
import { errorOf, postControl, startPanelDemo, stateOf } from '../demo-panel/panel-harness';

let demo: DemoApp;

beforeEach(async () => {
  demo = await startPanelDemo({ localnet: true });
});

afterEach(async () => {
  await demo.close();
});

function servingOf(state: ReturnType<typeof stateOf>): string {
  if (state.chain.kind !== 'ready') {
    throw new Error(`Expected a ready chain, got ${state.chain.kind}.`);
  }
  return state.chain.serving;
}

/** Sends one JSON-RPC call to the local node and returns the HTTP status, or 'unreachable' when the connection fails. */
async function probeRpc(url: string): Promise<number | 'unreachable'> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'getSlot' }),
    });
    return response.status;
  } catch {
    return 'unreachable';
  }
}

describe('device panel stop and start of the local chain', () => {
  it('starts with the chain serving', () => {
    expect(servingOf(demo.panel.state)).toBe('serving');
  });

  it('stops the RPC service', async () => {
    const url = demo.localnet?.url ?? '';

    const response = await postControl(demo, 'chain/stop-serving');

    expect(response.status).toBe(200);
    expect(servingOf(stateOf(response))).toBe('offline');
    expect(await probeRpc(url)).toBe('unreachable');
  });

  it('starts the RPC service again', async () => {
    const url = demo.localnet?.url ?? '';
    await postControl(demo, 'chain/stop-serving');

    const response = await postControl(demo, 'chain/resume');

    expect(response.status).toBe(200);
    expect(servingOf(stateOf(response))).toBe('serving');
    expect(await probeRpc(url)).toBe(200);
  });

  it('rejects a body with fields', async () => {
    const response = await postControl(demo, 'chain/stop-serving', { mode: 'http-error' });

    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatch(/mode/);
    expect(servingOf(demo.panel.state)).toBe('serving');
  });

  it('describes each serving state in words', () => {
    expect(describeServing('serving')).toMatch(/running/);
    expect(describeServing('offline')).toMatch(/stopped/);
    expect(describeServing('httpError')).toMatch(/HTTP error/);
  });
});
