import { ed25519 } from '@noble/curves/ed25519.js';
import {
  Connection,
  Keypair,
  NONCE_ACCOUNT_LENGTH,
  NonceAccount,
  PublicKey,
  SystemProgram,
  Transaction,
  type TransactionInstruction,
} from '@solana/web3.js';
import bs58 from 'bs58';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';

import { ChainService, createClusterConfig } from '../../../src/main/chain';
import type { AuditSignatureRequest } from '../../../src/shared/domain/store';
import { Ins } from '../../support/ledger-emulator/apdu/instruction-codes';
import { startLocalnet, type Localnet } from '../../support/localnet';
import {
  startLedgerHandlers,
  type LedgerHandlerHarness,
} from '../../unit/ledger-ui/support/ledger-handler-harness';

const SOL = 1_000_000_000n;
const PATH = "44'/501'/0'";
/** Nothing listens here, so a review against it cannot reach a cluster. */
const UNREACHABLE_RPC = 'http://127.0.0.1:9';
const silent = pino({ level: 'silent' });

let localnet: Localnet | undefined;
let harness: LedgerHandlerHarness | undefined;

afterEach(async () => {
  await harness?.close();
  await localnet?.close();
  harness = undefined;
  localnet = undefined;
});

/** Creates a chain service on `url` without retries, so unreachable cases fail at once. */
function chainAt(url: string): ChainService {
  return new ChainService({
    cluster: createClusterConfig('localnet', [url]),
    logger: silent,
    policy: { attemptsPerEndpoint: 1, baseDelayMs: 1, maxDelayMs: 1, requestTimeoutMs: 5_000 },
  });
}

/** Starts the Ledger handlers against `url` and saves account 0 of each scheme. */
async function startHandlers(url: string): Promise<LedgerHandlerHarness> {
  const started = await startLedgerHandlers({
    emulator: { person: { kind: 'review-and-approve' } },
    chain: chainAt(url),
  });
  await started.call('discoverAccounts', { gapLimit: 1 });
  return started;
}

function base64Of(
  feePayer: PublicKey,
  recentBlockhash: string,
  instructions: TransactionInstruction[],
): string {
  return new Transaction({ feePayer, recentBlockhash })
    .add(...instructions)
    .serialize({ requireAllSignatures: false, verifySignatures: false })
    .toString('base64');
}

function transfer(from: PublicKey, to: PublicKey, lamports: bigint): TransactionInstruction {
  return SystemProgram.transfer({ fromPubkey: from, toPubkey: to, lamports });
}

/** Number of SIGN_MESSAGE exchanges the device received. */
function signRequests(started: LedgerHandlerHarness): number {
  return started.apdus.filter(
    (apdu) => apdu[1] === Ins.SIGN_MESSAGE || apdu[1] === Ins.DEPRECATED_SIGN_MESSAGE,
  ).length;
}

