import {
  NonceAccount,
  PublicKey,
  SystemProgram,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildCreateAndDelegate, chooseStakeSeed } from '../../../src/main/stake';
import { advanceNonceInstruction } from '../../../src/main/stake/instructions/system';
import { describeWarning } from '../../../src/shared/text/review-text';
import { startLocalnet, type Localnet } from '../../support/localnet';
import {
  connectTo,
  SIGNER_PATH,
  startMachine,
  type OfflineMachine,
} from './support/offline-harness';

const SOL = 1_000_000_000n;
/** 2 minutes of chain time at 400 ms a slot is 300 slots; go past it. */
const HOLD_SLOTS = 320;

describe('durable nonce send-later queue', () => {
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

  /** Creates a nonce account through the queue: prepare, review, sign, send. */
  async function createNonceAccount(): Promise<string> {
    const prepared = await machine.call('prepareNonceAccount', { authority: machine.signer });
    const review = await machine.call('reviewPendingTransaction', { id: prepared.item.id });
    await machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: review.reviewId,
    });
    const sent = await machine.call('sendPendingTransaction', { id: prepared.item.id });
    expect(sent.status.kind).toBe('confirmed');

    const list = await machine.call('listNonceAccounts', { refresh: true });
    const account = list.accounts[0];
    if (account === undefined) {
      throw new Error('no nonce account after creating one');
    }
    return account.address;
  }

  /** Queues a create-and-delegate stake transaction that uses the nonce account. */
  async function queueNonceStake(
    nonceAccount: string,
  ): Promise<{ id: string; stakeAccount: string }> {
    const connection = connectTo(localnet.url);
    const signer = new PublicKey(machine.signer);
    const lifetime = await machine.offline.nonces.nonceLifetime({
      nonceAccount,
      authority: machine.signer,
    });
    const seed = chooseStakeSeed({ base: signer });
    const built = buildCreateAndDelegate(
      {
        seed: seed.seed,
        voteAccount: localnet.validators[1]!.voteAccount,
        stakeLamports: 2n * SOL,
        rentExemptReserveLamports: BigInt(await connection.getMinimumBalanceForRentExemption(200)),
      },
      { signer, lifetime, appVersion: '1.9.0' },
    );
    const item = await machine.call('queueTransaction', {
      messageBase64: Buffer.from(built.message.serialize()).toString('base64'),
      intent: { kind: 'createStake', summary: 'Stake 2 SOL' },
    });
    return { id: item.id, stakeAccount: built.stakeAccount.toBase58() };
  }

  it('creates a nonce account the Ledger shows in clear', async () => {
    const prepared = await machine.call('prepareNonceAccount', { authority: machine.signer });

    expect(prepared.review.device.outcome).toBe('clearSign');
    expect(
      prepared.review.device.outcome === 'clearSign' && prepared.review.device.screens[0]?.title,
    ).toBe('Create nonce acct');
    expect(prepared.item.status.kind).toBe('unsigned');
    expect(prepared.item.actions).toMatchObject({ sign: true, send: false, discard: true });

    // A queued creation reserves its seed, so a second one takes the next seed.
    const second = await machine.call('prepareNonceAccount', { authority: machine.signer });
    expect(second.item.intent.summary).toContain('nonce:1');
    await machine.call('discardPendingTransaction', { id: prepared.item.id });
    await machine.call('discardPendingTransaction', { id: second.item.id });

    const nonceAccount = await createNonceAccount();
    const onChain = await connectTo(localnet.url).getAccountInfo(new PublicKey(nonceAccount));
    const decoded = NonceAccount.fromAccountData(onChain!.data);
    const listed = await machine.call('listNonceAccounts', { refresh: false });

    expect(decoded.authorizedPubkey.toBase58()).toBe(machine.signer);
    expect(listed.accounts).toHaveLength(1);
    expect(listed.accounts[0]?.nonceValue).toBe(decoded.nonce);
    expect(listed.accounts[0]?.seed).toBe('nonce:0');
    expect(listed.accounts[0]?.reservedBy).toBeNull();
  });

  it('signs offline, holds past two minutes, sends when back', async () => {
    const nonceAccount = await createNonceAccount();
    const queued = await queueNonceStake(nonceAccount);
    const listed = await machine.call('listNonceAccounts', { refresh: false });
    expect(listed.accounts[0]?.reservedBy).toBe(queued.id);

    localnet.setServingMode({ kind: 'offline' });
    const review = await machine.call('reviewPendingTransaction', { id: queued.id });
    expect(review.review.durableNonce?.nonceAccount).toBe(nonceAccount);
    const signed = await machine.call('signPendingTransaction', {
      id: queued.id,
      reviewId: review.reviewId,
    });
    expect(signed.status.kind).toBe('signed');

    const offlineSend = await machine.failureOf('sendPendingTransaction', { id: queued.id });
    expect(offlineSend.code).toBe('NETWORK_REQUIRED');
    expect(machine.store.pending.get(queued.id).status.kind).toBe('signed');

    const before = await localnet.getEpochInfo();
    const after = await localnet.advanceSlots(HOLD_SLOTS);
    expect(after.absoluteSlot - before.absoluteSlot).toBeGreaterThanOrEqual(300);

    localnet.setServingMode({ kind: 'serving' });
    const { items } = await machine.call('sendSignedTransactions', {});
    const done = items.find((item) => item.id === queued.id);
    expect(done?.status.kind).toBe('confirmed');

    const connection = connectTo(localnet.url);
    const status = await connection.getSignatureStatus(done!.signature!, {
      searchTransactionHistory: true,
    });
    expect(status.value?.err).toBeNull();
    const stake = await connection.getAccountInfo(new PublicKey(queued.stakeAccount));
    expect(stake?.owner.toBase58()).toBe('Stake11111111111111111111111111111111111111');
    const nonceInfo = await connection.getAccountInfo(new PublicKey(nonceAccount));
    const lifetime = machine.store.pending.get(queued.id).lifetime;
    expect(lifetime.kind).toBe('durableNonce');
    expect(NonceAccount.fromAccountData(nonceInfo!.data).nonce).not.toBe(
      lifetime.kind === 'durableNonce' ? lifetime.nonceValue : null,
    );
  });

  it('marks a moved nonce stale and never resends', async () => {
    const nonceAccount = await createNonceAccount();
    const queued = await queueNonceStake(nonceAccount);
    const review = await machine.call('reviewPendingTransaction', { id: queued.id });
    await machine.call('signPendingTransaction', { id: queued.id, reviewId: review.reviewId });

    // Another transaction advances the nonce first, as a second wallet with the same key could.
    const connection = connectTo(localnet.url);
    const signer = new PublicKey(machine.signer);
    const current = NonceAccount.fromAccountData(
      (await connection.getAccountInfo(new PublicKey(nonceAccount)))!.data,
    );
    const message = new TransactionMessage({
      payerKey: signer,
      recentBlockhash: current.nonce,
      instructions: [advanceNonceInstruction(new PublicKey(nonceAccount), signer)],
    }).compileToLegacyMessage();
    const other = new VersionedTransaction(message);
    const signedOther = await machine.ledger.signMessage({
      path: SIGNER_PATH,
      message: message.serialize(),
      expectedSigner: machine.signer,
    });
    other.addSignature(signer, signedOther.signature);
    await connection.sendRawTransaction(other.serialize());

    const sendsBefore = machine.chain.rpc.tally.byMethod()['sendTransaction'] ?? 0;
    const result = await machine.call('sendPendingTransaction', { id: queued.id });
    const sendsAfter = machine.chain.rpc.tally.byMethod()['sendTransaction'] ?? 0;

    expect(result.status.kind).toBe('stale');
    const reason = result.status.kind === 'stale' ? result.status.reason : '';
    expect(reason).toMatch(/moved on/);
    expect(sendsAfter).toBe(sendsBefore);
    expect(result.actions.send).toBe(false);
    expect(result.actions.discard).toBe(true);
    const landed = await connection.getSignatureStatus(result.signature!, {
      searchTransactionHistory: true,
    });
    expect(landed.value).toBeNull();
    expect(await connection.getAccountInfo(new PublicKey(queued.stakeAccount))).toBeNull();

    const again = await machine.failureOf('sendPendingTransaction', { id: queued.id });
    expect(again.code).toBe('PENDING_ACTION_NOT_ALLOWED');
    expect(machine.chain.rpc.tally.byMethod()['sendTransaction'] ?? 0).toBe(sendsBefore);
  });

  it('marks stale at signing when nonce moved', async () => {
    const nonceAccount = await createNonceAccount();
    const queued = await queueNonceStake(nonceAccount);
    const review = await machine.call('reviewPendingTransaction', { id: queued.id });

    // The nonce moves on after the review, as when another wallet uses it while the Ledger waits.
    const connection = connectTo(localnet.url);
    const signer = new PublicKey(machine.signer);
    const current = NonceAccount.fromAccountData(
      (await connection.getAccountInfo(new PublicKey(nonceAccount)))!.data,
    );
    const message = new TransactionMessage({
      payerKey: signer,
      recentBlockhash: current.nonce,
      instructions: [advanceNonceInstruction(new PublicKey(nonceAccount), signer)],
    }).compileToLegacyMessage();
    const other = new VersionedTransaction(message);
    const signedOther = await machine.ledger.signMessage({
      path: SIGNER_PATH,
      message: message.serialize(),
      expectedSigner: machine.signer,
    });
    other.addSignature(signer, signedOther.signature);
    await connection.sendRawTransaction(other.serialize());

    const sendsBefore = machine.chain.rpc.tally.byMethod()['sendTransaction'] ?? 0;
    const signed = await machine.call('signPendingTransaction', {
      id: queued.id,
      reviewId: review.reviewId,
    });

    expect(signed.status.kind).toBe('stale');
    const reason = signed.status.kind === 'stale' ? signed.status.reason : '';
    expect(reason).toMatch(/moved on/);
    expect(signed.signature).not.toBeNull();
    expect(signed.actions.send).toBe(false);
    expect(machine.store.pending.get(queued.id).status.kind).toBe('stale');
    expect(machine.chain.rpc.tally.byMethod()['sendTransaction'] ?? 0).toBe(sendsBefore);
  });

  it('keeps signed at signing when nonce unchanged', async () => {
    const nonceAccount = await createNonceAccount();
    const queued = await queueNonceStake(nonceAccount);
    const review = await machine.call('reviewPendingTransaction', { id: queued.id });

    const signed = await machine.call('signPendingTransaction', {
      id: queued.id,
      reviewId: review.reviewId,
    });

    expect(signed.status.kind).toBe('signed');
    expect(signed.actions.send).toBe(true);
  });

  it('warns when review uses reserved nonce', async () => {
    const nonceAccount = await createNonceAccount();
    const queued = await queueNonceStake(nonceAccount);
    const signer = new PublicKey(machine.signer);
    const lifetime = machine.store.pending.get(queued.id).lifetime;
    const nonceValue = lifetime.kind === 'durableNonce' ? lifetime.nonceValue : '';
    const transfer = new TransactionMessage({
      payerKey: signer,
      recentBlockhash: nonceValue,
      instructions: [
        advanceNonceInstruction(new PublicKey(nonceAccount), signer),
        SystemProgram.transfer({ fromPubkey: signer, toPubkey: signer, lamports: 1_000 }),
      ],
    }).compileToLegacyMessage();

    const pasted = await machine.call('reviewTransaction', {
      text: Buffer.from(transfer.serialize()).toString('base64'),
    });
    const own = await machine.call('reviewPendingTransaction', { id: queued.id });

    const warning = pasted.review.warnings.find((item) => item.kind === 'nonceReserved');
    expect(warning).toEqual({
      kind: 'nonceReserved',
      nonceAccount,
      pendingId: queued.id,
      pendingSummary: 'Stake 2 SOL',
    });
    expect(describeWarning(warning!, (address) => address)).toContain('"Stake 2 SOL"');
    expect(own.review.warnings.some((item) => item.kind === 'nonceReserved')).toBe(false);
  });

  it('reserves a nonce for one pending transaction', async () => {
    const nonceAccount = await createNonceAccount();
    const first = await queueNonceStake(nonceAccount);

    await expect(
      machine.offline.nonces.nonceLifetime({ nonceAccount, authority: machine.signer }),
    ).rejects.toMatchObject({ code: 'NONCE_ACCOUNT_RESERVED', context: { pendingId: first.id } });

    await machine.call('discardPendingTransaction', { id: first.id });
    const second = await queueNonceStake(nonceAccount);
    expect(second.id).not.toBe(first.id);
  });

  it('records send status in the audit log', async () => {
    const nonceAccount = await createNonceAccount();
    const log = await machine.call('getAuditLog', {});
    const row = log.rows[0];

    expect(nonceAccount).toBeTruthy();
    expect(log.chainBreak).toBeNull();
    expect(row?.outcome).toBe('approved');
    expect(row?.sendStatus).toBe('confirmed');
    expect(row?.slot).toBeGreaterThan(0);
    expect(row?.deviceScreens[0]?.title).toBe('Create nonce acct');
  });

  it('rebuilds a blockhash stake with a nonce', async () => {
    const nonceAccount = await createNonceAccount();
    const connection = connectTo(localnet.url);
    const signer = new PublicKey(machine.signer);
    const { blockhash } = await connection.getLatestBlockhash();
    const built = buildCreateAndDelegate(
      {
        seed: chooseStakeSeed({ base: signer }).seed,
        voteAccount: localnet.validators[3]!.voteAccount,
        stakeLamports: SOL,
        rentExemptReserveLamports: BigInt(await connection.getMinimumBalanceForRentExemption(200)),
      },
      {
        signer,
        lifetime: { kind: 'blockhash', blockhash },
        appVersion: '1.16.0',
        computeBudget: { unitLimit: 50_000, microLamportsPerUnit: 1_000n },
      },
    );

    const item = await machine.call('queueTransaction', {
      messageBase64: Buffer.from(built.message.serialize()).toString('base64'),
      intent: { kind: 'createStake', summary: 'Stake 1 SOL' },
      nonceAccount,
    });
    expect(item.lifetime.kind).toBe('durableNonce');
    const review = await machine.call('reviewPendingTransaction', { id: item.id });
    expect(review.review.instructions[0]?.action.kind).toBe('systemAdvanceNonce');
    expect(review.review.device.outcome).toBe('clearSign');

    await machine.call('signPendingTransaction', { id: item.id, reviewId: review.reviewId });
    await localnet.expireBlockhashes();
    const sent = await machine.call('sendPendingTransaction', { id: item.id });

    expect(sent.status.kind).toBe('confirmed');
    const stake = await connection.getAccountInfo(built.stakeAccount);
    expect(stake?.owner.toBase58()).toBe('Stake11111111111111111111111111111111111111');
  });
});
