import { createHash } from 'node:crypto';

import { ed25519 } from '@noble/curves/ed25519.js';
import { Keypair, PublicKey, Transaction, VersionedTransaction } from '@solana/web3.js';
import bs58 from 'bs58';
import { afterEach, describe, expect, it } from 'vitest';

import type { AuditSignatureRequest } from '../../../src/shared/domain/store';
import { fieldsOf } from '../../support/ledger-emulator';
import { startLedgerHandlers, type LedgerHandlerHarness } from './support/ledger-handler-harness';
import {
  legacyMessageBytes,
  legacyTransactionBytes,
  priorityStakeInstructions,
  stakeInstructions,
  transferInstruction,
  v0TransactionBytes,
} from './support/transactions';

const ACCOUNT0 = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH'; // 44'/501'/0'
const ACCOUNT1 = '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ'; // 44'/501'/1'
/** Stake account address createWithSeed(ACCOUNT0, the test seed, Stake program). */
const STAKE_ACCOUNT = 'AH9SphFp84i1yzeNMTZD2cX8MRVJfkpdNLNjn5Cmh6VQ';

let harness: LedgerHandlerHarness;

async function startWithAccounts(
  options: Parameters<typeof startLedgerHandlers>[0] = {},
): Promise<LedgerHandlerHarness> {
  const started = await startLedgerHandlers(options);
  await started.call('discoverAccounts', { gapLimit: 1 });
  return started;
}

async function review(bytes: Uint8Array) {
  return harness.call('reviewTransaction', { text: Buffer.from(bytes).toString('base64') });
}

/** Reads the signature requests of the audit log, oldest first. */
async function auditedRequests(): Promise<AuditSignatureRequest[]> {
  const report = await harness.store.audit.verify();
  expect(report.chainBreak).toBeNull();
  return report.lines.flatMap((line) =>
    line.entry.kind === 'signatureRequest' ? [line.entry] : [],
  );
}

/** INS 0x06 of CLA 0xE0 is the Solana app's SIGN_MESSAGE. */
function isSignApdu(apdu: Uint8Array): boolean {
  return apdu[0] === 0xe0 && apdu[1] === 0x06;
}

function messageOf(bytes: Uint8Array): Uint8Array {
  return VersionedTransaction.deserialize(bytes).message.serialize();
}

afterEach(async () => {
  await harness.close();
});