describe('review checked against the local chain', () => {
  it('passes a valid transfer and signs it', async () => {
    localnet = await startLocalnet();
    harness = await startHandlers(localnet.url);
    const signer = new PublicKey(harness.addressOf(PATH));
    const recipient = Keypair.generate().publicKey;
    await localnet.fund(signer, 10n * SOL);
    const { blockhash } = await new Connection(localnet.url).getLatestBlockhash();
    const text = base64Of(signer, blockhash, [transfer(signer, recipient, SOL)]);

    const reviewed = await harness.call('reviewTransaction', { text });

    expect(reviewed.chainCheck.outcome).toBe('ok');
    if (reviewed.chainCheck.outcome === 'ok') {
      expect(reviewed.chainCheck.slot).toBeGreaterThan(0);
      expect(reviewed.chainCheck.unitsConsumed).toBeGreaterThan(0);
    }
    expect(reviewed.review.warnings.map((warning) => warning.kind)).not.toContain(
      'largeShareOfBalance',
    );

    const signed = await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });
    const message = Buffer.from(text, 'base64').subarray(1 + 64);
    expect(ed25519.verify(bs58.decode(signed.signature), message, signer.toBytes())).toBe(true);
    expect(signed.signer).toBe(signer.toBase58());
    expect(signRequests(harness)).toBeGreaterThan(0);
  });

  it('warns when most of the balance leaves', async () => {
    localnet = await startLocalnet();
    harness = await startHandlers(localnet.url);
    const signer = new PublicKey(harness.addressOf(PATH));
    await localnet.fund(signer, 10n * SOL);
    const { blockhash } = await new Connection(localnet.url).getLatestBlockhash();
    const text = base64Of(signer, blockhash, [
      transfer(signer, Keypair.generate().publicKey, 8n * SOL),
    ]);

    const reviewed = await harness.call('reviewTransaction', { text });

    expect(reviewed.chainCheck.outcome).toBe('ok');
    expect(reviewed.review.warnings).toContainEqual({
      kind: 'largeShareOfBalance',
      account: signer.toBase58(),
      outgoingLamports: (8n * SOL + 5000n).toString(),
      balanceLamports: (10n * SOL).toString(),
      percent: 80,
    });
  });

  it('rejects an expired blockhash before the device', async () => {
    localnet = await startLocalnet();
    harness = await startHandlers(localnet.url);
    const signer = new PublicKey(harness.addressOf(PATH));
    await localnet.fund(signer, 10n * SOL);
    const { blockhash } = await new Connection(localnet.url).getLatestBlockhash();
    const text = base64Of(signer, blockhash, [transfer(signer, Keypair.generate().publicKey, SOL)]);
    await localnet.expireBlockhashes();

    const reviewed = await harness.call('reviewTransaction', { text });

    expect(reviewed.chainCheck).toMatchObject({ outcome: 'expired', blockhash });
    await expect(
      harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId }),
    ).rejects.toMatchObject({ code: 'REVIEW_BLOCKHASH_EXPIRED', context: { blockhash } });
    expect(signRequests(harness)).toBe(0);
    expect(harness.deviceRequests).toEqual([]);
    const audited = await auditedRequests(harness);
    expect(audited.map((entry) => [entry.outcome, entry.errorCode])).toEqual([
      ['failed', 'REVIEW_BLOCKHASH_EXPIRED'],
    ]);
  });

  it('rejects at signing a blockhash that expired after the review', async () => {
    localnet = await startLocalnet();
    harness = await startHandlers(localnet.url);
    const signer = new PublicKey(harness.addressOf(PATH));
    await localnet.fund(signer, 10n * SOL);
    const { blockhash } = await new Connection(localnet.url).getLatestBlockhash();
    const text = base64Of(signer, blockhash, [transfer(signer, Keypair.generate().publicKey, SOL)]);
    const reviewed = await harness.call('reviewTransaction', { text });
    expect(reviewed.chainCheck.outcome).toBe('ok');

    await localnet.expireBlockhashes();

    await expect(
      harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId }),
    ).rejects.toMatchObject({ code: 'REVIEW_BLOCKHASH_EXPIRED' });
    expect(signRequests(harness)).toBe(0);
  });

  it('names the reason a transfer over the balance fails', async () => {
    localnet = await startLocalnet();
    harness = await startHandlers(localnet.url);
    const signer = new PublicKey(harness.addressOf(PATH));
    await localnet.fund(signer, SOL);
    const { blockhash } = await new Connection(localnet.url).getLatestBlockhash();
    const text = base64Of(signer, blockhash, [
      transfer(signer, Keypair.generate().publicKey, 5n * SOL),
    ]);

    const reviewed = await harness.call('reviewTransaction', { text });

    const check = reviewed.chainCheck;
    expect(check.outcome).toBe('failed');
    if (check.outcome === 'failed') {
      expect(check.errorName).toBe('ResultWithNegativeLamports');
      expect(check.instructionIndex).toBe(0);
      expect(check.title).not.toBe('');
      expect(check.logs.join('\n')).toContain('insufficient lamports');
    }
    await expect(
      harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId }),
    ).rejects.toMatchObject({
      code: 'REVIEW_SIMULATION_FAILED',
      context: { errorName: 'ResultWithNegativeLamports' },
    });
    expect(signRequests(harness)).toBe(0);
  });

  it('rejects a durable nonce that moved on', async () => {
    localnet = await startLocalnet();
    harness = await startHandlers(localnet.url);
    const connection = new Connection(localnet.url, 'confirmed');
    const signer = new PublicKey(harness.addressOf(PATH));
    const payer = Keypair.generate();
    const authority = Keypair.generate();
    const nonce = Keypair.generate();
    await localnet.fund(signer, 10n * SOL);
    await localnet.fund(payer.publicKey, 10n * SOL);

    const rent = await connection.getMinimumBalanceForRentExemption(NONCE_ACCOUNT_LENGTH);
    await sendSigned(
      connection,
      [payer, nonce],
      SystemProgram.createNonceAccount({
        fromPubkey: payer.publicKey,
        noncePubkey: nonce.publicKey,
        authorizedPubkey: authority.publicKey,
        lamports: rent,
      }).instructions,
    );
    const nonceValue = await readNonce(connection, nonce.publicKey);
    // The Ledger signer pays and sends. The authority, a second required signer, advances the nonce.
    const text = base64Of(signer, nonceValue, [
      SystemProgram.nonceAdvance({
        noncePubkey: nonce.publicKey,
        authorizedPubkey: authority.publicKey,
      }),
      transfer(signer, Keypair.generate().publicKey, SOL),
    ]);

    const before = await harness.call('reviewTransaction', { text });
    expect(before.review.durableNonce?.nonceAccount).toBe(nonce.publicKey.toBase58());
    expect(before.chainCheck.outcome).toBe('ok');

    await localnet.advanceSlots(2);
    await sendSigned(
      connection,
      [payer, authority],
      [
        SystemProgram.nonceAdvance({
          noncePubkey: nonce.publicKey,
          authorizedPubkey: authority.publicKey,
        }),
      ],
    );
    const movedTo = await readNonce(connection, nonce.publicKey);
    expect(movedTo).not.toBe(nonceValue);

    const after = await harness.call('reviewTransaction', { text });

    expect(after.chainCheck).toMatchObject({
      outcome: 'nonceMoved',
      nonceAccount: nonce.publicKey.toBase58(),
      messageNonce: nonceValue,
      currentNonce: movedTo,
    });
    await expect(
      harness.call('signReviewedTransaction', { reviewId: after.reviewId }),
    ).rejects.toMatchObject({ code: 'REVIEW_NONCE_MOVED', context: { currentNonce: movedTo } });
    await expect(
      harness.call('signReviewedTransaction', { reviewId: before.reviewId }),
    ).rejects.toMatchObject({ code: 'REVIEW_NONCE_MOVED' });
    expect(signRequests(harness)).toBe(0);
  });
});

