import { afterEach, describe, expect, it } from 'vitest';

import { isWalletError } from '../../../src/shared/errors';
import { approveAndLand, APP_VERSIONS, startFlowHarness, type FlowHarness } from './flow-harness';

let harness: FlowHarness;

afterEach(async () => {
  await harness.close();
});

async function stake(sol: string, validator: number): Promise<string> {
  const draft = await harness.flows.prepare({
    operation: 'createStake',
    input: {
      account: harness.signer,
      voteAccount: harness.voteAccount(validator),
      amount: { unit: 'sol', value: sol },
    },
  });
  await approveAndLand(harness, draft);
  return draft.newStakeAccounts[0] ?? '';
}

describe.each(APP_VERSIONS)('merge on app %s', (appVersion) => {
  it('merges two active accounts on one validator', async () => {
    harness = await startFlowHarness({ appVersion });
    const destination = await stake('2', 0);
    const source = await stake('3', 0);
    await harness.localnet.advanceEpochs(1);
    const destinationBefore = await harness.readStakeAccount(destination);
    const sourceBefore = await harness.readStakeAccount(source);

    const options = await harness.flows.getMergeOptions({ account: harness.signer, destination });
    expect(options.candidates).toEqual([{ source, mergeable: true }]);

    const draft = await harness.flows.prepare({
      operation: 'merge',
      input: { account: harness.signer, destination, source },
    });
    await approveAndLand(harness, draft);

    expect(await harness.readStakeAccount(source)).toBeNull();
    const merged = await harness.readStakeAccount(destination);
    expect(merged?.state).toBe('active');
    expect(BigInt(merged?.lamports ?? '0')).toBe(
      BigInt(destinationBefore?.lamports ?? '0') + BigInt(sourceBefore?.lamports ?? '0'),
    );
  });

  it('names the reason a pair cannot merge', async () => {
    harness = await startFlowHarness({ appVersion });
    const destination = await stake('2', 0);
    const source = await stake('2', 1);
    await harness.localnet.advanceEpochs(1);

    const options = await harness.flows.getMergeOptions({ account: harness.signer, destination });
    expect(options.candidates).toHaveLength(1);
    const [candidate] = options.candidates;
    expect(candidate).toMatchObject({ source, mergeable: false });
    expect(candidate?.mergeable === false ? candidate.reason : '').toContain(
      'different validators',
    );

    const error: unknown = await harness.flows
      .prepare({ operation: 'merge', input: { account: harness.signer, destination, source } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MERGE_NOT_POSSIBLE' });
    expect(isWalletError(error) ? error.message : '').toContain('different validators');
    expect(harness.emulator.currentRequest).toBeNull();
  });
});
