import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Locator, type Page } from '@playwright/test';
import { Connection, PublicKey, StakeProgram, SYSVAR_STAKE_HISTORY_PUBKEY } from '@solana/web3.js';
import pino from 'pino';

import { StoreService } from '../../../src/main/store';
import { LedgerEmulator } from '../../support/ledger-emulator';
import type { Localnet } from '../../support/localnet';
import {
  decodeStakeHistory,
  type StakeHistoryEntry,
} from '../../support/localnet/codec/stakeHistory';
import { decodeStakeState, NOT_DEACTIVATED_EPOCH } from '../../support/localnet/codec/stakeState';
import { computeStakeActivation } from '../../support/localnet/network/stakeActivation';
import type { DevicePanel } from './device-panel';
import { expect, test } from './fixtures';

/** Page object of the stake flow dialog and the stake actions on the Stake accounts page. */
export class StakeFlows {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Stake and manage' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  button(name: string | RegExp): Locator {
    return this.dialog.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Returns the actions row of one stake account. */
  actionsRow(stakeAccount: string): Locator {
    return this.section.locator(`tr[data-stake-account="${stakeAccount}"]`);
  }

  async openStake(): Promise<void> {
    await this.open('Stake SOL');
  }

  async open(name: string): Promise<void> {
    await this.section.getByRole('button', { name, exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Returns the fieldset of one validator of the several-validators form, counted from 1. */
  allocation(number: number): Locator {
    return this.dialog.getByRole('group', { name: `Validator ${number}` });
  }

  /** Picks the validator whose option text starts with `name`, in `scope` or the whole dialog. */
  async chooseValidator(name: string, scope: Locator = this.dialog): Promise<void> {
    const select = scope.getByLabel('Validator', { exact: true });
    const option = select.locator('option', { hasText: name }).first();
    await expect(option).toBeAttached();
    await select.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  }

  /**
   * Stakes `sol` with the validator named `validator` through the Stake SOL dialog, approving
   * on the device, and closes the dialog. Returns the new stake account.
   */
  async stake(panel: DevicePanel, validator: string, sol: string): Promise<string> {
    await this.openStake();
    await this.chooseValidator(validator);
    await this.dialog.getByLabel('Amount (SOL)').fill(sol);
    await this.review();
    const created = await this.signOnDevice(panel);
    await expect(this.landed).toBeVisible();
    await this.button('Done').click();
    await expect(this.dialog).toBeHidden();
    if (created === null) {
      throw new Error('the stake review showed no new stake account');
    }
    return created;
  }

  /** Clicks Review and waits until the draft is built, checked and simulated. */
  async review(): Promise<void> {
    await this.button('Review').click();
    await expect(this.button(/^Sign with Ledger/)).toBeVisible();
  }

  /** Reads the title and value of each screen the review predicts, approval step left out. */
  async predictedScreens(): Promise<Array<{ title: string; value: string }>> {
    const items = this.dialog
      .getByRole('list', { name: 'Screens on your Ledger, in order' })
      .getByRole('listitem');
    const screens: Array<{ title: string; value: string }> = [];
    for (const item of await items.all()) {
      const title = await item.locator('.screen-title').innerText();
      // The emulated device runs without expert mode, so it skips screens marked for it.
      const expertOnly = (await item.getByText('only in expert mode').count()) > 0;
      if (title !== 'Approve' && !expertOnly) {
        screens.push({ title, value: await item.locator('.screen-value').innerText() });
      }
    }
    return screens;
  }

  /**
   * Clicks Sign with Ledger and waits until the device panel shows the transaction. Returns
   * the new stake account the draft creates (null when none) and the predicted screens.
   */
  async startSigning(
    panel: DevicePanel,
  ): Promise<{ created: string | null; predicted: Array<{ title: string; value: string }> }> {
    const created = await this.newStakeAccountOrNull();
    const predicted = await this.predictedScreens();
    await this.button(/^Sign with Ledger/).click();
    await expect(this.dialog.getByText('Confirm on your Ledger')).toBeVisible();
    await panel.waitForRequest('sign-transaction');
    return { created, predicted };
  }

  /**
   * Signs the reviewed draft, checks that the device panel shows exactly the predicted
   * screens, approves there and waits until the transaction lands (or, in a batch, until the
   * next review opens). Returns the new stake account, or null when none.
   */
  async signOnDevice(panel: DevicePanel): Promise<string | null> {
    const { created, predicted } = await this.startSigning(panel);
    const panelScreens = (await panel.screens()).filter(
      (screen) => screen.title !== 'Approve' && screen.title !== 'Reject',
    );
    expect(panelScreens).toEqual(predicted);
    await panel.approve();

    const nextReview = this.button('Sign with Ledger');
    await expect(this.landed.or(nextReview).or(this.blockhashRejected).first()).toBeVisible();
    // The local chain keeps a blockhash for 150 blocks, so a rejected one is a defect here.
    await expect(this.blockhashRejected).toBeHidden();
    return created;
  }

  /** Notice that the node rejected the blockhash while the transaction could still land. */
  get blockhashRejected(): Locator {
    return this.dialog.getByTestId('blockhash-rejected');
  }

  /** Signature of the one landed transaction the dialog shows. */
  async landedSignature(): Promise<string> {
    return (await this.landed.getByLabel('Signature', { exact: true }).inputValue()).trim();
  }

  /**
   * Finds the one review instruction whose action, as the review words it after the program
   * name ("stake split"), is `action` or matches it.
   */
  instruction(action: string | RegExp): Locator {
    const pattern = typeof action === 'string' ? new RegExp(`: ${action}$`) : action;
    return this.dialog
      .getByRole('list', { name: 'Instructions' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: pattern }) });
  }

  /** Reads the fields of one review instruction, keyed by field name ("lamports"). */
  async instructionFields(action: string | RegExp): Promise<Record<string, string>> {
    const item = this.instruction(action);
    await expect(item).toHaveCount(1);
    const fields: Record<string, string> = {};
    for (const pair of await item.locator('dl.fields > div').all()) {
      fields[await pair.locator('dt').innerText()] = await pair.locator('dd').innerText();
    }
    return fields;
  }

  /** Summary of the reviewed draft, the title of the review. */
  get reviewTitle(): Locator {
    return this.dialog.getByRole('region', { name: 'Review' }).getByRole('heading', { level: 3 });
  }

  /** The review's warnings, each with its text. */
  get warnings(): Locator {
    return this.dialog.getByRole('list', { name: 'Warnings' }).getByRole('listitem');
  }

  private async newStakeAccountOrNull(): Promise<string | null> {
    const rows = this.newStakeAccountRows();
    return (await rows.count()) === 0 ? null : rows.locator('.mono').innerText();
  }

  private newStakeAccountRows(): Locator {
    return this.dialog.getByRole('table').getByRole('row').filter({ hasText: 'New stake account' });
  }

  get landed(): Locator {
    return this.dialog.locator('[data-outcome="landed"]');
  }

  get expired(): Locator {
    return this.dialog.locator('[data-outcome="expired"]');
  }
}

/** Page object of the stake accounts table on the Stake accounts page. */
export class StakeAccountsTable {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Stake accounts' });
  }

