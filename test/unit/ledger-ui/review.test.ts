import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
import { afterEach, describe, expect, it } from 'vitest';

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
const ACCOUNT1 = '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ'; // 44'/501'/1', never saved here
const ROOT = '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9'; // 44'/501'

let harness: LedgerHandlerHarness;

/** Starts the handlers and saves index 0 of each scheme, as Connect does without chain data. */
async function startWithAccounts(
  options: Parameters<typeof startLedgerHandlers>[0] = {},
): Promise<LedgerHandlerHarness> {
  const started = await startLedgerHandlers(options);
  await started.call('discoverAccounts', { gapLimit: 1 });
  return started;
}

afterEach(async () => {
  await harness.close();
});

describe('reviewTransaction', () => {
  it('names the limit for text that is too long', async () => {
    harness = await startWithAccounts();

    await expect(
      harness.call('reviewTransaction', { text: 'A'.repeat(8193) }),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      context: {
        issues: [
          {
            path: 'text',
            message: 'The text may have at most 8192 characters. Paste a single transaction.',
          },
        ],
      },
    });
  });

  it('reviews a stake transaction built with web3.js', async () => {
    harness = await startWithAccounts();
    await harness.call('renameAccount', { address: ACCOUNT0, name: 'Savings' });
    const bytes = legacyTransactionBytes(ACCOUNT0, await stakeInstructions(ACCOUNT0));

    const result = await harness.call('reviewTransaction', { text: bytes.toString('base64') });

    expect(result.encoding).toBe('base64');
    expect(result.inputKind).toBe('transaction');
    expect(result.signer).toBe(ACCOUNT0);
    expect(result.signerPath).toBe("44'/501'/0'");
    expect(result.signerName).toBe('Savings');
    expect(result.review.instructions.map((instruction) => instruction.action.kind)).toEqual([
      'systemCreateAccountWithSeed',
      'stakeInitialize',
      'stakeDelegate',
    ]);
    expect(result.review.instructions[0]?.summary).toContain("Savings (44'/501'/0')");
    expect(result.review.fee.totalLamports).toBe('5000');
    expect(result.review.device).toMatchObject({ outcome: 'clearSign', appVersion: '1.9.0' });
    const screens =
      result.review.device.outcome === 'clearSign' ? result.review.device.screens : [];
    expect(screens.filter((screen) => !screen.expertOnly).map((screen) => screen.title)).toEqual([
      'Delegate from',
      'Deposit',
      'New authority',
      'Vote account',
    ]);
  });

  it('accepts a base58 message', async () => {
    harness = await startWithAccounts();
    const bytes = legacyMessageBytes(ROOT, [transferInstruction(ROOT, ACCOUNT1)]);

    const result = await harness.call('reviewTransaction', { text: bs58.encode(bytes) });

    expect(result.encoding).toBe('base58');
    expect(result.inputKind).toBe('message');
    expect(result.signer).toBe(ROOT);
    expect(result.review.messageVersion).toBe('legacy');
  });

  it('accepts a v0 transaction', async () => {
    harness = await startWithAccounts();
    const bytes = v0TransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]);

    const result = await harness.call('reviewTransaction', {
      text: Buffer.from(bytes).toString('base64'),
    });

    expect(result.review.messageVersion).toBe('v0');
    expect(result.review.device.outcome).toBe('clearSign');
  });

  it('ignores line breaks in pasted text', async () => {
    harness = await startWithAccounts();
    const text = legacyTransactionBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)])
      .toString('base64')
      .replace(/(.{60})/g, '$1\n');

    const result = await harness.call('reviewTransaction', { text: `\n  ${text}\n` });

    expect(result.inputKind).toBe('transaction');
  });

  it('picks the saved account among several signers', async () => {
    harness = await startWithAccounts();
    const payer = Keypair.generate();
    const bytes = legacyTransactionBytes(payer.publicKey.toBase58(), [
      transferInstruction(ACCOUNT0, ACCOUNT1),
    ]);

    const result = await harness.call('reviewTransaction', { text: bytes.toString('base64') });

    expect(result.signer).toBe(ACCOUNT0);
    expect(result.review.requiredSigners).toEqual([payer.publicKey.toBase58(), ACCOUNT0]);
  });

  it('lists every saved signer', async () => {
    harness = await startWithAccounts();
    await harness.call('renameAccount', { address: ROOT, name: 'Root' });
    const bytes = legacyTransactionBytes(ROOT, [
      transferInstruction(ROOT, ACCOUNT1),
      transferInstruction(ACCOUNT0, ACCOUNT1),
    ]);

    const result = await harness.call('reviewTransaction', { text: bytes.toString('base64') });

    expect(result.review.requiredSigners).toEqual([ROOT, ACCOUNT0]);
    expect(result.signers).toEqual([
      { address: ROOT, path: "44'/501'", name: 'Root' },
      { address: ACCOUNT0, path: "44'/501'/0'", name: '' },
    ]);
    expect(result.signer).toBe(ROOT);
  });

  it('reviews for the chosen saved signer', async () => {
    harness = await startWithAccounts();
    const bytes = legacyTransactionBytes(ROOT, [
      transferInstruction(ROOT, ACCOUNT1),
      transferInstruction(ACCOUNT0, ACCOUNT1),
    ]);

    const result = await harness.call('reviewTransaction', {
      text: bytes.toString('base64'),
      signer: ACCOUNT0,
    });

    expect(result.signer).toBe(ACCOUNT0);
    expect(result.signerPath).toBe("44'/501'/0'");
    expect(result.signers.map((signer) => signer.address)).toEqual([ROOT, ACCOUNT0]);
  });

  it('says in advance when blind signing is needed and why', async () => {
    harness = await startWithAccounts();
    const bytes = legacyTransactionBytes(ACCOUNT0, await priorityStakeInstructions(ACCOUNT0));

    const result = await harness.call('reviewTransaction', { text: bytes.toString('base64') });

    expect(result.review.device).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'tooManyInstructions', instructionCount: 5, maxInstructions: 4 },
    });
    expect(result.review.warnings).toContainEqual({ kind: 'blindSigningRequired' });
  });

  it('uses the connected app version', async () => {
    harness = await startWithAccounts({ emulator: { settings: { version: '1.16.0' } } });
    const bytes = legacyTransactionBytes(ACCOUNT0, await priorityStakeInstructions(ACCOUNT0));

    const result = await harness.call('reviewTransaction', { text: bytes.toString('base64') });

    expect(result.review.device).toMatchObject({ outcome: 'clearSign', appVersion: '1.16.0' });
  });

  it('rejects text in neither encoding', async () => {
    harness = await startWithAccounts();

    await expect(
      harness.call('reviewTransaction', { text: 'not a transaction!' }),
    ).rejects.toMatchObject({
      code: 'TRANSACTION_TEXT_INVALID',
      context: { reason: 'notBase64OrBase58' },
    });
  });

  it('rejects bytes that are not a message', async () => {
    harness = await startWithAccounts();

    await expect(
      harness.call('reviewTransaction', { text: Buffer.alloc(80, 7).toString('base64') }),
    ).rejects.toMatchObject({ code: 'MESSAGE_DECODE_FAILED' });
  });

  it('rejects a transaction none of the saved accounts signs', async () => {
    harness = await startWithAccounts();
    const bytes = legacyMessageBytes(ACCOUNT1, [transferInstruction(ACCOUNT1, ACCOUNT0)]);

    await expect(
      harness.call('reviewTransaction', { text: bytes.toString('base64') }),
    ).rejects.toMatchObject({
      code: 'REVIEW_SIGNER_NOT_FOUND',
      context: { requiredSigners: [ACCOUNT1], requestedSigner: null, storedAccountCount: 3 },
    });
  });

  it('rejects a named signer that does not sign', async () => {
    harness = await startWithAccounts();
    const bytes = legacyMessageBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]);

    await expect(
      harness.call('reviewTransaction', { text: bytes.toString('base64'), signer: ROOT }),
    ).rejects.toMatchObject({
      code: 'REVIEW_SIGNER_NOT_FOUND',
      context: { requestedSigner: ROOT },
    });
  });

  it('names the next step when the device is locked', async () => {
    harness = await startWithAccounts();
    harness.emulator.lock();
    await expect(harness.call('discoverAccounts', {})).rejects.toMatchObject({
      code: 'LEDGER_LOCKED',
    });
    const bytes = legacyMessageBytes(ACCOUNT0, [transferInstruction(ACCOUNT0, ACCOUNT1)]);

    await expect(
      harness.call('reviewTransaction', { text: bytes.toString('base64') }),
    ).rejects.toMatchObject({ code: 'LEDGER_LOCKED' });
  });
});
