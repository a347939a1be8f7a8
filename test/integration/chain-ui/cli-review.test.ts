import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  ComputeBudgetProgram,
  Connection,
  SystemProgram,
  Keypair,
  PublicKey,
  StakeProgram,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import bs58 from 'bs58';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  encodeTransactionFile,
  TRANSACTION_FILE_FORMAT,
} from '../../../src/main/api/offline/transaction-file';
import { deriveAddressWithSeed } from '../../../src/main/stake';
import { hashMessage } from '../../../src/main/store';
import type { ReviewReport } from '../../../src/cli/review-command';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { nonceAccount, nonceValue, payer, transferMessage } from '../../unit/offline/messages';
import { runCli } from './support/run-cli';

const owner = Keypair.fromSeed(new Uint8Array(32).fill(21));
const voter = new PublicKey(new Uint8Array(32).fill(23));
const blockhash = bs58.encode(new Uint8Array(32).fill(25));

async function reviewJson(args: readonly string[], input?: string): Promise<ReviewReport> {
  const run = await runCli(['review', ...args, '--json'], input);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ReviewReport;
}

/** Create-with-seed, initialize and delegate, optionally after a compute-budget pair. */
function stakeMessage(options: { voteAccount?: PublicKey; computeBudget?: boolean } = {}) {
  const stakeAccount = deriveAddressWithSeed(owner.publicKey, 'stake:0', StakeProgram.programId);
  const create = StakeProgram.createAccountWithSeed({
    fromPubkey: owner.publicKey,
    stakePubkey: stakeAccount,
    basePubkey: owner.publicKey,
    seed: 'stake:0',
    authorized: { staker: owner.publicKey, withdrawer: owner.publicKey },
    lamports: 2_000_000_000,
  });
  const delegate = StakeProgram.delegate({
    stakePubkey: stakeAccount,
    authorizedPubkey: owner.publicKey,
    votePubkey: options.voteAccount ?? voter,
  });
  const budget = options.computeBudget
    ? [
        ComputeBudgetProgram.setComputeUnitLimit({ units: 20_000 }),
        ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1_000 }),
      ]
    : [];
  return new TransactionMessage({
    payerKey: owner.publicKey,
    recentBlockhash: blockhash,
    instructions: [...budget, ...create.instructions, ...delegate.instructions],
  }).compileToV0Message();
}

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cli-review-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writeInput(name: string, content: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

describe('cli review', () => {
  it('reviews a base64 message file', async () => {
    const message = stakeMessage();
    const path = await writeInput('stake.b64', Buffer.from(message.serialize()).toString('base64'));

    const report = await reviewJson([path]);

    expect(report.input).toEqual({ kind: 'message', encoding: 'base64' });
    expect(report.signer).toBe(owner.publicKey.toBase58());
    expect(report.signerFrom).toBe('onlySigner');
    expect(report.signatures).toEqual([{ signer: owner.publicKey.toBase58(), signed: false }]);
    expect(report.chain).toBeNull();
    expect(report.review.instructions.map((instruction) => instruction.action.kind)).toEqual([
      'systemCreateAccountWithSeed',
      'stakeInitialize',
      'stakeDelegate',
    ]);
    expect(report.review.device.outcome).toBe('clearSign');
    expect(report.review.device.appVersion).toBe('1.16.0');
  });

  it('prints the review as text', async () => {
    const message = stakeMessage();
    const path = await writeInput('stake.txt', Buffer.from(message.serialize()).toString('base64'));

    const run = await runCli(['review', path]);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Instructions:\n  1. ');
    expect(run.stdout).toContain('Fee: 0.000005000 SOL');
    expect(run.stdout).toContain('Clear signing: Solana app 1.16.0');
    expect(run.stdout).toMatch(/Screen 1 of \d+: /);
  });

  it('reads a signed base58 transaction from standard input', async () => {
    const transaction = new VersionedTransaction(stakeMessage());
    transaction.sign([owner]);

    const report = await reviewJson(['-'], bs58.encode(transaction.serialize()));

    expect(report.source).toBe('-');
    expect(report.input).toEqual({ kind: 'transaction', encoding: 'base58' });
    expect(report.signatures).toEqual([{ signer: owner.publicKey.toBase58(), signed: true }]);
  });

  it('predicts blind signing on the 1.9 line', async () => {
    const message = stakeMessage({ computeBudget: true });
    const path = await writeInput(
      'budget.b64',
      Buffer.from(message.serialize()).toString('base64'),
    );

    const report = await reviewJson([path, '--app-version', '1.9.2']);

    expect(report.review.device).toMatchObject({
      outcome: 'blindSign',
      appVersion: '1.9.2',
      reason: { kind: 'tooManyInstructions' },
    });
    expect(report.review.warnings.map((warning) => warning.kind)).toContain('blindSigningRequired');
  });

  it('reads an exported transaction file', async () => {
    const message = transferMessage({ nonce: true });
    const file = encodeTransactionFile({
      format: TRANSACTION_FILE_FORMAT,
      version: 1,
      kind: 'unsigned',
      exportedAt: '2026-01-31T12:00:00.000Z',
      cluster: 'devnet',
      pendingId: null,
      intent: { kind: 'transfer', summary: 'Send 1000 lamports' },
      message: { base64: Buffer.from(message).toString('base64'), sha256: hashMessage(message) },
      signer: { address: payer.publicKey.toBase58(), derivationPath: "44'/501'/0'" },
      review: {
        summary: ['Transfer 0.000001 SOL'],
        deviceScreens: [],
        appVersion: '1.16.0',
        blindSigning: false,
        feeLamports: '5000',
        messageHash: 'hash',
      },
      lifetime: {
        kind: 'durableNonce',
        nonceAccount: nonceAccount.toBase58(),
        nonceAuthority: payer.publicKey.toBase58(),
        nonceValue,
      },
      signatures: [{ publicKey: payer.publicKey.toBase58(), signature: null }],
    });
    const path = await writeInput('transfer.json', file);

    const report = await reviewJson([path]);

    expect(report.input).toEqual({ kind: 'transactionFile', fileKind: 'unsigned' });
    expect(report.signerFrom).toBe('file');
    expect(report.review.durableNonce).toEqual({
      nonceAccount: nonceAccount.toBase58(),
      authority: payer.publicKey.toBase58(),
    });
  });

  it('rejects text that is not a transaction', async () => {
    const path = await writeInput('garbage.txt', 'not a transaction!');

    const run = await runCli(['review', path]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TRANSACTION_TEXT_INVALID');
    expect(run.stdout).toBe('');
  });

  it('reads a raw binary transaction', async () => {
    const path = join(folder, 'stake.bin');
    await writeFile(path, stakeMessage().serialize());

    const report = await reviewJson([path]);

    expect(report.input).toEqual({ kind: 'message', encoding: 'base64' });
  });

  it('rejects an empty file', async () => {
    const path = await writeInput('empty.b64', '');

    const run = await runCli(['review', path]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is empty. Choose a file with one transaction.');
  });

  it('rejects a missing file', async () => {
    const run = await runCli(['review', join(folder, 'absent.b64')]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no such file');
  });

  it('reports an error as JSON with --json', async () => {
    const run = await runCli(['review', join(folder, 'absent.b64'), '--json']);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      error: {
        code: 'USAGE',
        message: expect.stringContaining('no such file') as unknown,
        nextStep: 'Run with --help for the usage.',
      },
    });
  });

  it('rejects a signer that is not required', async () => {
    const path = await writeInput(
      'signer.b64',
      Buffer.from(stakeMessage().serialize()).toString('base64'),
    );

    const run = await runCli(['review', path, '--signer', voter.toBase58()]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a required signer');
  });

  it('rejects an invalid app version', async () => {
    const path = await writeInput(
      'version.b64',
      Buffer.from(stakeMessage().serialize()).toString('base64'),
    );

    const run = await runCli(['review', path, '--app-version', 'latest']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--app-version "latest" is invalid');
  });
});

describe('cli review with --url', () => {
  let localnet: Localnet;

  beforeAll(async () => {
    localnet = await startLocalnet();
  });

  afterAll(async () => {
    await localnet.close();
  });

  it('warns about a delinquent validator', async () => {
    const harbor = localnet.validators.find((validator) => validator.name === 'Harbor Validator');
    const message = stakeMessage({ voteAccount: harbor?.voteAccount });
    const path = await writeInput(
      'harbor.b64',
      Buffer.from(message.serialize()).toString('base64'),
    );

    const report = await reviewJson([path, '--url', localnet.url]);

    expect(report.chain?.url).toBe(localnet.url);
    expect(report.review.warnings).toContainEqual({
      kind: 'validatorDelinquent',
      voteAccount: harbor?.voteAccount.toBase58(),
    });
  });

  it('reports a transfer the cluster would reject', async () => {
    const sender = Keypair.generate();
    await localnet.fund(sender.publicKey, 1_000_000_000n);
    const { blockhash: recent } = await new Connection(localnet.url).getLatestBlockhash();
    const message = new TransactionMessage({
      payerKey: sender.publicKey,
      recentBlockhash: recent,
      instructions: [
        SystemProgram.transfer({
          fromPubkey: sender.publicKey,
          toPubkey: voter,
          lamports: 5_000_000_000,
        }),
      ],
    }).compileToV0Message();
    const path = await writeInput(
      'overdraw.b64',
      Buffer.from(message.serialize()).toString('base64'),
    );

    const report = await reviewJson([path, '--url', localnet.url]);
    const run = await runCli(['review', path, '--url', localnet.url]);

    expect(report.chainCheck).toMatchObject({ outcome: 'failed' });
    expect(report.review.warnings).toContainEqual({
      kind: 'fundsToOtherKey',
      from: sender.publicKey.toBase58(),
      to: voter.toBase58(),
      lamports: '5000000000',
    });
    expect(run.stdout).toContain('On the cluster: The cluster would reject this transaction');
  });

  it('reports an expired blockhash', async () => {
    const path = await writeInput(
      'expired.b64',
      Buffer.from(stakeMessage().serialize()).toString('base64'),
    );

    const report = await reviewJson([path, '--url', localnet.url]);

    expect(report.chainCheck).toMatchObject({ outcome: 'expired', blockhash });
  });
});