  /** Finds the State cell of one stake account by its full address. */
  state(stakeAccount: string): Locator {
    return this.table.getByRole('row').filter({ hasText: stakeAccount }).locator('[data-state]');
  }

  /**
   * Refreshes the stake accounts and waits until the account shows `state`. The button is
   * named "Refreshing…" during a refresh, so the click starts a new one after the chain change.
   */
  async refreshUntilState(stakeAccount: string, state: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh stake accounts' }).click();
    await expect(this.state(stakeAccount)).toHaveText(state);
  }
}

/** A stake account as the local chain stores it, with its activation in the current epoch. */
export interface ChainStakeAccount {
  lamports: bigint;
  staker: string;
  withdrawer: string;
  /** Null while the account is initialized but not delegated. */
  delegation: {
    voter: string;
    stake: bigint;
    activationEpoch: bigint;
    /** Null when the stake was never deactivated. */
    deactivationEpoch: bigint | null;
    effective: bigint;
    activating: bigint;
    deactivating: bigint;
  } | null;
}

/** Byte offset of the staker in a stake account: the state tag (u32) and the rent reserve (u64). */
const STAKER_OFFSET = 12;

/**
 * Reads stake accounts, balances and history straight from the local chain, so each test
 * checks the chain and not only what the app shows. Activation is computed the way the stake
 * program does, from the StakeHistory sysvar.
 */
