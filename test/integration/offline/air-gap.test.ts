import { NonceAccount, PublicKey } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildCreateAndDelegate, chooseStakeSeed } from '../../../src/main/stake';
import { hashMessage } from '../../../src/main/store';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { connectTo, startMachine, type OfflineMachine } from './support/offline-harness';

const SOL = 1_000_000_000n;
/** Nothing listens here, so the air-gapped machine has no cluster. */
const UNREACHABLE_RPC = 'http://127.0.0.1:9';

interface FileShape {
  kind: string;
  pendingId: string | null;
  message: { base64: string; sha256: string };
  signatures: { publicKey: string; signature: string | null }[];
}

describe('air-gapped signing through transaction files', () => {
  let localnet: Localnet;
  let online: OfflineMachine;
  let airGapped: OfflineMachine;

  beforeEach(async () => {
    localnet = await startLocalnet();
    online = await startMachine({ rpcUrl: localnet.url });
    airGapped = await startMachine({ rpcUrl: UNREACHABLE_RPC, saveSigner: false });
    await localnet.fund(online.signer, 20n * SOL);
  });

  afterEach(async () => {
    await online.close();
    await airGapped.close();
    await localnet.close();
  });

  /** Creates a nonce account on the online machine, then queues an unsigned stake with it. */
  async function queueUnsignedStake(): Promise<{ id: string; stakeAccount: string }> {
    const prepared = await online.call('prepareNonceAccount', { authority: online.signer });
    const review = await online.call('reviewPendingTransaction', { id: prepared.item.id });
    await online.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: review.reviewId,
    });
    await online.call('sendPendingTransaction', { id: prepared.item.id });
    const nonceAccount = (await online.call('listNonceAccounts', { refresh: true })).accounts[0]!
      .address;

    const signer = new PublicKey(online.signer);
    const built = buildCreateAndDelegate(
      {
        seed: chooseStakeSeed({ base: signer }).seed,
        voteAccount: localnet.validators[2]!.voteAccount,
        stakeLamports: 3n * SOL,
        rentExemptReserveLamports: BigInt(
          await connectTo(localnet.url).getMinimumBalanceForRentExemption(200),
        ),
      },
      {
        signer,
        lifetime: await online.offline.nonces.nonceLifetime({
          nonceAccount,
          authority: online.signer,
        }),
        appVersion: '1.9.0',
      },
    );
    const item = await online.call('queueTransaction', {
      messageBase64: Buffer.from(built.message.serialize()).toString('base64'),
      intent: { kind: 'createStake', summary: 'Stake 3 SOL' },
    });
    return { id: item.id, stakeAccount: built.stakeAccount.toBase58() };
  }

  it('round trip keeps the message byte-identical', async () => {
    const queued = await queueUnsignedStake();
    const queuedMessage = online.store.pending.get(queued.id).messageBase64;

    const unsigned = await online.call('exportTransactionFile', { id: queued.id });
    const unsignedFile = JSON.parse(unsigned.content) as FileShape;
    expect(unsignedFile.kind).toBe('unsigned');
    expect(unsignedFile.message.base64).toBe(queuedMessage);

    const imported = await airGapped.call('importTransactionFile', { content: unsigned.content });
    expect(imported.kind).toBe('toSign');
    if (imported.kind !== 'toSign') {
      return;
    }
    expect(imported.reviewMatchesFile).toBe(true);
    expect(imported.lifetime.kind).toBe('durableNonce');
    expect(imported.review.review.durableNonce).not.toBeNull();
    expect(airGapped.store.accounts.list().map((account) => account.publicKey)).toEqual([
      online.signer,
    ]);

    const signed = await airGapped.call('signImportedTransaction', { importId: imported.importId });
    const signedFile = JSON.parse(signed.content) as FileShape;
    expect(signedFile.kind).toBe('signed');
    expect(signedFile.message.base64).toBe(queuedMessage);
    expect(signedFile.signatures[0]?.signature).not.toBeNull();

    const back = await online.call('importTransactionFile', { content: signed.content });
    expect(back.kind).toBe('signedQueued');
    if (back.kind !== 'signedQueued') {
      return;
    }
    expect(back.matchedPending).toBe(true);
    expect(back.item.id).toBe(queued.id);
    expect(back.item.status.kind).toBe('signed');
    expect(online.store.pending.get(queued.id).messageBase64).toBe(queuedMessage);

    const sent = await online.call('sendPendingTransaction', { id: queued.id });
    expect(sent.status.kind).toBe('confirmed');
    const connection = connectTo(localnet.url);
    const status = await connection.getSignatureStatus(signedFile.signatures[0]!.signature!, {
      searchTransactionHistory: true,
    });
    expect(status.value?.err).toBeNull();
    const stake = await connection.getAccountInfo(new PublicKey(queued.stakeAccount));
    expect(stake?.lamports).toBeGreaterThan(Number(3n * SOL));
  });

  it('refuses a file whose message changed in transit', async () => {
    const queued = await queueUnsignedStake();
    const unsigned = await online.call('exportTransactionFile', { id: queued.id });
    const file = JSON.parse(unsigned.content) as FileShape;

    // Flip one byte of the lamports and recompute the hash, as a careful forger would.
    const bytes = Buffer.from(file.message.base64, 'base64');
    bytes[bytes.length - 20] = (bytes[bytes.length - 20]! + 1) % 256;
    const forged = {
      ...file,
      message: { base64: bytes.toString('base64'), sha256: hashMessage(bytes) },
    };
    const imported = await airGapped.call('importTransactionFile', {
      content: JSON.stringify(forged),
    });
    if (imported.kind !== 'toSign') {
      throw new Error('expected an unsigned import');
    }
    const signed = await airGapped.call('signImportedTransaction', { importId: imported.importId });

    const refused = await online.failureOf('importTransactionFile', { content: signed.content });
    expect(refused.code).toBe('TRANSACTION_FILE_MESSAGE_MISMATCH');
    expect(refused.context).toMatchObject({ reason: 'differsFromPending' });
    expect(online.store.pending.get(queued.id).status.kind).toBe('unsigned');
  });

  it('refuses a message that does not match its hash', async () => {
    const queued = await queueUnsignedStake();
    const unsigned = await online.call('exportTransactionFile', { id: queued.id });
    const file = JSON.parse(unsigned.content) as FileShape;
    const bytes = Buffer.from(file.message.base64, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1]! + 1) % 256;
    const tampered = { ...file, message: { ...file.message, base64: bytes.toString('base64') } };

    const refused = await airGapped.failureOf('importTransactionFile', {
      content: JSON.stringify(tampered),
    });

    expect(refused.code).toBe('TRANSACTION_FILE_MESSAGE_MISMATCH');
    expect(refused.context).toMatchObject({ reason: 'hashMismatch' });
  });

  it('refuses a signer the Ledger does not derive', async () => {
    const queued = await queueUnsignedStake();
    const unsigned = await online.call('exportTransactionFile', { id: queued.id });
    const file = JSON.parse(unsigned.content) as { signer: { derivationPath: string } };
    file.signer.derivationPath = "44'/501'/7'";

    const refused = await airGapped.failureOf('importTransactionFile', {
      content: JSON.stringify(file),
    });

    expect(refused.code).toBe('TRANSACTION_FILE_SIGNER_MISMATCH');
    expect(airGapped.store.accounts.list()).toEqual([]);
  });

  it('keeps the nonce valid after the round trip', async () => {
    const queued = await queueUnsignedStake();
    const lifetime = online.store.pending.get(queued.id).lifetime;
    if (lifetime.kind !== 'durableNonce') {
      throw new Error('expected a nonce lifetime');
    }
    const info = await connectTo(localnet.url).getAccountInfo(new PublicKey(lifetime.nonceAccount));

    expect(NonceAccount.fromAccountData(info!.data).nonce).toBe(lifetime.nonceValue);
  });
});
