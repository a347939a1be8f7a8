import { expect } from './support/fixtures';
import {
  ledgerAccounts,
  ledgerAddress,
  labelledAddress,
  ledgerLabel,
  shortAddress,
  solText,
  stakeTest as test,
} from './support/stake-flows';

const MAIN = ledgerAddress(ledgerAccounts.main.path);
const SAVINGS = ledgerAddress(ledgerAccounts.savings.path);
const MAIN_LABEL = ledgerLabel(ledgerAccounts.main);
const SAVINGS_LABEL = ledgerLabel(ledgerAccounts.savings);
const OWN_STAKE_ACCOUNT = 'Your stake account';

test.describe('stake account actions', () => {
  test('splits, then unstakes one part', async ({ chain, flows, panel, stakeAccounts }) => {
    const source = await flows.stake(panel, 'Aurora Staking', '5');
    await chain.localnet.advanceEpochs(1);
    await stakeAccounts.refreshUntilState(source, 'active');
    const before = await chain.readStakeAccount(source);

    await flows.actionsRow(source).getByRole('button', { name: 'Split' }).click();
    await flows.dialog.getByLabel('Amount to move (SOL)').fill('2');
    await flows.review();
    await expect(flows.reviewTitle).toHaveText(
      `Split 2 SOL from ${shortAddress(source)} into a new stake account`,
    );
    const split = await flows.instructionFields('stake split');
    expect(split['stake account']).toBe(labelledAddress(source, OWN_STAKE_ACCOUNT));
    expect(split['authority']).toBe(labelledAddress(MAIN, MAIN_LABEL));
    expect(split['lamports']).toBe('2 SOL (2000000000 lamports)');
    const created = (await flows.signOnDevice(panel)) ?? '';
    await expect(flows.landed).toBeVisible();
    expect(split['destination']).toContain(created);
    await flows.button('Done').click();

    const sourceAfter = await chain.readStakeAccount(source);
    const part = await chain.readStakeAccount(created);
    expect(sourceAfter?.lamports).toBe((before?.lamports ?? 0n) - 2_000_000_000n);
    expect(sourceAfter?.delegation?.stake).toBe((before?.delegation?.stake ?? 0n) - 2_000_000_000n);
    expect(part?.staker).toBe(MAIN);
    expect(part?.withdrawer).toBe(MAIN);
    expect(part?.delegation?.voter).toBe(chain.voteAccountOf('Aurora Staking'));
    expect(part?.delegation?.stake).toBe(2_000_000_000n);
    expect(part?.delegation?.effective).toBe(2_000_000_000n);

    await stakeAccounts.refreshUntilState(created, 'active');
    await flows.actionsRow(created).getByRole('button', { name: 'Unstake' }).click();
    await flows.review();
    const deactivate = await flows.instructionFields('stake deactivate');
    expect(deactivate['stake account']).toBe(labelledAddress(created, OWN_STAKE_ACCOUNT));
    await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();

    const epoch = await chain.epoch();
    expect((await chain.readStakeAccount(created))?.delegation?.deactivationEpoch).toBe(epoch);
    const untouched = await chain.readStakeAccount(source);
    expect(untouched?.delegation?.deactivationEpoch).toBeNull();
    expect(untouched?.delegation?.effective).toBe(sourceAfter?.delegation?.stake);
  });

  test('withdraws all after the cooldown', async ({ chain, flows, panel, stakeAccounts }) => {
    const stakeAccount = await flows.stake(panel, 'Basalt Validator', '2');
    await chain.localnet.advanceEpochs(1);
    await stakeAccounts.refreshUntilState(stakeAccount, 'active');
    await flows.actionsRow(stakeAccount).getByRole('button', { name: 'Unstake' }).click();
    await flows.review();
    await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();
    await flows.button('Done').click();

    await chain.localnet.advanceEpochs(1);
    const cooled = await chain.readStakeAccount(stakeAccount);
    expect(cooled?.delegation?.effective).toBe(0n);
    expect(cooled?.delegation?.deactivating).toBe(0n);
    await stakeAccounts.refreshUntilState(stakeAccount, 'inactive');
    const balanceBefore = await chain.balance(MAIN);

    await flows.actionsRow(stakeAccount).getByRole('button', { name: 'Withdraw' }).click();
    await expect(
      flows.dialog.getByRole('checkbox', { name: 'Withdraw everything withdrawable' }),
    ).toBeChecked();
    await flows.review();
    await expect(flows.reviewTitle).toHaveText(
      `Withdraw all ${solText(cooled?.lamports ?? 0n)} from ${shortAddress(stakeAccount)} and close the stake account`,
    );
    const withdraw = await flows.instructionFields('stake withdraw');
    expect(withdraw['stake account']).toBe(labelledAddress(stakeAccount, OWN_STAKE_ACCOUNT));
    expect(withdraw['to']).toBe(labelledAddress(MAIN, MAIN_LABEL));
    expect(withdraw['lamports']).toContain(`(${cooled?.lamports} lamports)`);
    await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();

    const fee = await chain.feeOf(await flows.landedSignature());
    expect(await chain.readStakeAccount(stakeAccount)).toBeNull();
    expect(await chain.balance(MAIN)).toBe(balanceBefore + (cooled?.lamports ?? 0n) - fee);
  });

  test('merges two active stakes', async ({ chain, flows, panel, stakeAccounts }) => {
    const destination = await flows.stake(panel, 'Aurora Staking', '2');
    const source = await flows.stake(panel, 'Aurora Staking', '1.5');
    await chain.localnet.advanceEpochs(1);
    await stakeAccounts.refreshUntilState(destination, 'active');
    await stakeAccounts.refreshUntilState(source, 'active');
    const destinationBefore = await chain.readStakeAccount(destination);
    const sourceBefore = await chain.readStakeAccount(source);

    await flows.actionsRow(destination).getByRole('button', { name: 'Merge' }).click();
    await flows.dialog.getByRole('radio', { name: shortAddress(source) }).check();
    await flows.review();
    await expect(flows.reviewTitle).toHaveText(
      `Merge ${shortAddress(source)} into ${shortAddress(destination)}`,
    );
    const merge = await flows.instructionFields('stake merge');
    // Both accounts share a label, so the review adds each one's short address.
    expect(merge['destination']).toBe(
      labelledAddress(destination, `${OWN_STAKE_ACCOUNT} ${shortAddress(destination)}`),
    );
    expect(merge['source']).toBe(
      labelledAddress(source, `${OWN_STAKE_ACCOUNT} ${shortAddress(source)}`),
    );
    expect(merge['authority']).toBe(labelledAddress(MAIN, MAIN_LABEL));
    await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();

    expect(await chain.readStakeAccount(source)).toBeNull();
    const merged = await chain.readStakeAccount(destination);
    expect(merged?.lamports).toBe(
      (destinationBefore?.lamports ?? 0n) + (sourceBefore?.lamports ?? 0n),
    );
    expect(merged?.delegation?.stake).toBe(
      (destinationBefore?.delegation?.stake ?? 0n) + (sourceBefore?.delegation?.stake ?? 0n),
    );
    expect(merged?.delegation?.voter).toBe(chain.voteAccountOf('Aurora Staking'));
  });

  test('hands the withdrawer to another account', async ({
    chain,
    flows,
    panel,
    stakeAccounts,
  }) => {
    const stakeAccount = await flows.stake(panel, 'Aurora Staking', '2');
    await stakeAccounts.refreshUntilState(stakeAccount, 'activating');

    await flows.actionsRow(stakeAccount).getByRole('button', { name: 'Change authority' }).click();
    await expect(flows.dialog.getByRole('alert')).toHaveCount(0);
    await flows.dialog.getByRole('radio', { name: 'Withdraw authority' }).check();
    await expect(flows.dialog.getByRole('alert')).toContainText(
      'The withdraw authority controls every lamport in this account.',
    );
    const newAuthority = flows.dialog.getByLabel('New authority address');
    // The field suggests the person's other saved Ledger accounts, by name.
    await expect(flows.dialog.locator(`datalist option[value="${SAVINGS}"]`)).toHaveText(
      ledgerAccounts.savings.name,
    );
    await newAuthority.fill(SAVINGS);
    await flows.review();
    await expect(flows.reviewTitle).toHaveText(
      `Give the withdraw authority of ${shortAddress(stakeAccount)} to ${shortAddress(SAVINGS)}`,
    );
    const authorize = await flows.instructionFields(/: stake authorize/);
    expect(authorize['stake account']).toBe(labelledAddress(stakeAccount, OWN_STAKE_ACCOUNT));
    expect(authorize['authority']).toBe(labelledAddress(MAIN, MAIN_LABEL));
    // The review labels only the message's account keys, and a plain Authorize carries the new
    // authority in its data, so this field shows the bare address. The summary names it.
    expect(authorize['new authority']).toContain(SAVINGS);
    await expect(flows.instruction(/: stake authorize/).locator('p')).toHaveText(
      `Make ${SAVINGS_LABEL} the withdraw authority of ${OWN_STAKE_ACCOUNT}, approved by ${MAIN_LABEL}.`,
    );
    expect(authorize['authority type']).toBe('withdrawer');
    await expect(
      flows.warnings.filter({ hasText: `your Ledger account ${SAVINGS_LABEL}` }),
    ).toHaveCount(1);
    const sign = flows.button('Sign with Ledger');
    await expect(sign).toBeDisabled();
    await flows.dialog
      .getByRole('checkbox', { name: /loses control of this stake account/ })
      .check();
    await expect(sign).toBeEnabled();
    await flows.signOnDevice(panel);
    await expect(flows.landed).toBeVisible();

    const changed = await chain.readStakeAccount(stakeAccount);
    expect(changed?.withdrawer).toBe(SAVINGS);
    expect(changed?.staker).toBe(MAIN);
  });
});
