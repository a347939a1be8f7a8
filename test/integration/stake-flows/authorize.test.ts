import { afterEach, describe, expect, it } from 'vitest';

import { approveAndLand, APP_VERSIONS, startFlowHarness, type FlowHarness } from './flow-harness';

let harness: FlowHarness;

afterEach(async () => {
  await harness.close();
});

async function stake(): Promise<string> {
  const draft = await harness.flows.prepare({
    operation: 'createStake',
    input: {
      account: harness.signer,
      voteAccount: harness.voteAccount(0),
      amount: { unit: 'sol', value: '2' },
    },
  });
  await approveAndLand(harness, draft);
  return draft.newStakeAccounts[0] ?? '';
}

describe.each(APP_VERSIONS)('authorize on app %s', (appVersion) => {
  it('gives the withdrawer to another Ledger account', async () => {
    harness = await startFlowHarness({ appVersion });
    const stakeAccount = await stake();

    const draft = await harness.flows.prepare({
      operation: 'authorize',
      input: {
        account: harness.signer,
        stakeAccount,
        changes: [{ authorityType: 'withdrawer', newAuthority: harness.second }],
      },
    });
    const warning = draft.checks.find((check) => check.check === 'withdrawerChange');
    expect(warning?.outcome).toBe('warning');
    expect(warning?.text).toContain('Cold');
    await approveAndLand(harness, draft);

    const view = await harness.readStakeAccount(stakeAccount);
    expect(view?.withdrawer).toBe(harness.second);
    expect(view?.staker).toBe(harness.signer);

    const withdraw = harness.flows.prepare({
      operation: 'withdraw',
      input: { account: harness.signer, stakeAccount, amount: { unit: 'all' } },
    });
    await expect(withdraw).rejects.toMatchObject({ code: 'STAKE_AUTHORITY_MISMATCH' });
  });

  it('names the missing fee before the device is asked', async () => {
    harness = await startFlowHarness({ appVersion });
    const stakeAccount = await stake();
    await approveAndLand(
      harness,
      await harness.flows.prepare({
        operation: 'authorize',
        input: {
          account: harness.signer,
          stakeAccount,
          changes: [{ authorityType: 'staker', newAuthority: harness.second }],
        },
      }),
    );

    // The second account has no SOL, so it cannot pay the unstake fee.
    const prepared = harness.flows.prepare({
      operation: 'deactivate',
      input: { account: harness.second, stakeAccount },
    });
    await expect(prepared).rejects.toMatchObject({
      code: 'FEE_PAYER_BALANCE_TOO_LOW',
      context: { feePayer: harness.second, balanceLamports: '0', shortfallLamports: '5000' },
    });
    expect(harness.emulator.currentRequest).toBeNull();
  });
});
