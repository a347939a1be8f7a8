import { afterEach, describe, expect, it } from 'vitest';

import { stakeBatchSchema } from '../../../src/shared/contract/stake';
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

describe.each(APP_VERSIONS)('stake across validators on app %s', (appVersion) => {
  it('signs one batch per validator', async () => {
    harness = await startFlowHarness({ appVersion });
    const votes = [harness.voteAccount(0), harness.voteAccount(1), harness.voteAccount(2)];

    const batch = await harness.flows.prepareBatch({
      operation: 'stakeAcrossValidators',
      input: {
        account: harness.signer,
        allocations: votes.map((voteAccount, index) => ({
          voteAccount,
          amount: { unit: 'sol' as const, value: `${index + 1}` },
        })),
      },
    });
    expect(stakeBatchSchema.safeParse(batch).error).toBeUndefined();
    expect(batch.drafts).toHaveLength(3);
    const accounts = batch.drafts.flatMap((draft) => draft.newStakeAccounts);
    expect(new Set(accounts).size).toBe(3);

    for (const draft of batch.drafts) {
      await approveAndLand(harness, draft);
    }
    const signedBatches = harness.progress
      .filter((event) => event.stage === 'confirmed')
      .map((event) => event.batch);
    expect(signedBatches).toEqual(
      [0, 1, 2].map((index) => ({ batchId: batch.batchId, index, count: 3 })),
    );

    for (const [index, address] of accounts.entries()) {
      const view = await harness.readStakeAccount(address);
      expect(view?.voter).toBe(votes[index]);
      expect(view?.delegatedStake).toBe((BigInt(index + 1) * SOL).toString());
      expect(view?.state).toBe('activating');
    }
  });

  it('refuses a total above the maximum', async () => {
    harness = await startFlowHarness({ appVersion, fundSol: 5n });
    const prepared = harness.flows.prepareBatch({
      operation: 'stakeAcrossValidators',
      input: {
        account: harness.signer,
        allocations: [0, 1, 2].map((index) => ({
          voteAccount: harness.voteAccount(index),
          amount: { unit: 'sol' as const, value: '1.67' },
        })),
      },
    });
    await expect(prepared).rejects.toMatchObject({ code: 'STAKE_AMOUNT_ABOVE_MAXIMUM' });
  });
});
