/**
 * Child process for the crash test: opens the store in the folder given as the first
 * argument and writes to every kind of file without pause until it is killed. It prints
 * one line per acknowledged write on standard output, with a synchronous write so the
 * parent never hears of a write that had not finished.
 */
import { writeSync } from 'node:fs';

import { z } from 'zod';

import { StoreService } from '../../../src/main/store';
import {
  createDraft,
  createPublicKey,
  createSignatureRequest,
  signAll,
  silentLogger,
} from './fixtures';

const validatorsSchema = z.array(z.strictObject({ votePubkey: z.string(), stake: z.string() }));

function report(line: string): void {
  writeSync(1, `${line}\n`);
}

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function main(): Promise<void> {
  const [directory, seedText] = process.argv.slice(2);
  if (directory === undefined || seedText === undefined) {
    throw new Error('usage: crash-writer <data folder> <seed>');
  }
  const random = createRandom(Number(seedText));

  report('opening');
  const store = new StoreService({ directory, logger: silentLogger });
  await store.open();
  report('opened');

  for (let round = 0; ; round += 1) {
    const draft = createDraft();
    const created = await store.pending.create(draft);
    await store.pending.recordSignatures(created.id, signAll(draft));
    report(`signed ${created.id}`);

    for (const record of store.pending.list()) {
      const roll = random();
      if (record.status.kind === 'signed' && roll < 0.5) {
        await store.pending.transition(record.id, { kind: 'sent' });
      } else if (record.status.kind === 'sent' && roll < 0.4) {
        await store.pending.transition(record.id, { kind: 'finalized', slot: round });
        report(`finalized ${record.id}`);
      } else if (record.status.kind === 'finalized' && roll < 0.5) {
        report(`removing ${record.id}`);
        await store.pending.remove(record.id);
      }
    }

    await store.settings.update({ theme: random() < 0.5 ? 'dark' : 'light' });
    await store.accounts.upsert({
      publicKey: createPublicKey(),
      derivationPath: `44'/501'/${round % 10}'`,
      name: `Account ${round}`,
    });
    const validators = Array.from({ length: 50 }, () => ({
      votePubkey: createPublicKey(),
      stake: String(Math.floor(random() * 1e12)),
    }));
    await store.snapshots.save(
      'validators',
      'localnet',
      { slot: round, epoch: 1, fetchedAt: new Date().toISOString() },
      validators,
      validatorsSchema,
    );
    const line = await store.audit.appendSignatureRequest(createSignatureRequest());
    report(`audit ${line.seq}`);
  }
}

main().catch((error: unknown) => {
  writeSync(2, `${String(error)}\n`);
  process.exit(1);
});