export class StakeChain {
  readonly connection: Connection;

  constructor(readonly localnet: Localnet) {
    this.connection = new Connection(localnet.url, 'confirmed');
  }

  /** Vote account of the seeded validator named `name`. */
  voteAccountOf(name: string): string {
    const validator = this.localnet.validators.find((entry) => entry.name === name);
    if (validator === undefined) {
      throw new Error(`the local chain has no validator named "${name}"`);
    }
    return validator.voteAccount.toBase58();
  }

  async epoch(): Promise<bigint> {
    return BigInt((await this.connection.getEpochInfo('confirmed')).epoch);
  }

  async balance(address: string): Promise<bigint> {
    return BigInt(await this.connection.getBalance(new PublicKey(address), 'confirmed'));
  }

  /** Reads a stake account, or returns null when no account exists at the address. */
  async readStakeAccount(address: string): Promise<ChainStakeAccount | null> {
    const account = await this.connection.getAccountInfo(new PublicKey(address), 'confirmed');
    if (account === null) {
      return null;
    }
    if (!account.owner.equals(StakeProgram.programId)) {
      throw new Error(`${address} is owned by ${account.owner.toBase58()}, not the stake program`);
    }
    const state = decodeStakeState(account.data);
    switch (state.kind) {
      case 'uninitialized':
      case 'rewardsPool':
        throw new Error(`${address} is a stake account in state ${state.kind}`);
      case 'initialized':
      case 'stake':
        break;
    }
    const base = {
      lamports: BigInt(account.lamports),
      staker: state.meta.staker.toBase58(),
      withdrawer: state.meta.withdrawer.toBase58(),
    };
    if (state.kind === 'initialized') {
      return { ...base, delegation: null };
    }

    const { delegation } = state;
    const activation = computeStakeActivation(
      delegation,
      await this.epoch(),
      await this.readStakeHistory(),
      NEW_WARMUP_COOLDOWN_RATE_EPOCH,
    );
    return {
      ...base,
      delegation: {
        voter: delegation.voter.toBase58(),
        stake: delegation.stake,
        activationEpoch: delegation.activationEpoch,
        deactivationEpoch:
          delegation.deactivationEpoch === NOT_DEACTIVATED_EPOCH
            ? null
            : delegation.deactivationEpoch,
        ...activation,
      },
    };
  }

  /** Addresses of every stake account whose staker is `staker`, sorted. */
  async stakeAccountsOf(staker: string): Promise<string[]> {
    const accounts = await this.connection.getProgramAccounts(StakeProgram.programId, {
      commitment: 'confirmed',
      filters: [{ memcmp: { offset: STAKER_OFFSET, bytes: staker } }],
    });
    return accounts.map((entry) => entry.pubkey.toBase58()).sort();
  }

  /** Signatures of the transactions that touched `address`, newest first. */
  async signaturesOf(address: string): Promise<string[]> {
    const entries = await this.connection.getSignaturesForAddress(
      new PublicKey(address),
      {},
      'confirmed',
    );
    return entries.map((entry) => entry.signature);
  }

  /** Fee the landed transaction paid, in lamports. */
  async feeOf(signature: string): Promise<bigint> {
    const transaction = await this.connection.getTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    if (transaction === null || transaction.meta === null) {
      throw new Error(`the local chain has no transaction ${signature}`);
    }
    return BigInt(transaction.meta.fee);
  }

