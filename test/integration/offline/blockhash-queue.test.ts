import bs58 from 'bs58';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { encodeTransaction } from '../../../src/main/api/ledger/transaction-text';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { connectTo, startMachine, type OfflineMachine } from './support/offline-harness';

const SOL = 1_000_000_000n;

describe('blockhash transactions in the send-later queue', () => {
  let localnet: Localnet;
  let machine: OfflineMachine;

  beforeEach(async () => {
    localnet = await startLocalnet();
    machine = await startMachine({ rpcUrl: localnet.url });
    await localnet.fund(machine.signer, 5n * SOL);
  });

  afterEach(async () => {
    await machine.close();
    await localnet.close();
  });

  async function signedNonceCreation(): Promise<string> {
    const prepared = await machine.call('prepareNonceAccount', { authority: machine.signer });
    const review = await machine.call('reviewPendingTransaction', { id: prepared.item.id });
    await machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: review.reviewId,
    });
    return prepared.item.id;
  }

  function sendCount(): number {
    return machine.chain.rpc.tally.byMethod()['sendTransaction'] ?? 0;
  }

  it('marks an expired blockhash expired unsent', async () => {
    const id = await signedNonceCreation();
    await localnet.expireBlockhashes();

    const before = sendCount();
    const result = await machine.call('sendPendingTransaction', { id });

    expect(result.status.kind).toBe('expired');
    expect(sendCount()).toBe(before);
    expect(result.actions.send).toBe(false);
    const landed = await connectTo(localnet.url).getSignatureStatus(result.signature!, {
      searchTransactionHistory: true,
    });
    expect(landed.value).toBeNull();
  });

  it('reports a landed one finalized, not expired', async () => {
    const id = await signedNonceCreation();
    const record = machine.store.pending.get(id);
    const transaction = encodeTransaction(
      Buffer.from(record.messageBase64, 'base64'),
      record.signatures.map((slot) => bs58.decode(slot.signature!)),
    );
    // The transaction lands through another route, for example another copy of the app.
    await connectTo(localnet.url).sendRawTransaction(transaction);
    await localnet.expireBlockhashes();

    const before = sendCount();
    const result = await machine.call('sendPendingTransaction', { id });

    // 151 slots passed, more than the 32 after which the local chain reports it finalized.
    expect(result.status.kind).toBe('finalized');
    expect(sendCount()).toBe(before);
  });

  it('keeps a signed item when offline', async () => {
    const id = await signedNonceCreation();
    localnet.setServingMode({ kind: 'offline' });

    const failure = await machine.failureOf('sendSignedTransactions', {});

    expect(failure.code).toBe('NETWORK_REQUIRED');
    expect(failure.context).toMatchObject({ cluster: 'localnet' });
    expect(machine.store.pending.get(id).status.kind).toBe('signed');
  });

  it('sends the queue when the network returns', async () => {
    // A clock two minutes ahead makes the freshly signed record old enough to send unasked.
    await machine.close();
    machine = await startMachine({
      rpcUrl: localnet.url,
      now: () => new Date(Date.now() + 120_000),
    });
    const id = await signedNonceCreation();
    const confirmed = machine.nextEvent(
      (message) =>
        message.name === 'pendingTransactionsChanged' &&
        JSON.stringify(message.payload).includes('"confirmed"'),
    );

    machine.bus.emit('networkStatusChanged', {
      cluster: 'localnet',
      endpoints: [{ url: localnet.url, insecure: false }],
      defaultEndpoints: false,
      connection: 'online',
      servedBy: localnet.url,
      slot: 1,
      epoch: 1,
      lastSuccessAt: new Date().toISOString(),
      lastCheckedAt: new Date().toISOString(),
      lastError: null,
    });
    await confirmed;

    expect(machine.store.pending.get(id).status.kind).toBe('confirmed');
  });

  it('sends a record signed just before the network returned', async () => {
    // The clock jumps to just under the quiet minute after signing, so the first pass skips
    // the record and the retry a fraction of a second later sends it.
    let offsetMs = 0;
    await machine.close();
    machine = await startMachine({
      rpcUrl: localnet.url,
      now: () => new Date(Date.now() + offsetMs),
    });
    const id = await signedNonceCreation();
    offsetMs = 59_700;
    const confirmed = machine.nextEvent(
      (message) =>
        message.name === 'pendingTransactionsChanged' &&
        JSON.stringify(message.payload).includes('"confirmed"'),
    );

    machine.bus.emit('networkStatusChanged', {
      cluster: 'localnet',
      endpoints: [{ url: localnet.url, insecure: false }],
      defaultEndpoints: false,
      connection: 'online',
      servedBy: localnet.url,
      slot: 1,
      epoch: 1,
      lastSuccessAt: new Date().toISOString(),
      lastCheckedAt: new Date().toISOString(),
      lastError: null,
    });
    await confirmed;

    expect(machine.store.pending.get(id).status.kind).toBe('confirmed');
  });
});
