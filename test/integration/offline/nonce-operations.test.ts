import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { Keypair } from '@solana/web3.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createStakeFlowService } from '../../../src/main/api/stake-handlers';
import { ChainHub } from '../../../src/main/chain-hub';
import { snapshotFile } from '../../../src/main/store/layout';
import type { NonceOperation } from '../../../src/shared/contract/offline';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { connectTo, startMachine, type OfflineMachine } from './support/offline-harness';
import { StakeFixtures } from './support/stake-fixtures';

const SOL = 1_000_000_000n;
const silent = pino({ level: 'silent' });

describe('stake operations with a durable nonce', () => {
  let localnet: Localnet;
  let machine: OfflineMachine;
  let fixtures: StakeFixtures;

  beforeEach(async () => {
    localnet = await startLocalnet();
    machine = await startMachine({ rpcUrl: localnet.url });
    fixtures = new StakeFixtures(localnet, machine);
    await localnet.fund(machine.signer, 20n * SOL);
  });

  afterEach(async () => {
    await machine.close();
    await localnet.close();
  });

  /** Saves the portfolio and the nonce (with the stake figures), then cuts the cluster off. */
  async function goOffline(): Promise<void> {
    await fixtures.savePortfolio();
    await machine.call('listNonceAccounts', { refresh: true });
    localnet.setServingMode({ kind: 'offline' });
  }

  function prepare(nonceAccount: string, operation: NonceOperation) {
    return machine.call('prepareNonceOperation', { nonceAccount, operation });
  }

  function labelsOf(prepared: { basis: { kind: string; figures?: { label: string }[] } }) {
    return (prepared.basis.figures ?? []).map((figure) => figure.label);
  }

  it('saves the stake figures with a nonce read', async () => {
    await fixtures.createNonceAccount();
    const connection = connectTo(localnet.url);

    const saved = await machine.offline.stakeParameters.load('localnet');

    expect(saved?.stakeRentReserve).toBe(
      BigInt(await connection.getMinimumBalanceForRentExemption(200)),
    );
    expect(saved?.minimumDelegation).toBe(
      BigInt((await connection.getStakeMinimumDelegation()).value),
    );
    expect(saved?.slot).toBeGreaterThan(0);
    const list = await machine.call('listNonceAccounts', { refresh: false });
    expect(list.stakeParameters?.minimumDelegation).toBe(saved?.minimumDelegation.toString());
    expect(list.stakeParameters?.stakeRentReserve).toBe(saved?.stakeRentReserve.toString());
  });

  it('saves the stake figures in the stake flow', async () => {
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    const flows = createStakeFlowService({
      bus: machine.bus,
      store: machine.store,
      settings: machine.settings,
      ledger: machine.ledger,
      chainHub: new ChainHub(machine.settings, silent),
      logger: silent,
    });

    await flows.prepare({
      operation: 'deactivate',
      input: { account: machine.signer, stakeAccount },
    });

    const saved = await machine.offline.stakeParameters.load('localnet');
    expect(saved?.minimumDelegation).toBe(
      BigInt((await connectTo(localnet.url).getStakeMinimumDelegation()).value),
    );
  });

  it('withdraws offline after the cooldown', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await fixtures.deactivateAndCoolDown(stakeAccount);
    const stakeLamports = await fixtures.lamportsOf(stakeAccount);
    const balanceBefore = await fixtures.lamportsOf(machine.signer);
    await goOffline();

    const prepared = await prepare(nonceAccount, {
      operation: 'withdraw',
      input: { account: machine.signer, stakeAccount, amount: { unit: 'all' } },
    });

    expect(prepared.basis.kind).toBe('cached');
    expect(labelsOf(prepared)).toEqual([
      `Stake account ${stakeAccount}`,
      'Ledger account balance',
      'Nonce value',
    ]);
    expect(prepared.basis.checks.join(' ')).toMatch(/Simulation was not possible/);
    expect(prepared.item.intent.kind).toBe('withdraw');
    expect(prepared.review.review.instructions[0]?.action.kind).toBe('systemAdvanceNonce');

    await fixtures.signOfflineAndSendLater(prepared);

    expect(await fixtures.stakeStateOf(stakeAccount)).toBeNull();
    expect(await fixtures.lamportsOf(machine.signer)).toBe(
      balanceBefore + stakeLamports - BigInt(prepared.review.review.fee.totalLamports),
    );
  });

  it('fails preflight when saved values changed', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await fixtures.deactivateAndCoolDown(stakeAccount);
    await goOffline();
    const prepared = await prepare(nonceAccount, {
      operation: 'withdraw',
      input: { account: machine.signer, stakeAccount, amount: { unit: 'all' } },
    });
    await machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: prepared.review.reviewId,
    });

    // Once back, part of the account is withdrawn elsewhere, so "all" of the saved amount is too much.
    localnet.setServingMode({ kind: 'serving' });
    await fixtures.withdrawOutsideApp(stakeAccount, SOL);
    const nonceBefore = await fixtures.nonceValueOf(nonceAccount);
    const sent = await machine.call('sendPendingTransaction', { id: prepared.item.id });

    expect(sent.status.kind).toBe('failed');
    expect(sent.status.kind === 'failed' ? sent.status.reason : '').toMatch(/simulation failed/i);
    expect(await fixtures.nonceValueOf(nonceAccount)).toBe(nonceBefore);
  });

  it('rejects offline a withdrawal above the saved amount', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await fixtures.deactivateAndCoolDown(stakeAccount);
    await goOffline();

    const failure = await machine.failureOf('prepareNonceOperation', {
      nonceAccount,
      operation: {
        operation: 'withdraw',
        input: { account: machine.signer, stakeAccount, amount: { unit: 'sol', value: '5' } },
      },
    });

    expect(failure.code).toBe('WITHDRAW_ABOVE_WITHDRAWABLE');
    expect(machine.store.pending.list().filter((r) => r.status.kind === 'unsigned')).toEqual([]);
  });

  it('rejects offline a withdrawal from active stake', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await localnet.advanceEpochs(1);
    await goOffline();

    const failure = await machine.failureOf('prepareNonceOperation', {
      nonceAccount,
      operation: {
        operation: 'withdraw',
        input: { account: machine.signer, stakeAccount, amount: { unit: 'all' } },
      },
    });

    expect(failure.code).toBe('STAKE_ACCOUNT_STATE_INVALID');
  });

  it('splits offline with the saved figures', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(4n * SOL);
    await localnet.advanceEpochs(1);
    await goOffline();

    const prepared = await prepare(nonceAccount, {
      operation: 'split',
      input: { account: machine.signer, stakeAccount, amount: { unit: 'sol', value: '1.5' } },
    });

    expect(labelsOf(prepared)).toEqual([
      `Stake account ${stakeAccount}`,
      'Stake rent reserve and minimum delegation',
      'Ledger account balance',
      'Nonce value',
    ]);
    const destination = /into (\w+) \(durable nonce\)/.exec(prepared.item.intent.summary)?.[1];
    expect(destination).toBeDefined();
    await fixtures.signOfflineAndSendLater(prepared);

    const split = await fixtures.stakeStateOf(destination!);
    expect(split?.kind).toBe('delegated');
    expect(split?.kind === 'delegated' ? split.stake.delegation.stake : 0n).toBe((3n * SOL) / 2n);
  });

  it('rejects offline a split without saved figures', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(4n * SOL);
    await goOffline();
    await rm(join(machine.dataDir, snapshotFile('stakeParameters', 'localnet')));

    const failure = await machine.failureOf('prepareNonceOperation', {
      nonceAccount,
      operation: {
        operation: 'split',
        input: { account: machine.signer, stakeAccount, amount: { unit: 'sol', value: '1' } },
      },
    });

    expect(failure.code).toBe('OFFLINE_DATA_MISSING');
    expect(failure.message).toMatch(/stake rent reserve and minimum delegation/);
  });

  it('rejects offline a split below the minimum delegation', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(4n * SOL);
    await goOffline();
    const saved = await machine.offline.stakeParameters.load('localnet');

    const failure = await machine.failureOf('prepareNonceOperation', {
      nonceAccount,
      operation: {
        operation: 'split',
        input: {
          account: machine.signer,
          stakeAccount,
          amount: { unit: 'lamports', value: (saved!.minimumDelegation - 1n).toString() },
        },
      },
    });

    expect(failure.code).toMatch(/SPLIT/);
  });

  it('rejects offline a split the saved balance cannot fund', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const connection = connectTo(localnet.url);
    const rentReserve = BigInt(await connection.getMinimumBalanceForRentExemption(200));
    // Stake nearly everything, leaving enough for fees but not for a new account's reserve.
    const left = 1_000_000n;
    const stakeLamports = (await fixtures.lamportsOf(machine.signer)) - rentReserve - 5_000n - left;
    const stakeAccount = await fixtures.createStakeAccount(stakeLamports);
    await goOffline();

    const failure = await machine.failureOf('prepareNonceOperation', {
      nonceAccount,
      operation: {
        operation: 'split',
        input: { account: machine.signer, stakeAccount, amount: { unit: 'sol', value: '2' } },
      },
    });

    expect(failure.code).toBe('OFFLINE_BALANCE_TOO_LOW');
    expect(failure.context).toMatchObject({
      balanceLamports: left.toString(),
      depositLamports: rentReserve.toString(),
    });
  });

  it('merges offline two accounts activating together', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const destination = await fixtures.createStakeAccount(2n * SOL);
    const source = await fixtures.createStakeAccount(2n * SOL);
    const total = (await fixtures.lamportsOf(destination)) + (await fixtures.lamportsOf(source));
    await goOffline();

    const prepared = await prepare(nonceAccount, {
      operation: 'merge',
      input: { account: machine.signer, destination, source },
    });
    expect(prepared.basis.kind).toBe('cached');
    await fixtures.signOfflineAndSendLater(prepared);

    expect(await fixtures.stakeStateOf(source)).toBeNull();
    expect(await fixtures.lamportsOf(destination)).toBe(total);
  });

  it('delegates offline from the saved validator list', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await fixtures.deactivateAndCoolDown(stakeAccount);
    await fixtures.saveValidators();
    await goOffline();
    const voteAccount = localnet.validators[1]!.voteAccount.toBase58();

    const prepared = await prepare(nonceAccount, {
      operation: 'delegate',
      input: { account: machine.signer, stakeAccount, voteAccount },
    });

    expect(labelsOf(prepared)).toContain(`Validator ${voteAccount}`);
    await fixtures.signOfflineAndSendLater(prepared);

    const state = await fixtures.stakeStateOf(stakeAccount);
    expect(state?.kind === 'delegated' ? state.stake.delegation.voter : null).toBe(voteAccount);
  });

  it('warns offline of a raised commission', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await fixtures.deactivateAndCoolDown(stakeAccount);
    const voteAccount = localnet.validators[1]!.voteAccount.toBase58();
    await fixtures.saveValidators();
    await localnet.setCommission(voteAccount, 90);
    await fixtures.saveValidators();
    await goOffline();

    const prepared = await prepare(nonceAccount, {
      operation: 'delegate',
      input: { account: machine.signer, stakeAccount, voteAccount },
    });

    const warnings = prepared.basis.checks.filter((check) => check.startsWith('Warning:'));
    expect(warnings.join(' ')).toMatch(/raised its commission from \d+% to 90%/);
  });

  it('changes the withdrawer offline with a warning', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await goOffline();
    const newWithdrawer = Keypair.generate().publicKey.toBase58();

    const prepared = await prepare(nonceAccount, {
      operation: 'authorize',
      input: {
        account: machine.signer,
        stakeAccount,
        changes: [{ authorityType: 'withdrawer', newAuthority: newWithdrawer }],
      },
    });
    expect(prepared.basis.checks.join(' ')).toMatch(/not one of your Ledger accounts/);
    await fixtures.signOfflineAndSendLater(prepared);

    const state = await fixtures.stakeStateOf(stakeAccount);
    expect(state?.kind === 'delegated' ? state.meta.authorized.withdrawer : null).toBe(
      newWithdrawer,
    );
  });

  it('rejects offline a delegation without a saved validator list', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await fixtures.deactivateAndCoolDown(stakeAccount);
    await goOffline();

    const failure = await machine.failureOf('prepareNonceOperation', {
      nonceAccount,
      operation: {
        operation: 'delegate',
        input: {
          account: machine.signer,
          stakeAccount,
          voteAccount: localnet.validators[1]!.voteAccount.toBase58(),
        },
      },
    });

    expect(failure.code).toBe('OFFLINE_DATA_MISSING');
    expect(failure.message).toMatch(/validator list/);
  });

  it('changes the staker offline', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    await goOffline();
    const newStaker = Keypair.generate().publicKey.toBase58();

    const prepared = await prepare(nonceAccount, {
      operation: 'authorize',
      input: {
        account: machine.signer,
        stakeAccount,
        changes: [{ authorityType: 'staker', newAuthority: newStaker }],
      },
    });
    await fixtures.signOfflineAndSendLater(prepared);

    const state = await fixtures.stakeStateOf(stakeAccount);
    expect(state?.kind === 'delegated' ? state.meta.authorized.staker : null).toBe(newStaker);
  });

  it('rejects offline without a saved portfolio', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(2n * SOL);
    localnet.setServingMode({ kind: 'offline' });

    const failure = await machine.failureOf('prepareNonceOperation', {
      nonceAccount,
      operation: {
        operation: 'withdraw',
        input: { account: machine.signer, stakeAccount, amount: { unit: 'all' } },
      },
    });

    expect(failure.code).toBe('OFFLINE_DATA_MISSING');
    expect(failure.message).toMatch(/stake accounts/);
  });

  it('gives queued splits different accounts', async () => {
    const firstNonce = await fixtures.createNonceAccount();
    const secondNonce = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(6n * SOL);
    const split = (nonceAccount: string) =>
      prepare(nonceAccount, {
        operation: 'split',
        input: { account: machine.signer, stakeAccount, amount: { unit: 'sol', value: '2' } },
      });

    const first = await split(firstNonce);
    const second = await split(secondNonce);
    for (const prepared of [first, second]) {
      await machine.call('signPendingTransaction', {
        id: prepared.item.id,
        reviewId: prepared.review.reviewId,
      });
    }
    const sentFirst = await machine.call('sendPendingTransaction', { id: first.item.id });
    const sentSecond = await machine.call('sendPendingTransaction', { id: second.item.id });

    expect(sentFirst.status.kind).toBe('confirmed');
    expect(sentSecond.status.kind).toBe('confirmed');
    expect(await fixtures.lamportsOf(stakeAccount)).toBeLessThan(3n * SOL);
  });

  it('splits live with current values', async () => {
    const nonceAccount = await fixtures.createNonceAccount();
    const stakeAccount = await fixtures.createStakeAccount(4n * SOL);

    const prepared = await prepare(nonceAccount, {
      operation: 'split',
      input: { account: machine.signer, stakeAccount, amount: { unit: 'sol', value: '1.5' } },
    });

    expect(prepared.basis.kind).toBe('live');
    expect(prepared.item.intent.kind).toBe('split');
    expect(prepared.review.review.instructions[0]?.action.kind).toBe('systemAdvanceNonce');
  });
});
