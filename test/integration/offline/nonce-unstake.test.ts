import { NonceAccount, PublicKey, VersionedTransaction } from '@solana/web3.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createChainHandlers } from '../../../src/main/api/chain-handlers';
import { ChainHub } from '../../../src/main/chain-hub';
import { buildCreateAndDelegate, chooseStakeSeed } from '../../../src/main/stake';
import { decodeStakeState } from '../../../src/main/chain';
import { startLocalnet, type Localnet } from '../../support/localnet';
import {
  connectTo,
  SIGNER_PATH,
  startMachine,
  type OfflineMachine,
} from './support/offline-harness';

const SOL = 1_000_000_000n;
const silent = pino({ level: 'silent' });

describe('unstake with a durable nonce', () => {
  let localnet: Localnet;
  let machine: OfflineMachine;

  beforeEach(async () => {
    localnet = await startLocalnet();
    machine = await startMachine({ rpcUrl: localnet.url });
    await localnet.fund(machine.signer, 20n * SOL);
  });

  afterEach(async () => {
    await machine.close();
    await localnet.close();
  });

  /** Creates a nonce account through the queue and returns its address. */
  async function createNonceAccount(): Promise<string> {
    const prepared = await machine.call('prepareNonceAccount', { authority: machine.signer });
    const review = await machine.call('reviewPendingTransaction', { id: prepared.item.id });
    await machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: review.reviewId,
    });
    await machine.call('sendPendingTransaction', { id: prepared.item.id });
    const list = await machine.call('listNonceAccounts', { refresh: true });
    const account = list.accounts[0];
    if (account === undefined) {
      throw new Error('no nonce account after creating one');
    }
    return account.address;
  }

  /** Creates and delegates a stake account whose staker is the Ledger key, outside the app. */
  async function createStakeAccount(): Promise<string> {
    const connection = connectTo(localnet.url);
    const signer = new PublicKey(machine.signer);
    const latest = await connection.getLatestBlockhash('confirmed');
    const built = buildCreateAndDelegate(
      {
        seed: chooseStakeSeed({ base: signer }).seed,
        voteAccount: localnet.validators[0]!.voteAccount,
        stakeLamports: 2n * SOL,
        rentExemptReserveLamports: BigInt(await connection.getMinimumBalanceForRentExemption(200)),
      },
      { signer, lifetime: { kind: 'blockhash', blockhash: latest.blockhash }, appVersion: '1.9.0' },
    );
    const transaction = new VersionedTransaction(built.message);
    const signed = await machine.ledger.signMessage({
      path: SIGNER_PATH,
      message: built.message.serialize(),
      expectedSigner: machine.signer,
    });
    transaction.addSignature(signer, signed.signature);
    const signature = await connection.sendRawTransaction(transaction.serialize());
    // The local node has no WebSocket, so the status is polled instead of confirmTransaction.
    await expect
      .poll(async () => (await connection.getSignatureStatus(signature)).value?.confirmationStatus)
      .toMatch(/confirmed|finalized/);
    return built.stakeAccount.toBase58();
  }

  /** Saves the portfolio the way the Stake accounts page does, so offline checks have data. */
  async function savePortfolio(): Promise<void> {
    const chain = createChainHandlers({
      bus: machine.bus,
      store: machine.store,
      settings: machine.settings,
      chainHub: new ChainHub(machine.settings, silent),
      logger: silent,
    });
    const state = await chain.refreshPortfolio(
      { rewardEpochs: 1 },
      { signal: new AbortController().signal },
    );
    expect(state.snapshot?.stakeAccounts.length).toBeGreaterThan(0);
  }

  async function deactivationEpochOf(stakeAccount: string): Promise<bigint | null> {
    const info = await connectTo(localnet.url).getAccountInfo(new PublicKey(stakeAccount));
    const state = decodeStakeState(info!.data, stakeAccount);
    return state.kind === 'delegated' ? state.stake.delegation.deactivationEpoch : null;
  }

  async function nonceValueOf(nonceAccount: string): Promise<string> {
    const info = await connectTo(localnet.url).getAccountInfo(new PublicKey(nonceAccount));
    return NonceAccount.fromAccountData(info!.data).nonce;
  }

  it('queues a live-checked unstake', async () => {
    const nonceAccount = await createNonceAccount();
    const stakeAccount = await createStakeAccount();
    const nonceBefore = await nonceValueOf(nonceAccount);

    const prepared = await machine.call('prepareNonceUnstake', {
      account: machine.signer,
      stakeAccount,
      nonceAccount,
    });

    expect(prepared.basis.kind).toBe('live');
    expect(prepared.item.status.kind).toBe('unsigned');
    expect(prepared.item.lifetime).toMatchObject({ kind: 'durableNonce', nonceValue: nonceBefore });
    expect(prepared.review.review.durableNonce?.nonceAccount).toBe(nonceAccount);
    expect(prepared.review.review.instructions[0]?.action.kind).toBe('systemAdvanceNonce');
    expect(prepared.review.review.device.outcome).toBe('clearSign');

    await machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: prepared.review.reviewId,
    });
    const sent = await machine.call('sendPendingTransaction', { id: prepared.item.id });

    expect(sent.status.kind).toBe('confirmed');
    expect(await deactivationEpochOf(stakeAccount)).toBe(
      BigInt((await localnet.getEpochInfo()).epoch),
    );
    expect(await nonceValueOf(nonceAccount)).not.toBe(nonceBefore);
  });

  it('signs from saved values while offline', async () => {
    const nonceAccount = await createNonceAccount();
    const stakeAccount = await createStakeAccount();
    await savePortfolio();
    const nonceBefore = await nonceValueOf(nonceAccount);
    localnet.setServingMode({ kind: 'offline' });

    const prepared = await machine.call('prepareNonceUnstake', {
      account: machine.signer,
      stakeAccount,
      nonceAccount,
    });

    expect(prepared.basis.kind).toBe('cached');
    const figures = prepared.basis.kind === 'cached' ? prepared.basis.figures : [];
    expect(figures.map((figure) => figure.label)).toEqual([
      `Stake account ${stakeAccount}`,
      'Ledger account balance',
      'Nonce value',
    ]);
    expect(figures[2]?.value).toBe(nonceBefore);
    expect(prepared.basis.checks.join(' ')).toMatch(/Simulation was not possible/);
    expect(prepared.review.review.durableNonce?.nonceAccount).toBe(nonceAccount);

    const signed = await machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: prepared.review.reviewId,
    });
    expect(signed.status.kind).toBe('signed');
    const offlineSend = await machine.failureOf('sendPendingTransaction', {
      id: prepared.item.id,
    });
    expect(offlineSend.code).toBe('NETWORK_REQUIRED');

    localnet.setServingMode({ kind: 'serving' });
    const sent = await machine.call('sendPendingTransaction', { id: prepared.item.id });

    expect(sent.status.kind).toBe('confirmed');
    expect(await deactivationEpochOf(stakeAccount)).toBe(
      BigInt((await localnet.getEpochInfo()).epoch),
    );
    expect(await nonceValueOf(nonceAccount)).not.toBe(nonceBefore);
  });

  it('rejects offline without a saved portfolio', async () => {
    const nonceAccount = await createNonceAccount();
    const stakeAccount = await createStakeAccount();
    localnet.setServingMode({ kind: 'offline' });

    const failure = await machine.failureOf('prepareNonceUnstake', {
      account: machine.signer,
      stakeAccount,
      nonceAccount,
    });

    expect(failure.code).toBe('OFFLINE_DATA_MISSING');
    expect(
      machine.store.pending.list().filter((record) => record.status.kind === 'unsigned'),
    ).toEqual([]);
  });

  it('rejects offline a stake account already unstaking', async () => {
    const nonceAccount = await createNonceAccount();
    const stakeAccount = await createStakeAccount();
    const first = await machine.call('prepareNonceUnstake', {
      account: machine.signer,
      stakeAccount,
      nonceAccount,
    });
    await machine.call('signPendingTransaction', {
      id: first.item.id,
      reviewId: first.review.reviewId,
    });
    await machine.call('sendPendingTransaction', { id: first.item.id });
    await savePortfolio();
    await machine.call('listNonceAccounts', { refresh: true });
    localnet.setServingMode({ kind: 'offline' });

    const failure = await machine.failureOf('prepareNonceUnstake', {
      account: machine.signer,
      stakeAccount,
      nonceAccount,
    });

    expect(failure.code).toBe('STAKE_ACCOUNT_STATE_INVALID');
  });
});
