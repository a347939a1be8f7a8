import {
  advanceEpochOnPanel,
  ledgerAccounts,
  ledgerAddress,
  stakeTest as test,
} from './support/stake-flows';
import { expect } from './support/fixtures';

const MAIN = ledgerAddress(ledgerAccounts.main.path);

test.describe('stake flows', () => {
  test('stakes, activates, then unstakes', async ({ app, chain, flows, panel, stakeAccounts }) => {
    const aurora = chain.voteAccountOf('Aurora Staking');
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
    await flows.button('Done').click();

    const staked = await chain.readStakeAccount(stakeAccount);
    expect(staked?.staker).toBe(MAIN);
    expect(staked?.withdrawer).toBe(MAIN);
    expect(staked?.delegation?.voter).toBe(aurora);
    expect(staked?.delegation?.activationEpoch).toBe(await chain.epoch());
    expect(staked?.delegation?.effective).toBe(0n);
    expect(staked?.delegation?.activating).toBe(staked?.delegation?.stake);
    // The app refreshes the stake accounts once the transaction lands, without a click.
    await expect(stakeAccounts.state(stakeAccount)).toHaveText('activating');

    await advanceEpochOnPanel(panel);
    const active = await chain.readStakeAccount(stakeAccount);
    expect(active?.delegation?.activating).toBe(0n);
    expect(active?.delegation?.effective).toBe(active?.delegation?.stake);
    await stakeAccounts.refreshUntilState(stakeAccount, 'active');

    await flows.actionsRow(stakeAccount).getByRole('button', { name: 'Unstake' }).click();
    await flows.review();
    await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();
    const unstaked = await chain.readStakeAccount(stakeAccount);
    expect(unstaked?.delegation?.deactivationEpoch).toBe(await chain.epoch());
    expect(unstaked?.delegation?.deactivating).toBe(unstaked?.delegation?.stake);
    await flows.button('Done').click();
    await stakeAccounts.refreshUntilState(stakeAccount, 'deactivating');
    await expect(app.page.getByRole('dialog')).toBeHidden();
  });

  test('rebuilds an expired stake on request', async ({ chain, flows, panel }) => {
    const signaturesBefore = await chain.signaturesOf(MAIN);
    await flows.openStake();
    await flows.chooseValidator('Aurora Staking');
    await flows.dialog.getByLabel('Amount (SOL)').fill('2');
    await flows.review();
    const first = (await flows.startSigning(panel)).created ?? '';
    await chain.localnet.expireBlockhashes();
    await panel.approve();

    await expect(flows.expired).toBeVisible();
    expect(await chain.readStakeAccount(first)).toBeNull();
    expect(await chain.signaturesOf(MAIN)).toEqual(signaturesBefore);
    await flows.button('Build and sign a new transaction').click();
    await expect(flows.button(/^Sign with Ledger/)).toBeVisible();
    const second = (await flows.signOnDevice(panel)) ?? '';
    await expect(flows.landed).toBeVisible();

    // Only the rebuilt transaction landed: one new signature and one stake account of 2 SOL.
    const signature = await flows.landedSignature();
    expect(await chain.signaturesOf(MAIN)).toEqual([signature, ...signaturesBefore]);
    expect(await chain.stakeAccountsOf(MAIN)).toEqual([second]);
    expect(await chain.readStakeAccount(first)).toBeNull();
    const rebuilt = await chain.readStakeAccount(second);
    expect(rebuilt?.delegation?.stake).toBe(2_000_000_000n);
  });

  test('stakes across three validators', async ({ chain, flows, panel }) => {
    const allocations = [
      { name: 'Aurora Staking', sol: '1.5', lamports: 1_500_000_000n },
      { name: 'Basalt Validator', sol: '2.5', lamports: 2_500_000_000n },
      { name: 'Cobalt Node', sol: '1', lamports: 1_000_000_000n },
    ];
    await flows.open('Stake across validators');
    await flows.dialog.getByRole('button', { name: 'Add a validator' }).click();
    for (const [index, { name, sol }] of allocations.entries()) {
      await flows.chooseValidator(name, flows.allocation(index + 1));
      await flows
        .allocation(index + 1)
        .getByLabel('Amount (SOL)')
        .fill(sol);
    }
    await flows.review();

    const created: string[] = [];
    for (const step of [1, 2, 3]) {
      await expect(flows.dialog.getByText(`Transaction ${step} of 3`)).toBeVisible();
      created.push((await flows.signOnDevice(panel)) ?? '');
    }
    await expect(flows.landed).toHaveCount(3);

    expect(new Set(created).size).toBe(3);
    expect(await chain.stakeAccountsOf(MAIN)).toEqual([...created].sort());
    for (const [index, address] of created.entries()) {
      const account = await chain.readStakeAccount(address);
      const allocation = allocations[index];
      expect(account?.delegation?.voter).toBe(chain.voteAccountOf(allocation?.name ?? ''));
      expect(account?.delegation?.stake).toBe(allocation?.lamports);
      expect(account?.delegation?.deactivationEpoch).toBeNull();
    }
  });

  test('reports a device rejection, signs again', async ({ chain, flows, panel }) => {
    const balanceBefore = await chain.balance(MAIN);
    const signaturesBefore = await chain.signaturesOf(MAIN);
    await flows.openStake();
    await flows.chooseValidator('Aurora Staking');
    await flows.dialog.getByLabel('Amount (SOL)').fill('3');
    await flows.review();
    const { created } = await flows.startSigning(panel);
    await panel.reject();

    await expect(flows.dialog.getByRole('alert')).toContainText('rejected on the Ledger');
    await expect(flows.button('Sign with Ledger again')).toBeVisible();
    await expect(flows.landed).toHaveCount(0);
    expect(created).not.toBeNull();
    expect(await chain.readStakeAccount(created ?? '')).toBeNull();
    expect(await chain.stakeAccountsOf(MAIN)).toEqual([]);
    expect(await chain.balance(MAIN)).toBe(balanceBefore);
    expect(await chain.signaturesOf(MAIN)).toEqual(signaturesBefore);

    // Signing again after the rejection stakes once.
    const signed = await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();
    await expect(flows.dialog.getByRole('alert')).toHaveCount(0);
    expect(await chain.stakeAccountsOf(MAIN)).toEqual([signed]);
    expect(await chain.signaturesOf(MAIN)).toEqual([
      await flows.landedSignature(),
      ...signaturesBefore,
    ]);
  });
});
