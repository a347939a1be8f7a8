import { Keypair, PublicKey } from '@solana/web3.js';
import { afterEach, describe, expect, it } from 'vitest';

import { StakeActions } from '../chain/support/stakeActions';
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

async function stake(sol: string): Promise<string> {
  const draft = await harness.flows.prepare({
    operation: 'createStake',
    input: {
      account: harness.signer,
      voteAccount: harness.voteAccount(0),
      amount: { unit: 'sol', value: sol },
    },
  });
  await approveAndLand(harness, draft);
  return draft.newStakeAccounts[0] ?? '';
}

describe.each(APP_VERSIONS)('withdraw on app %s', (appVersion) => {
  it('withdraws part, then all after the cooldown', async () => {
    harness = await startFlowHarness({ appVersion });
    const stakeAccount = await stake('2');
    await harness.localnet.advanceEpochs(1);
    await approveAndLand(
      harness,
      await harness.flows.prepare({
        operation: 'deactivate',
        input: { account: harness.signer, stakeAccount },
      }),
    );
    await harness.localnet.advanceEpochs(1);
    expect((await harness.readStakeAccount(stakeAccount))?.state).toBe('inactive');

    const part = await harness.flows.prepare({
      operation: 'withdraw',
      input: { account: harness.signer, stakeAccount, amount: { unit: 'sol', value: '0.5' } },
    });
    const before = await harness.balanceOf(harness.signer);
    await approveAndLand(harness, part);
    expect(await harness.balanceOf(harness.signer)).toBe(
      before + SOL / 2n - BigInt(part.feeLamports),
    );

    const remaining = BigInt((await harness.readStakeAccount(stakeAccount))?.lamports ?? '0');
    const all = await harness.flows.prepare({
      operation: 'withdraw',
      input: { account: harness.signer, stakeAccount, amount: { unit: 'all' } },
    });
    const change = all.simulation.balanceChanges.find((entry) => entry.address === stakeAccount);
    expect(change?.changeLamports).toBe((-remaining).toString());
    await approveAndLand(harness, all);
    expect(await harness.readStakeAccount(stakeAccount)).toBeNull();
  });

  it('refuses to withdraw activating stake', async () => {
    harness = await startFlowHarness({ appVersion });
    const stakeAccount = await stake('2');

    const prepared = harness.flows.prepare({
      operation: 'withdraw',
      input: { account: harness.signer, stakeAccount, amount: { unit: 'sol', value: '1' } },
    });
    await expect(prepared).rejects.toMatchObject({
      code: 'WITHDRAW_ABOVE_WITHDRAWABLE',
      context: { withdrawableLamports: '0', accountState: 'activating' },
    });
    expect(harness.emulator.currentRequest).toBeNull();
  });

  it('withdraws tips sent to active stake', async () => {
    harness = await startFlowHarness({ appVersion });
    const stakeAccount = await stake('2');
    await harness.localnet.advanceEpochs(1);
    const tip = (3n * SOL) / 10n;
    await harness.localnet.fund(stakeAccount, tip);

    const draft = await harness.flows.prepare({
      operation: 'withdraw',
      input: { account: harness.signer, stakeAccount, amount: { unit: 'all' } },
    });
    const change = draft.simulation.balanceChanges.find((entry) => entry.address === stakeAccount);
    const withdrawn = -BigInt(change?.changeLamports ?? '0');
    expect(withdrawn).toBeGreaterThanOrEqual(tip);
    await approveAndLand(harness, draft);

    const view = await harness.readStakeAccount(stakeAccount);
    expect(view?.state).toBe('active');
    expect(view?.withdrawable).toBe('0');
  });
});

describe.each(APP_VERSIONS)('withdraw many on app %s', (appVersion) => {
  it('withdraws from each account in its own batch', async () => {
    harness = await startFlowHarness({ appVersion });
    const payer = Keypair.generate();
    await harness.localnet.fund(payer.publicKey, 20n * SOL);
    const actions = new StakeActions(harness.chain.createConnection(), payer);
    const signerKey = new PublicKey(harness.signer);
    const accounts: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      accounts.push((await actions.createStakeAccount(signerKey, 2n * SOL)).toBase58());
    }
    const stillStaked = await stake('2');

    const batch = await harness.flows.prepareBatch({
      operation: 'withdrawMany',
      input: { account: harness.signer, stakeAccounts: [...accounts, stillStaked] },
    });
    expect(batch.drafts).toHaveLength(3);
    expect(batch.drafts.map((draft) => draft.batch?.index)).toEqual([0, 1, 2]);
    expect(batch.drafts[0]?.checks.some((check) => check.outcome === 'warning')).toBe(true);

    const before = await harness.balanceOf(harness.signer);
    let fees = 0n;
    for (const draft of batch.drafts) {
      await approveAndLand(harness, draft);
      fees += BigInt(draft.feeLamports);
    }
    for (const account of accounts) {
      expect(await harness.readStakeAccount(account)).toBeNull();
    }
    expect((await harness.readStakeAccount(stillStaked))?.state).toBe('activating');
    // Each initialized account held exactly 2 SOL, all of it withdrawable.
    expect(await harness.balanceOf(harness.signer)).toBe(before + 6n * SOL - fees);
  });
});
