import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startLocalnet, type Localnet } from '../../support/localnet';
import { startMachine, type OfflineMachine } from './support/offline-harness';

const SOL = 1_000_000_000n;

describe('one cancel path for every signing', () => {
  let localnet: Localnet;
  let machine: OfflineMachine;

  beforeEach(async () => {
    localnet = await startLocalnet();
    machine = await startMachine({ rpcUrl: localnet.url });
    await localnet.fund(machine.signer, 2n * SOL);
    machine.emulator.person.setDefault({ kind: 'wait' });
  });

  afterEach(async () => {
    await machine.close();
    await localnet.close();
  });

  /** Queues an unsigned nonce account creation and returns its id and message. */
  async function queueUnsigned(): Promise<{ id: string; messageBase64: string }> {
    const prepared = await machine.call('prepareNonceAccount', { authority: machine.signer });
    const record = machine.store.pending.get(prepared.item.id);
    return { id: prepared.item.id, messageBase64: record.messageBase64 };
  }

  async function waitForDeviceRequest(): Promise<void> {
    await expect.poll(() => machine.emulator.currentRequest?.kind ?? null).toBe('sign-transaction');
  }

  it('cancelSigning stops a queue signing', async () => {
    const { id } = await queueUnsigned();
    const review = await machine.call('reviewPendingTransaction', { id });
    const signing = machine.failureOf('signPendingTransaction', { id, reviewId: review.reviewId });
    await waitForDeviceRequest();

    const cancelled = await machine.call('cancelSigning', {});

    expect(cancelled.cancelled).toBe(true);
    expect((await signing).code).toBe('CANCELLED');
    expect(machine.store.pending.get(id).status.kind).toBe('unsigned');
  });

  it('cancelPendingSigning stops a Ledger page signing', async () => {
    const { messageBase64 } = await queueUnsigned();
    const review = await machine.call('reviewTransaction', {
      text: messageBase64,
      signer: machine.signer,
    });
    const signing = machine.failureOf('signReviewedTransaction', { reviewId: review.reviewId });
    await waitForDeviceRequest();

    const cancelled = await machine.call('cancelPendingSigning', {});

    expect(cancelled.cancelled).toBe(true);
    expect((await signing).code).toBe('CANCELLED');
  });

  it('allows one signing at a time', async () => {
    const { id, messageBase64 } = await queueUnsigned();
    const queueReview = await machine.call('reviewPendingTransaction', { id });
    const pageReview = await machine.call('reviewTransaction', {
      text: messageBase64,
      signer: machine.signer,
    });
    const queueSigning = machine.failureOf('signPendingTransaction', {
      id,
      reviewId: queueReview.reviewId,
    });
    await waitForDeviceRequest();

    const second = await machine.failureOf('signReviewedTransaction', {
      reviewId: pageReview.reviewId,
    });

    expect(second.code).toBe('SIGNING_IN_PROGRESS');
    await machine.call('cancelSigning', {});
    expect((await queueSigning).code).toBe('CANCELLED');
  });

  it('reports nothing to cancel when idle', async () => {
    expect((await machine.call('cancelSigning', {})).cancelled).toBe(false);
    expect((await machine.call('cancelPendingSigning', {})).cancelled).toBe(false);
  });
});
