import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Connection, PublicKey, StakeProgram } from '@solana/web3.js';
import pino from 'pino';

import { StoreService } from '../../src/main/store';
import type { DemoApp } from '../support/demo/start-demo-app';
import type { Localnet } from '../support/localnet';
import { decodeStakeState } from '../support/localnet/codec/stakeState';
import { expect, test } from './support/fixtures';
import { StakeFlows } from './support/stake-flows';

const LEDGER_PATH = "44'/501'/0'";
/** Key of LEDGER_PATH on the emulated Ledger, whose seed is the public Speculos test mnemonic. */
const LEDGER_ADDRESS = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';
const silent = pino({ level: 'silent' });

function requireLocalnet(demo: DemoApp): Localnet {
  if (demo.localnet === null) {
    throw new Error('the demo was started without its local chain');
  }
  return demo.localnet;
}

/** Reads the stake account's delegation from the local chain, or null when it does not exist. */
async function readDelegation(
  localnet: Localnet,
  address: string,
): Promise<{ voter: string; deactivated: boolean } | null> {
  const connection = new Connection(localnet.url, 'confirmed');
  const account = await connection.getAccountInfo(new PublicKey(address), 'confirmed');
  if (account === null) {
    return null;
  }
  expect(account.owner.equals(StakeProgram.programId)).toBe(true);
  const state = decodeStakeState(account.data);
  if (state.kind !== 'stake') {
    throw new Error(`expected a delegated stake account, got ${state.kind}`);
  }
  return {
    voter: state.delegation.voter.toBase58(),
    deactivated: state.delegation.deactivationEpoch !== 0xffff_ffff_ffff_ffffn,
  };
}

const stakeTest = test.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  demoOptions: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'stake-e2e-'));
    const store = new StoreService({ directory: dataDir, logger: silent });
    await store.open();
    await store.accounts.upsert({
      publicKey: LEDGER_ADDRESS,
      derivationPath: LEDGER_PATH,
      name: 'Main',
    });
    await store.close();
    await use({ dataDir, emulator: { person: { kind: 'wait' } } });
    await rm(dataDir, { recursive: true, force: true });
  },
});

stakeTest.describe('stake flows', () => {
  stakeTest('stakes, then unstakes from the row', async ({ app, demo, panel }) => {
    const localnet = requireLocalnet(demo);
    const flows = new StakeFlows(app.page, localnet);
    await app.goTo('Stake accounts');

    await flows.openStake();
    await flows.chooseValidator('Aurora Staking');
    await flows.button('50 %').click();
    await expect(flows.dialog.getByLabel('Amount (SOL)')).not.toHaveValue('');
    await flows.review();
    const stakeAccount = (await flows.signOnDevice(panel)) ?? '';
    await expect(flows.landed).toBeVisible();
    await expect(flows.landed.getByRole('link', { name: 'View in the explorer' })).toHaveAttribute(
      'href',
      /cluster=custom/,
    );

    const aurora = localnet.validators.find((validator) => validator.name === 'Aurora Staking');
    expect(await readDelegation(localnet, stakeAccount)).toEqual({
      voter: aurora?.voteAccount.toBase58(),
      deactivated: false,
    });
    await flows.button('Done').click();

    await app.page.getByRole('button', { name: 'Refresh stake accounts' }).click();
    const row = flows.actionsRow(stakeAccount);
    await row.getByRole('button', { name: 'Unstake' }).click();
    await flows.review();
    await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();
    expect(await readDelegation(localnet, stakeAccount)).toMatchObject({ deactivated: true });
  });

  stakeTest('rebuilds an expired stake on request', async ({ app, demo, panel }) => {
    const localnet = requireLocalnet(demo);
    const flows = new StakeFlows(app.page, localnet);
    await app.goTo('Stake accounts');

    await flows.openStake();
    await flows.chooseValidator('Aurora Staking');
    await flows.dialog.getByLabel('Amount (SOL)').fill('2');
    await flows.review();
    const first = (await flows.startSigning(panel)).created ?? '';
    await localnet.expireBlockhashes();
    await panel.approve();

    await expect(flows.expired).toBeVisible();
    expect(await readDelegation(localnet, first)).toBeNull();
    await flows.button('Build and sign a new transaction').click();
    await expect(flows.button(/^Sign with Ledger/)).toBeVisible();
    const second = (await flows.signOnDevice(panel)) ?? '';
    await expect(flows.landed).toBeVisible();
    expect(await readDelegation(localnet, second)).not.toBeNull();
  });

  stakeTest('stakes across two validators', async ({ app, demo, panel }) => {
    const localnet = requireLocalnet(demo);
    const flows = new StakeFlows(app.page, localnet);
    await app.goTo('Stake accounts');

    await flows.open('Stake across validators');
    await flows.chooseValidator('Aurora Staking', flows.allocation(1));
    await flows.allocation(1).getByLabel('Amount (SOL)').fill('1.5');
    await flows.chooseValidator('Basalt Validator', flows.allocation(2));
    await flows.allocation(2).getByLabel('Amount (SOL)').fill('2.5');
    await flows.review();

    const created: string[] = [];
    for (const step of [1, 2]) {
      await expect(flows.dialog.getByText(`Transaction ${step} of 2`)).toBeVisible();
      created.push((await flows.signOnDevice(panel)) ?? '');
    }
    await expect(flows.dialog.locator('[data-outcome="landed"]')).toHaveCount(2);

    const voters = ['Aurora Staking', 'Basalt Validator'].map(
      (name) => localnet.validators.find((validator) => validator.name === name)?.voteAccount,
    );
    for (const [index, address] of created.entries()) {
      expect(await readDelegation(localnet, address)).toEqual({
        voter: voters[index]?.toBase58(),
        deactivated: false,
      });
    }
  });
});
