import { afterEach, describe, expect, it } from 'vitest';

import { approveAndLand, APP_VERSIONS, startFlowHarness, type FlowHarness } from './flow-harness';

let harness: FlowHarness;

afterEach(async () => {
  await harness.close();
});

describe.each(APP_VERSIONS)('redelegate on app %s', (appVersion) => {
  it('unstakes now and delegates after the cooldown', async () => {
    harness = await startFlowHarness({ appVersion });
    const created = await harness.flows.prepare({
      operation: 'createStake',
      input: {
        account: harness.signer,
        voteAccount: harness.voteAccount(0),
        amount: { unit: 'sol', value: '2' },
      },
    });
    await approveAndLand(harness, created);
    const stakeAccount = created.newStakeAccounts[0] ?? '';
    await harness.localnet.advanceEpochs(1);
    const target = harness.voteAccount(1);

    const step1 = await harness.flows.prepare({
      operation: 'redelegate',
      input: { account: harness.signer, stakeAccount, voteAccount: target },
    });
    expect(step1.review.instructions.map((instruction) => instruction.action.kind)).toEqual([
      'stakeDeactivate',
    ]);
    expect(step1.followUp?.voteAccount).toBe(target);
    await approveAndLand(harness, step1);
    expect((await harness.readStakeAccount(stakeAccount))?.state).toBe('deactivating');

    const early = harness.flows.prepare({
      operation: 'redelegate',
      input: { account: harness.signer, stakeAccount, voteAccount: target },
    });
    await expect(early).rejects.toMatchObject({ code: 'REDELEGATE_WAIT_FOR_COOLDOWN' });

    await harness.localnet.advanceEpochs(1);
    const info = await harness.localnet.getEpochInfo();
    expect(info.epoch).toBeGreaterThanOrEqual(step1.followUp?.earliestEpoch ?? Infinity);
    const step2 = await harness.flows.prepare({
      operation: 'delegate',
      input: { account: harness.signer, stakeAccount, voteAccount: target },
    });
    await approveAndLand(harness, step2);
    const view = await harness.readStakeAccount(stakeAccount);
    expect(view?.voter).toBe(target);
    expect(view?.state).toBe('activating');
  });
});
