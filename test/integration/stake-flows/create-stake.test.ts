import { afterEach, describe, expect, it } from 'vitest';

import { SOL, startFlowHarness, type FlowHarness } from './flow-harness';

let harness: FlowHarness;

afterEach(async () => {
  await harness.close();
});

describe('create stake flow', () => {
  it('stakes, activates and finalizes', async () => {
    harness = await startFlowHarness();
    const vote = harness.voteAccount(0);

    const draft = await harness.flows.prepare({
      operation: 'createStake',
      input: { account: harness.signer, voteAccount: vote, amount: { unit: 'sol', value: '2' } },
    });
    expect(draft.review.device.outcome).toBe('clearSign');
    expect(draft.newStakeAccounts).toHaveLength(1);
    const stakeAccount = draft.newStakeAccounts[0] ?? '';
    expect(await harness.readStakeAccount(stakeAccount)).toBeNull();

    harness.emulator.person.enqueue({ kind: 'review-and-approve' });
    const outcome = await harness.flows.signAndSend(draft.draftId, new AbortController().signal);

    expect(outcome.outcome).toBe('landed');
    const view = await harness.readStakeAccount(stakeAccount);
    expect(view?.state).toBe('activating');
    expect(view?.voter).toBe(vote);
    expect(view?.delegatedStake).toBe((2n * SOL).toString());
    expect(view?.staker).toBe(harness.signer);
    expect(view?.withdrawer).toBe(harness.signer);

    expect(harness.progress.map((event) => event.stage)).toEqual([
      'requested',
      'awaiting-person',
      'signed',
      'sent',
      'confirmed',
    ]);

    await harness.localnet.advanceSlots(40);
    await harness.waitForProgress((event) => event.stage === 'finalized');
    const pending = harness.store.pending.list();
    expect(pending).toHaveLength(1);
    expect(pending[0]?.status.kind).toBe('finalized');

    await harness.localnet.advanceEpochs(1);
    expect((await harness.readStakeAccount(stakeAccount))?.state).toBe('active');
  });
});
