import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { PublicKey, SystemProgram, TransactionMessage } from '@solana/web3.js';
import bs58 from 'bs58';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startMachine, type OfflineMachine } from './support/offline-harness';

/** Nothing listens here, so the machine works without a cluster. */
const UNREACHABLE_RPC = 'http://127.0.0.1:9';

describe('audit log on the Activity page', () => {
  let machine: OfflineMachine;

  beforeEach(async () => {
    machine = await startMachine({ rpcUrl: UNREACHABLE_RPC });
  });

  afterEach(async () => {
    await machine.close();
  });

  /** Signs a transfer through the Ledger's review and signing methods, offline. */
  async function signTransfer(): Promise<string> {
    const signer = new PublicKey(machine.signer);
    const message = new TransactionMessage({
      payerKey: signer,
      recentBlockhash: bs58.encode(new Uint8Array(32).fill(3)),
      instructions: [
        SystemProgram.transfer({
          fromPubkey: signer,
          toPubkey: new PublicKey(new Uint8Array(32).fill(5)),
          lamports: 42,
        }),
      ],
    })
      .compileToLegacyMessage()
      .serialize();
    const review = await machine.call('reviewTransaction', {
      text: Buffer.from(message).toString('base64'),
    });
    const signed = await machine.call('signReviewedTransaction', { reviewId: review.reviewId });
    return signed.signature;
  }

  it('lists a signature request with its screens', async () => {
    const signature = await signTransfer();

    const log = await machine.call('getAuditLog', {});

    expect(log.chainBreak).toBeNull();
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]?.signature).toBe(signature);
    expect(log.rows[0]?.outcome).toBe('approved');
    expect(log.rows[0]?.sendStatus).toBe('notSent');
    expect(log.rows[0]?.deviceScreens[0]?.title).toBe('Transfer');
  });

  it('exports the audit log as CSV', async () => {
    const signature = await signTransfer();

    const file = await machine.call('exportAuditCsv', {});

    expect(file.mediaType).toBe('text/csv');
    expect(file.fileName).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content.split('\n')[0]).toContain('message_sha256');
    expect(file.content).toContain(signature);
  });

  it('reports an edited log as broken', async () => {
    await signTransfer();
    await signTransfer();
    const path = join(machine.dataDir, 'audit', 'audit.jsonl');
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[0] = lines[0]!.replace('"approved"', '"rejected"');
    await writeFile(path, lines.join('\n'));

    const log = await machine.call('getAuditLog', {});

    expect(log.chainBreak).not.toBeNull();
    expect(log.chainBreak?.line).toBe(2);
  });

  it('needs the network for a first rewards export', async () => {
    const failure = await machine.failureOf('exportRewardsCsv', { epochs: 3 });

    expect(failure.code).toBe('NETWORK_REQUIRED');
    expect(failure.context).toMatchObject({ cluster: 'localnet', action: 'Exporting rewards' });
  });
});
