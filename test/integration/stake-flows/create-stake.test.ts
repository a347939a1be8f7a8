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

describe.each(APP_VERSIONS)('create stake on app %s', (appVersion) => {
  it('stakes, activates and finalizes', async () => {
    harness = await startFlowHarness({ appVersion });
    const vote = harness.voteAccount(0);

    const draft = await harness.flows.prepare({
      operation: 'createStake',
      input: { account: harness.signer, voteAccount: vote, amount: { unit: 'sol', value: '2' } },
    });
    expect(draft.review.device.outcome).toBe('clearSign');
    const stakeAccount = draft.newStakeAccounts[0] ?? '';
    expect(await harness.readStakeAccount(stakeAccount)).toBeNull();

    const outcome = await approveAndLand(harness, draft);
    expect(outcome.explorerUrl).toContain(outcome.signature);

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

  it('picks a new seed for a second account', async () => {
    harness = await startFlowHarness({ appVersion });
    const input = {
      account: harness.signer,
      voteAccount: harness.voteAccount(1),
      amount: { unit: 'sol' as const, value: '1.5' },
    };

    const first = await harness.flows.prepare({ operation: 'createStake', input });
    const second = await harness.flows.prepare({ operation: 'createStake', input });
    expect(second.newStakeAccounts).not.toEqual(first.newStakeAccounts);

    await approveAndLand(harness, first);
    const third = await harness.flows.prepare({ operation: 'createStake', input });
    expect(third.newStakeAccounts).not.toEqual(first.newStakeAccounts);
    expect(third.newStakeAccounts).not.toEqual(second.newStakeAccounts);
    await approveAndLand(harness, third);
    for (const address of [...first.newStakeAccounts, ...third.newStakeAccounts]) {
      expect((await harness.readStakeAccount(address))?.state).toBe('activating');
    }
  });
});

describe('checks before the device', () => {
  it('simulates again before signing', async () => {
    harness = await startFlowHarness();
    const input = {
      account: harness.signer,
      voteAccount: harness.voteAccount(0),
      amount: { unit: 'sol' as const, value: '6' },
    };
    const first = await harness.flows.prepare({ operation: 'createStake', input });
    const second = await harness.flows.prepare({ operation: 'createStake', input });
    await approveAndLand(harness, first);

    // Each draft fit the balance alone; after the first, the second no longer does.
    const signing = harness.flows.signAndSend(second.draftId, new AbortController().signal);
    await expect(signing).rejects.toMatchObject({ code: 'STAKE_SIMULATION_FAILED' });
    expect(harness.emulator.currentRequest).toBeNull();
    expect(await harness.readStakeAccount(second.newStakeAccounts[0] ?? '')).toBeNull();
    await harness.localnet.fund(harness.signer, 5n * SOL);
    await approveAndLand(harness, second);
  });
});

describe('stakeable maximum', () => {
  it('shares one formula with validation', async () => {
    harness = await startFlowHarness({ fundSol: 3n });
    const max = await harness.flows.getMaxStakeable({ account: harness.signer });
    const half = await harness.flows.getMaxStakeable({ account: harness.signer, percent: 50 });
    const maxLamports = BigInt(max.maxLamports);

    expect(BigInt(max.balanceLamports)).toBe(3n * SOL);
    expect(maxLamports).toBe(
      BigInt(max.balanceLamports) -
        BigInt(max.feeLamports) -
        BigInt(max.stakeRentReserveLamports) -
        BigInt(max.keptReserveLamports),
    );
    expect(BigInt(half.amountLamports)).toBe(maxLamports / 2n);

    const tooMuch = harness.flows.prepare({
      operation: 'createStake',
      input: {
        account: harness.signer,
        voteAccount: harness.voteAccount(0),
        amount: { unit: 'lamports', value: (maxLamports + 1n).toString() },
      },
    });
    await expect(tooMuch).rejects.toMatchObject({
      code: 'STAKE_AMOUNT_ABOVE_MAXIMUM',
      context: { maxStakeableLamports: max.maxLamports },
    });
    expect(harness.emulator.currentRequest).toBeNull();
  });

  it('leaves enough to unstake and withdraw', async () => {
    harness = await startFlowHarness({ fundSol: 3n });
    const max = await harness.flows.getMaxStakeable({ account: harness.signer });
    const draft = await harness.flows.prepare({
      operation: 'createStake',
      input: {
        account: harness.signer,
        voteAccount: harness.voteAccount(0),
        amount: { unit: 'lamports', value: max.maxLamports },
      },
    });
    await approveAndLand(harness, draft);
    const stakeAccount = draft.newStakeAccounts[0] ?? '';
    expect(await harness.balanceOf(harness.signer)).toBe(BigInt(max.keptReserveLamports));

    await harness.localnet.advanceEpochs(1);
    const deactivate = await harness.flows.prepare({
      operation: 'deactivate',
      input: { account: harness.signer, stakeAccount },
    });
    await approveAndLand(harness, deactivate);
    await harness.localnet.advanceEpochs(1);
    const withdraw = await harness.flows.prepare({
      operation: 'withdraw',
      input: { account: harness.signer, stakeAccount, amount: { unit: 'all' } },
    });
    await approveAndLand(harness, withdraw);
    expect(await harness.readStakeAccount(stakeAccount)).toBeNull();
  });

  it('rejects an amount above the balance', async () => {
    harness = await startFlowHarness({ fundSol: 1n });
    const prepared = harness.flows.prepare({
      operation: 'createStake',
      input: {
        account: harness.signer,
        voteAccount: harness.voteAccount(0),
        amount: { unit: 'sol', value: '2' },
      },
    });
    await expect(prepared).rejects.toMatchObject({ code: 'STAKE_AMOUNT_ABOVE_MAXIMUM' });
    expect(harness.emulator.currentRequest).toBeNull();
  });
});
