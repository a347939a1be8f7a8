import { afterEach, describe, expect, it } from 'vitest';

import type { StakeDraft } from '../../../src/shared/contract/stake';
import {
  approveAndLand,
  APP_VERSIONS,
  SOL,
  startFlowHarness,
  type FlowHarness,
} from './flow-harness';

let harness: FlowHarness;

afterEach(async () => {
  await harness.close();
});

async function stakeAndActivate(sol: string): Promise<string> {
  const draft: StakeDraft = await harness.flows.prepare({
    operation: 'createStake',
    input: {
      account: harness.signer,
      voteAccount: harness.voteAccount(0),
      amount: { unit: 'sol', value: sol },
    },
  });
  await approveAndLand(harness, draft);
  await harness.localnet.advanceEpochs(1);
  return draft.newStakeAccounts[0] ?? '';
}

describe.each(APP_VERSIONS)('partial unstake on app %s', (appVersion) => {
  it('splits then deactivates one part', async () => {
    harness = await startFlowHarness({ appVersion });
    const source = await stakeAndActivate('4');

    const split = await harness.flows.prepare({
      operation: 'split',
      input: {
        account: harness.signer,
        stakeAccount: source,
        amount: { unit: 'sol', value: '1.5' },
      },
    });
    expect(split.review.device.outcome).toBe('clearSign');
    expect(split.review.instructions.map((instruction) => instruction.action.kind)).toEqual([
      'systemTransfer',
      'systemAllocateWithSeed',
      'stakeSplit',
    ]);
    await approveAndLand(harness, split);
    const part = split.newStakeAccounts[0] ?? '';

    const sourceView = await harness.readStakeAccount(source);
    const partView = await harness.readStakeAccount(part);
    expect(sourceView?.state).toBe('active');
    expect(sourceView?.delegatedStake).toBe(((25n * SOL) / 10n).toString());
    expect(partView?.state).toBe('active');
    expect(partView?.delegatedStake).toBe(((15n * SOL) / 10n).toString());
    expect(partView?.staker).toBe(harness.signer);

    const deactivate = await harness.flows.prepare({
      operation: 'deactivate',
      input: { account: harness.signer, stakeAccount: part },
    });
    await approveAndLand(harness, deactivate);
    expect((await harness.readStakeAccount(part))?.state).toBe('deactivating');
    expect((await harness.readStakeAccount(source))?.state).toBe('active');
  });

  it('refuses a split that leaves a leg below the minimum', async () => {
    harness = await startFlowHarness({ appVersion });
    const source = await stakeAndActivate('1.5');

    const split = harness.flows.prepare({
      operation: 'split',
      input: { account: harness.signer, stakeAccount: source, amount: { unit: 'sol', value: '1' } },
    });
    await expect(split).rejects.toMatchObject({
      code: 'SPLIT_LEG_BELOW_MINIMUM',
      context: { leg: 'source' },
    });
    expect(harness.emulator.currentRequest).toBeNull();
  });
});