describe('review without a cluster', () => {
  it('says not checked and still signs', async () => {
    harness = await startHandlers(UNREACHABLE_RPC);
    const signer = new PublicKey(harness.addressOf(PATH));
    const blockhash = new PublicKey(Buffer.alloc(32, 3)).toBase58();
    const text = base64Of(signer, blockhash, [transfer(signer, Keypair.generate().publicKey, SOL)]);

    const reviewed = await harness.call('reviewTransaction', { text });

    expect(reviewed.chainCheck).toMatchObject({ outcome: 'notChecked', reason: 'unreachable' });
    const signed = await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });
    const message = Buffer.from(text, 'base64').subarray(1 + 64);
    expect(ed25519.verify(bs58.decode(signed.signature), message, signer.toBytes())).toBe(true);
  });

  it('says not checked when no cluster is configured', async () => {
    harness = await startLedgerHandlers({ emulator: { person: { kind: 'review-and-approve' } } });
    await harness.call('discoverAccounts', { gapLimit: 1 });
    const signer = new PublicKey(harness.addressOf(PATH));
    const text = base64Of(signer, new PublicKey(Buffer.alloc(32, 3)).toBase58(), [
      transfer(signer, Keypair.generate().publicKey, SOL),
    ]);

    const reviewed = await harness.call('reviewTransaction', { text });

    expect(reviewed.chainCheck).toMatchObject({ outcome: 'notChecked', reason: 'noCluster' });
  });
});

/** Reads the signature requests of the audit log, oldest first. */
async function auditedRequests(started: LedgerHandlerHarness): Promise<AuditSignatureRequest[]> {
  const report = await started.store.audit.verify();
  return report.lines.flatMap((line) =>
    line.entry.kind === 'signatureRequest' ? [line.entry] : [],
  );
}

async function sendSigned(
  connection: Connection,
  signers: Keypair[],
  instructions: TransactionInstruction[],
): Promise<void> {
  const [payer] = signers;
  if (payer === undefined) {
    throw new Error('sendSigned needs a fee payer');
  }
  const { blockhash } = await connection.getLatestBlockhash();
  const transaction = new Transaction({ feePayer: payer.publicKey, recentBlockhash: blockhash });
  transaction.add(...instructions);
  transaction.sign(...signers);
  const signature = await connection.sendRawTransaction(transaction.serialize());
  const status = await connection.getSignatureStatus(signature);
  expect(status.value?.err ?? null).toBeNull();
}

async function readNonce(connection: Connection, address: PublicKey): Promise<string> {
  const account = await connection.getAccountInfo(address);
  if (account === null) {
    throw new Error(`nonce account ${address.toBase58()} not found`);
  }
  return NonceAccount.fromAccountData(account.data).nonce;
}
