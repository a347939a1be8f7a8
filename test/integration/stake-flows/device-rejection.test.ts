import { afterEach, describe, expect, it } from 'vitest';

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

describe.each(APP_VERSIONS)('device rejection on app %s', (appVersion) => {
  it('sends nothing and allows a second try', async () => {
    harness = await startFlowHarness({ appVersion });
    const draft = await harness.flows.prepare({
      operation: 'createStake',
      input: {
        account: harness.signer,
        voteAccount: harness.voteAccount(0),
        amount: { unit: 'sol', value: '2' },
      },
    });
    const stakeAccount = draft.newStakeAccounts[0] ?? '';

    const rejected = harness.signReadingScreens(draft, 'reject');
    await expect(rejected).rejects.toMatchObject({ code: 'LEDGER_REJECTED' });
    expect(await harness.readStakeAccount(stakeAccount)).toBeNull();
    expect(await harness.balanceOf(harness.signer)).toBe(10n * SOL);
    expect(harness.store.pending.list()).toEqual([]);
    const { lines } = await harness.store.audit.verify();
    expect(lines.map((line) => line.entry)).toEqual([
      expect.objectContaining({ kind: 'signatureRequest', outcome: 'rejected', signature: null }),
    ]);
    // The app cannot read the device's expert mode, so only screens shown in any mode count.
    const shownInAnyMode =
      draft.review.device.outcome === 'refused'
        ? []
        : draft.review.device.screens.filter((screen) => !screen.expertOnly);
    expect(lines[0]?.entry).toMatchObject({
      deviceScreens: shownInAnyMode.map(({ title, value }) => ({ title, value })),
    });
    expect(harness.progress.at(-1)).toMatchObject({
      stage: 'failed',
      error: { code: 'LEDGER_REJECTED' },
      canResend: false,
    });

    await approveAndLand(harness, draft);
    expect((await harness.readStakeAccount(stakeAccount))?.state).toBe('activating');
  });

  it('refuses a second sign call', async () => {
    harness = await startFlowHarness({ appVersion });
    const draft = await harness.flows.prepare({
      operation: 'createStake',
      input: {
        account: harness.signer,
        voteAccount: harness.voteAccount(0),
        amount: { unit: 'sol', value: '2' },
      },
    });

    const sending = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    const again = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    await expect(again).rejects.toMatchObject({ code: 'STAKE_DRAFT_STATE_INVALID' });
    await harness.waitForDeviceRequest();
    harness.emulator.approve();
    expect((await sending).outcome).toBe('landed');
    expect(harness.progress.filter((event) => event.stage === 'requested')).toHaveLength(1);
  });

  it('cancels while the device waits', async () => {
    harness = await startFlowHarness({ appVersion });
    const draft = await harness.flows.prepare({
      operation: 'createStake',
      input: {
        account: harness.signer,
        voteAccount: harness.voteAccount(0),
        amount: { unit: 'sol', value: '2' },
      },
    });

    const sending = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    await harness.waitForDeviceRequest();
    expect(harness.flows.cancel(draft.draftId)).toBe(true);
    await expect(sending).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await harness.readStakeAccount(draft.newStakeAccounts[0] ?? '')).toBeNull();
  });
});
