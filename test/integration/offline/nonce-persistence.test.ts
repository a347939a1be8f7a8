import { NonceAccount, PublicKey } from '@solana/web3.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { NonceAccountService } from '../../../src/main/api/offline';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { connectTo, startMachine, type OfflineMachine } from './support/offline-harness';

const SOL = 1_000_000_000n;

describe('saved nonce readings', () => {
  let localnet: Localnet;
  let machine: OfflineMachine;

  beforeEach(async () => {
    localnet = await startLocalnet();
    machine = await startMachine({ rpcUrl: localnet.url });
    await localnet.fund(machine.signer, 2n * SOL);
  });

  afterEach(async () => {
    await machine.close();
    await localnet.close();
  });

  /** Builds a nonce service as a restarted app does: nothing in memory, the same store. */
  function restartedService(): NonceAccountService {
    return new NonceAccountService({
      chain: () => Promise.resolve(machine.chain),
      settings: machine.settings,
      accounts: machine.store.accounts,
      pending: machine.store.pending,
      appVersion: () => null,
      snapshots: machine.store.snapshots,
      logger: pino({ level: 'silent' }),
    });
  }

  async function createNonceAccount(): Promise<string> {
    const prepared = await machine.call('prepareNonceAccount', { authority: machine.signer });
    const review = await machine.call('reviewPendingTransaction', { id: prepared.item.id });
    await machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: review.reviewId,
    });
    await machine.call('sendPendingTransaction', { id: prepared.item.id });
    const list = await machine.call('listNonceAccounts', { refresh: true });
    return list.accounts[0]?.address ?? '';
  }

  it('lists saved nonces after a restart offline', async () => {
    const nonceAccount = await createNonceAccount();
    const onChain = await connectTo(localnet.url).getAccountInfo(new PublicKey(nonceAccount));
    const nonceValue = NonceAccount.fromAccountData(onChain!.data).nonce;
    localnet.setServingMode({ kind: 'offline' });

    const list = await restartedService().list({ refresh: true });

    expect(list.fromCache).toBe(true);
    expect(list.error?.code).toBe('RPC_UNAVAILABLE');
    expect(list.accounts).toHaveLength(1);
    expect(list.accounts[0]?.address).toBe(nonceAccount);
    expect(list.accounts[0]?.nonceValue).toBe(nonceValue);
    expect(list.accounts[0]?.slot).toBeGreaterThan(0);
    expect(Date.parse(list.accounts[0]?.readAt ?? '')).not.toBeNaN();
  });

  it('signs with a saved nonce after a restart offline', async () => {
    const nonceAccount = await createNonceAccount();
    const saved = (await machine.call('listNonceAccounts', { refresh: false })).accounts[0];
    localnet.setServingMode({ kind: 'offline' });

    const nonce = await restartedService().nonceForSigning({
      nonceAccount,
      authority: machine.signer,
    });

    expect(nonce.fromCache).toBe(true);
    expect(nonce.lifetime.nonceValue).toBe(saved?.nonceValue);
    expect(nonce.slot).toBe(saved?.slot);
    expect(nonce.readAt).toBe(saved?.readAt);
  });

  it('reports an unknown nonce without a saved read', async () => {
    localnet.setServingMode({ kind: 'offline' });

    const failure = await restartedService()
      .nonceForSigning({
        nonceAccount: 'Vote111111111111111111111111111111111111111',
        authority: machine.signer,
      })
      .then(
        () => null,
        (error: unknown) => error,
      );

    expect(failure).toMatchObject({ code: 'NONCE_VALUE_UNKNOWN' });
  });
});
