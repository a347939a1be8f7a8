import { Connection, PublicKey } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DemoApp } from '../../support/demo/start-demo-app';
import { errorOf, postControl, startPanelDemo, stateOf } from './panel-harness';

const RECIPIENT = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';

let demo: DemoApp;

beforeEach(async () => {
  demo = await startPanelDemo({ localnet: true });
});

afterEach(async () => {
  await demo.close();
});

function chainOf(state: ReturnType<typeof stateOf>) {
  if (state.chain.kind !== 'ready') {
    throw new Error(`Expected a ready chain, got ${state.chain.kind}.`);
  }
  return state.chain;
}

describe('device panel chain controls', () => {
  it('shows the local chain position', () => {
    const chain = chainOf(demo.panel.state);

    expect(chain.url).toBe(demo.localnet?.url);
    expect(chain.epoch).toBeGreaterThan(0);
  });

  it('advances epochs', async () => {
    const before = (await demo.localnet?.getEpochInfo())?.epoch ?? 0;

    const response = await postControl(demo, 'chain/advance-epochs', { count: 2 });

    expect(response.status).toBe(200);
    expect(chainOf(stateOf(response)).epoch).toBe(before + 2);
    expect((await demo.localnet?.getEpochInfo())?.epoch).toBe(before + 2);
  });

  it('expires blockhashes by moving past their slot window', async () => {
    const before = (await demo.localnet?.getEpochInfo())?.absoluteSlot ?? 0;

    const response = await postControl(demo, 'chain/expire-blockhashes');

    expect(response.status).toBe(200);
    expect(chainOf(stateOf(response)).absoluteSlot).toBeGreaterThan(before + 150);
  });

  it('funds an address from the faucet', async () => {
    const connection = new Connection(demo.localnet?.url ?? '', 'confirmed');
    const recipient = new PublicKey(RECIPIENT);
    const before = BigInt(await connection.getBalance(recipient));

    const response = await postControl(demo, 'chain/fund', {
      address: RECIPIENT,
      lamports: '2500000000',
    });

    expect(response.status).toBe(200);
    const after = BigInt(await connection.getBalance(recipient));
    expect(after - before).toBe(2_500_000_000n);
    expect(chainOf(stateOf(response)).lastFunding?.address).toBe(RECIPIENT);
  });

  it('rejects malformed funding', async () => {
    const cases: Array<[string, unknown]> = [
      ['address not base58', { address: 'not-a-key', lamports: '1' }],
      ['lamports as a number', { address: RECIPIENT, lamports: 1 }],
      ['lamports with decimals', { address: RECIPIENT, lamports: '1.5' }],
      ['zero lamports', { address: RECIPIENT, lamports: '0' }],
      ['over the limit', { address: RECIPIENT, lamports: '1000000000000000001' }],
    ];
    for (const [name, body] of cases) {
      const response = await postControl(demo, 'chain/fund', body);
      expect(response.status, name).toBe(400);
      expect(errorOf(response), name).toMatch(/address|lamports/);
    }
  });

  it('rejects an advance outside 1 to 20 epochs', async () => {
    for (const count of [0, 21, 1.5]) {
      const response = await postControl(demo, 'chain/advance-epochs', { count });
      expect(response.status, String(count)).toBe(400);
    }
  });
});