  private async readStakeHistory(): Promise<Map<bigint, StakeHistoryEntry>> {
    const account = await this.connection.getAccountInfo(SYSVAR_STAKE_HISTORY_PUBKEY, 'confirmed');
    const entries = account === null ? [] : decodeStakeHistory(account.data);
    return new Map(entries.map((entry) => [entry.epoch, entry]));
  }
}

/** Epoch from which the reduced warmup and cooldown rate applies: every feature is on in bankrun. */
const NEW_WARMUP_COOLDOWN_RATE_EPOCH = 0n;

/** The emulated Ledger's accounts each stake test saves, with the names the review shows. */
export const ledgerAccounts = {
  main: { path: "44'/501'/0'", name: 'Main' },
  savings: { path: "44'/501'/1'", name: 'Savings' },
} as const;

/** Address of a path on the emulated Ledger, whose seed is the public Speculos test mnemonic. */
export function ledgerAddress(path: string): string {
  return new PublicKey(new LedgerEmulator().publicKey(path)).toBase58();
}

/** Shortens an address to its first and last four characters, as the app's summaries do. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 4)}…${address.slice(-4)}`;
}

const LAMPORTS_PER_SOL = 1_000_000_000n;

/** Writes lamports as SOL with up to nine decimals and no trailing zeros, such as "2.5 SOL". */
export function solText(lamports: bigint): string {
  const whole = lamports / LAMPORTS_PER_SOL;
  const fraction = (lamports % LAMPORTS_PER_SOL).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole} SOL` : `${whole}.${fraction} SOL`;
}

/** Label the review gives a saved Ledger account: its name and derivation path. */
export function ledgerLabel(account: { path: string; name: string }): string {
  return `${account.name} (${account.path})`;
}

/**
 * Formats an address as the review's instruction fields show it: followed by its label, which is
 * wrapped in Unicode directional isolates (U+2068, U+2069) so a right-to-left name cannot reorder it.
 */
export function labelledAddress(address: string, label: string): string {
  return `${address} (\u2068${label}\u2069)`;
}

const silent = pino({ level: 'silent' });

interface StakeFixtures {
  /** The local chain of this test's demo, read directly. */
  chain: StakeChain;
  flows: StakeFlows;
  stakeAccounts: StakeAccountsTable;
}

/**
 * The demo with both Ledger accounts of `ledgerAccounts` saved, the device waiting for a
 * person at the panel, and the app on the Stake accounts page.
 */
export const stakeTest = test.extend<StakeFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  demoOptions: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'stake-e2e-'));
    const store = new StoreService({ directory: dataDir, logger: silent });
    await store.open();
    for (const account of Object.values(ledgerAccounts)) {
      await store.accounts.upsert({
        publicKey: ledgerAddress(account.path),
        derivationPath: account.path,
        name: account.name,
      });
    }
    await store.close();
    await use({ dataDir, emulator: { person: { kind: 'wait' } } });
    await rm(dataDir, { recursive: true, force: true });
  },
  chain: async ({ demo }, use) => {
    if (demo.localnet === null) {
      throw new Error('the demo was started without its local chain');
    }
    await use(new StakeChain(demo.localnet));
  },
  flows: async ({ app }, use) => {
    await app.goTo('Stake accounts');
    await use(new StakeFlows(app.page));
  },
  stakeAccounts: async ({ app }, use) => {
    await use(new StakeAccountsTable(app.page));
  },
});

/** Clicks the device panel's epoch control and waits until the panel shows the next epoch. */
export async function advanceEpochOnPanel(panel: DevicePanel): Promise<void> {
  const position = panel.page.getByRole('status', { name: 'Chain position' });
  await expect(position).toHaveText(/^Epoch \d+,/);
  const epoch = Number(/^Epoch (\d+)/.exec(await position.innerText())?.[1]);
  await panel.button('Advance one epoch').click();
  await expect(position).toHaveText(new RegExp(`^Epoch ${epoch + 1},`));
}