describe('signReviewedTransaction', () => {
  it('signs what the person approved and returns a valid transaction', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'review-and-approve' } } });
    const bytes = legacyTransactionBytes(ACCOUNT0, await stakeInstructions(ACCOUNT0));
    const reviewed = await review(bytes);

    const signed = await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });

    const message = messageOf(bytes);
    const signature = bs58.decode(signed.signature);
    expect(ed25519.verify(signature, message, new PublicKey(ACCOUNT0).toBytes())).toBe(true);
    const transaction = Transaction.from(Buffer.from(signed.signedTransactionBase64, 'base64'));
    expect(transaction.verifySignatures()).toBe(true);
    expect(bs58.encode(transaction.signature ?? new Uint8Array())).toBe(signed.signature);
    expect(bs58.decode(signed.signedTransactionBase58)).toEqual(
      new Uint8Array(Buffer.from(signed.signedTransactionBase64, 'base64')),
    );
  });

  it('shows the predicted screens on the device', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'review-and-approve' } } });
    const reviewed = await review(
      legacyTransactionBytes(ACCOUNT0, await stakeInstructions(ACCOUNT0)),
    );

    await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });

    const device = reviewed.review.device;
    const predicted = device.outcome === 'clearSign' ? device.screens : [];
    const shown = harness.deviceRequests.find((request) => request.kind === 'sign-transaction');
    expect(fieldsOf(shown?.screens ?? [])).toEqual(
      predicted
        .filter((screen) => !screen.expertOnly)
        .map((screen) => [screen.title, screen.value]),
    );
  });

  it('reports progress with the predicted screens', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'approve' } } });
    const reviewed = await review(
      legacyTransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
    );

    const signed = await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });

    const progress = harness.eventsNamed('signingProgress');
    expect(progress.map((event) => event.progress.stage)).toEqual([
      'requested',
      'awaiting-person',
      'signed',
    ]);
    const device = reviewed.review.device;
    expect(progress[1]?.screens).toEqual(device.outcome === 'clearSign' ? device.screens : null);
    expect(progress.every((event) => event.reviewId === reviewed.reviewId)).toBe(true);
    expect(progress[2]?.progress).toMatchObject({ stage: 'signed', signature: signed.signature });
  });

  it('keeps the signatures of other signers', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'approve' } } });
    const payer = Keypair.generate();
    const bytes = legacyTransactionBytes(
      payer.publicKey.toBase58(),
      [transferInstruction(ACCOUNT0, ACCOUNT1)],
      [payer],
    );
    const reviewed = await review(bytes);

    const signed = await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });

    const transaction = Transaction.from(Buffer.from(signed.signedTransactionBase64, 'base64'));
    expect(transaction.signatures.map((entry) => entry.publicKey.toBase58())).toEqual([
      payer.publicKey.toBase58(),
      ACCOUNT0,
    ]);
    expect(transaction.verifySignatures()).toBe(true);
  });

  it('signs with two saved signers in turn', async () => {
    // App 1.9 shows two transfers only as a message hash.
    harness = await startWithAccounts({
      emulator: { person: { kind: 'approve' }, settings: { blindSigning: true } },
    });
    const root = harness.addressOf("44'/501'");
    const bytes = legacyTransactionBytes(root, [
      transferInstruction(root, ACCOUNT1),
      transferInstruction(ACCOUNT0, ACCOUNT1),
    ]);

    const first = await review(bytes);
    const signedOnce = await harness.call('signReviewedTransaction', { reviewId: first.reviewId });
    const second = await harness.call('reviewTransaction', {
      text: signedOnce.signedTransactionBase64,
      signer: ACCOUNT0,
    });
    const signedTwice = await harness.call('signReviewedTransaction', {
      reviewId: second.reviewId,
    });

    expect(first.signer).toBe(root);
    expect(second.signer).toBe(ACCOUNT0);
    const transaction = Transaction.from(
      Buffer.from(signedTwice.signedTransactionBase64, 'base64'),
    );
    expect(transaction.signatures.map((entry) => entry.publicKey.toBase58())).toEqual([
      root,
      ACCOUNT0,
    ]);
    expect(bs58.encode(transaction.signatures[0]?.signature ?? new Uint8Array())).toBe(
      signedOnce.signature,
    );
    expect(transaction.verifySignatures()).toBe(true);
  });

  it('signs a bare v0 message', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'approve' } } });
    const message = messageOf(
      v0TransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
    );
    const reviewed = await harness.call('reviewTransaction', { text: bs58.encode(message) });

    const signed = await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });

    const transaction = VersionedTransaction.deserialize(
      Buffer.from(signed.signedTransactionBase64, 'base64'),
    );
    expect(transaction.message.serialize()).toEqual(message);
    expect(bs58.encode(transaction.signatures[0] ?? new Uint8Array())).toBe(signed.signature);
  });

  it('writes an approved audit line', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'approve' } } });
    const bytes = legacyTransactionBytes(ACCOUNT0, await stakeInstructions(ACCOUNT0));
    const reviewed = await review(bytes);

    const signed = await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });

    const [line] = await auditedRequests();
    expect(line).toMatchObject({
      account: ACCOUNT0,
      derivationPath: "44'/501'/0'",
      cluster: 'mainnet-beta',
      messageSha256: createHash('sha256').update(messageOf(bytes)).digest('hex'),
      outcome: 'approved',
      errorCode: null,
      signature: signed.signature,
      sendStatus: 'notSent',
    });
    expect(line?.reviewSummary).toEqual(
      reviewed.review.instructions.map((instruction) => instruction.summary),
    );
    expect(line?.deviceScreens[0]).toEqual({ title: 'Delegate from', value: STAKE_ACCOUNT });
    expect(signed.auditSeq).toBe(0);
  });

  it('reports a rejection on the device and audits it', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'review-and-reject' } } });
    const reviewed = await review(
      legacyTransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
    );

    await expect(
      harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId }),
    ).rejects.toMatchObject({ code: 'LEDGER_REJECTED' });

    const [line] = await auditedRequests();
    expect(line).toMatchObject({ outcome: 'rejected', signature: null, errorCode: null });
  });

  it('stops waiting on cancel and audits it', async () => {
    harness = await startWithAccounts();
    const reviewed = await review(
      legacyTransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
    );

    const signing = harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });
    await harness.nextEvent(
      'signingProgress',
      (event) => event.progress.stage === 'awaiting-person',
    );
    await expect(harness.call('cancelSigning', {})).resolves.toEqual({ cancelled: true });

    await expect(signing).rejects.toMatchObject({ code: 'CANCELLED' });
    const [line] = await auditedRequests();
    expect(line).toMatchObject({ outcome: 'cancelled', signature: null });
    await expect(harness.call('cancelSigning', {})).resolves.toEqual({ cancelled: false });
  });

  it('fails before asking the device when blind signing is off', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'approve' } } });
    const reviewed = await review(
      legacyTransactionBytes(ACCOUNT0, await priorityStakeInstructions(ACCOUNT0)),
    );
    expect(reviewed.review.device.outcome).toBe('blindSign');

    await expect(
      harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId }),
    ).rejects.toMatchObject({ code: 'LEDGER_BLIND_SIGNING_REQUIRED' });

    expect(harness.apdus.filter(isSignApdu)).toEqual([]);
    const [line] = await auditedRequests();
    expect(line).toMatchObject({
      outcome: 'failed',
      errorCode: 'LEDGER_BLIND_SIGNING_REQUIRED',
      signature: null,
    });
  });

  it('blind-signs once the setting is on', async () => {
    harness = await startWithAccounts({
      emulator: { person: { kind: 'approve' }, settings: { blindSigning: true } },
    });
    const bytes = legacyTransactionBytes(ACCOUNT0, await priorityStakeInstructions(ACCOUNT0));
    const reviewed = await review(bytes);

    const signed = await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });

    expect(harness.deviceRequests[0]?.blindSigning).toBe(true);
    const signature = bs58.decode(signed.signature);
    expect(ed25519.verify(signature, messageOf(bytes), new PublicKey(ACCOUNT0).toBytes())).toBe(
      true,
    );
    expect(harness.eventsNamed('signingProgress')[0]?.blindSigning).toBe(true);
  });

  it('reviews again for the app version open when signing', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'approve' } } });
    const reviewed = await review(
      legacyTransactionBytes(ACCOUNT0, await priorityStakeInstructions(ACCOUNT0)),
    );
    expect(reviewed.review.device.outcome).toBe('blindSign');

    // App 1.16 shows up to six instructions in clear, so blind signing is no longer needed.
    harness.emulator.setSettings({ version: '1.16.0' });
    await harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId });

    expect(harness.deviceRequests[0]?.blindSigning).toBe(false);
    expect(harness.eventsNamed('signingProgress')[0]?.blindSigning).toBe(false);
  });

  it('refuses a second signing while one waits', async () => {
    harness = await startWithAccounts();
    const first = await review(
      legacyMessageBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
    );
    const second = await review(
      legacyMessageBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT0)]),
    );

    const signing = harness.call('signReviewedTransaction', { reviewId: first.reviewId });
    await harness.nextEvent(
      'signingProgress',
      (event) => event.progress.stage === 'awaiting-person',
    );

    await expect(
      harness.call('signReviewedTransaction', { reviewId: second.reviewId }),
    ).rejects.toMatchObject({ code: 'SIGNING_IN_PROGRESS', context: { reviewId: first.reviewId } });
    harness.emulator.approve();
    await expect(signing).resolves.toMatchObject({ reviewId: first.reviewId });
  });

  it('rejects a review of a removed account', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'approve' } } });
    const reviewed = await review(
      legacyTransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
    );
    await harness.call('removeAccount', { address: ACCOUNT0 });
    const apdusBefore = harness.apdus.length;

    await expect(
      harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId }),
    ).rejects.toMatchObject({
      code: 'LEDGER_SIGNER_NOT_SAVED',
      context: { signer: ACCOUNT0, path: "44'/501'/0'" },
    });
    expect(harness.apdus.slice(apdusBefore)).toEqual([]);
    expect(harness.deviceRequests).toEqual([]);
  });

  it('signs again once the removed account is found again', async () => {
    harness = await startWithAccounts({ emulator: { person: { kind: 'approve' } } });
    const reviewed = await review(
      legacyTransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]),
    );
    await harness.call('removeAccount', { address: ACCOUNT0 });
    await harness.call('discoverAccounts', { gapLimit: 1 });

    await expect(
      harness.call('signReviewedTransaction', { reviewId: reviewed.reviewId }),
    ).resolves.toMatchObject({ signer: ACCOUNT0 });
  });

  it('rejects an unknown review', async () => {
    harness = await startWithAccounts();

    await expect(
      harness.call('signReviewedTransaction', { reviewId: '3b241101-e2bb-4255-8caf-4136c566a962' }),
    ).rejects.toMatchObject({ code: 'REVIEW_NOT_FOUND' });
  });
});
