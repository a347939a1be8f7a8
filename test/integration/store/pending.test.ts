import { copyFile, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { StoreService } from '../../../src/main/store';
import type { PendingTransaction } from '../../../src/shared/domain/store';
import { createDataFolder, createDraft, createPublicKey, signAll, silentLogger } from './fixtures';

let folder: Awaited<ReturnType<typeof createDataFolder>>;

beforeEach(async () => {
  folder = await createDataFolder();
});

afterEach(async () => {
  await folder.remove();
});

async function openStore() {
  const store = new StoreService({ directory: folder.directory, logger: silentLogger });
  const report = await store.open();
  return { store, report };
}

function recordPath(id: string): string {
  return join(folder.directory, 'pending', `${id}.json`);
}

const journalPath = () => join(folder.directory, 'pending', 'journal.jsonl');

/** Creates one signed transaction and one unsigned one, and closes the store. */
async function createTwo(): Promise<{ signed: PendingTransaction; unsigned: PendingTransaction }> {
  const { store } = await openStore();
  const draft = createDraft();
  const created = await store.pending.create(draft);
  const signed = await store.pending.recordSignatures(created.id, signAll(draft));
  const unsigned = await store.pending.create(createDraft());
  await store.close();
  return { signed, unsigned };
}

describe('pending transaction lifecycle', () => {
  it('moves from unsigned to finalized and then refuses changes', async () => {
    const { store } = await openStore();
    const draft = createDraft();
    const created = await store.pending.create(draft);
    expect(created.status).toEqual({ kind: 'unsigned' });
    expect(created.revision).toBe(0);

    const signed = await store.pending.recordSignatures(created.id, signAll(draft));
    expect(signed.status.kind).toBe('signed');
    expect(signed.signatures[0]?.signature).not.toBeNull();

    await store.pending.transition(created.id, { kind: 'sent' });
    const resent = await store.pending.transition(created.id, { kind: 'sent' });
    expect(resent.status).toMatchObject({ kind: 'sent', sendCount: 2 });

    await store.pending.transition(created.id, { kind: 'confirmed', slot: 10 });
    const finalized = await store.pending.transition(created.id, { kind: 'finalized', slot: 12 });
    expect(finalized.status).toEqual({ kind: 'finalized', slot: 12 });
    expect(finalized.revision).toBe(5);

    for (const change of [{ kind: 'sent' }, { kind: 'expired' }] as const) {
      await expect(store.pending.transition(created.id, change)).rejects.toMatchObject({
        code: 'PENDING_TRANSACTION_INVALID_TRANSITION',
        context: { id: created.id, from: 'finalized', to: change.kind },
      });
    }
    expect(store.pending.get(created.id)).toEqual(finalized);
  });

  it('starts as signed when every signature is present', async () => {
    const { store } = await openStore();
    const draft = createDraft();
    const record = await store.pending.create({ ...draft, signatures: signAll(draft) });
    expect(record.status.kind).toBe('signed');
  });

  it('rejects signatures from other signers or with gaps', async () => {
    const { store } = await openStore();
    const draft = createDraft();
    const created = await store.pending.create(draft);

    const stranger = [
      { publicKey: createPublicKey(), signature: signAll(draft)[0]?.signature ?? null },
    ];
    await expect(store.pending.recordSignatures(created.id, stranger)).rejects.toMatchObject({
      code: 'PENDING_TRANSACTION_SIGNATURES_INVALID',
    });
    const missing = draft.signatures.map((signer) => ({ ...signer, signature: null }));
    await expect(store.pending.recordSignatures(created.id, missing)).rejects.toMatchObject({
      code: 'PENDING_TRANSACTION_SIGNATURES_INVALID',
    });
    expect(store.pending.get(created.id).status.kind).toBe('unsigned');
  });

  it('rejects a draft with the same signer twice', async () => {
    const { store } = await openStore();
    const draft = createDraft();
    const signer = draft.signatures[0];
    if (signer === undefined) {
      throw new Error('draft has no signer');
    }
    await expect(
      store.pending.create({ ...draft, signatures: [signer, signer] }),
    ).rejects.toMatchObject({ code: 'PENDING_TRANSACTION_SIGNATURES_INVALID' });
  });

  it('refuses to remove a signed transaction', async () => {
    const { signed } = await createTwo();
    const { store } = await openStore();
    await expect(store.pending.remove(signed.id)).rejects.toMatchObject({
      code: 'PENDING_TRANSACTION_NOT_REMOVABLE',
    });
    await store.pending.transition(signed.id, { kind: 'stale', reason: 'discarded by the person' });
    await store.pending.remove(signed.id);
    expect(store.pending.list().map((record) => record.id)).not.toContain(signed.id);
    await store.close();

    const reopened = await openStore();
    expect(reopened.store.pending.list().map((record) => record.id)).not.toContain(signed.id);
  });

  it('reports an unknown id', async () => {
    const { store } = await openStore();
    const id = '0b6f8f7e-2a43-4c1e-9d55-3f1d2b6a7c80';
    expect(() => store.pending.get(id)).toThrow(
      expect.objectContaining({ code: 'PENDING_TRANSACTION_NOT_FOUND' }),
    );
    await expect(store.pending.transition(id, { kind: 'sent' })).rejects.toMatchObject({
      code: 'PENDING_TRANSACTION_NOT_FOUND',
    });
  });

  it('serializes concurrent changes to one record', async () => {
    const { store } = await openStore();
    const draft = createDraft();
    const { id } = await store.pending.create({ ...draft, signatures: signAll(draft) });
    await Promise.all(
      Array.from({ length: 10 }, () => store.pending.transition(id, { kind: 'sent' })),
    );
    expect(store.pending.get(id).status).toMatchObject({ kind: 'sent', sendCount: 10 });
    expect(store.pending.get(id).revision).toBe(10);
  });

  it('keeps records exactly across reopen', async () => {
    const { signed, unsigned } = await createTwo();
    const { store, report } = await openStore();
    expect(report.events).toEqual([]);
    expect(store.pending.get(signed.id)).toEqual(signed);
    expect(store.pending.get(unsigned.id)).toEqual(unsigned);
  });
});

describe('pending transaction recovery', () => {
  const damages: { name: string; damage: (text: string) => string }[] = [
    { name: 'truncated', damage: (text) => text.slice(0, 100) },
    { name: 'garbage', damage: () => '\u0000\u0001garbage' },
    {
      name: 'newer version',
      damage: (text) => text.replace('"schemaVersion": 1', '"schemaVersion": 7'),
    },
    {
      name: 'wrong schema',
      damage: (text) => text.replace('"kind": "signed"', '"kind": "launched"'),
    },
  ];

  for (const { name, damage } of damages) {
    it(`restores a ${name} record file from the journal`, async () => {
      const { signed, unsigned } = await createTwo();
      const path = recordPath(signed.id);
      await writeFile(path, damage(await readFile(path, 'utf8')));

      const { store, report } = await openStore();
      expect(report.events).toMatchObject([
        { type: 'fileSetAside', file: `pending/${signed.id}.json` },
        { type: 'pendingTransactionRestored', id: signed.id, cause: 'fileDamaged' },
      ]);
      expect(store.pending.get(signed.id)).toEqual(signed);
      expect(store.pending.get(unsigned.id)).toEqual(unsigned);
      await store.close();

      const reopened = await openStore();
      expect(reopened.report.events).toEqual([]);
    });
  }

  it('restores a deleted record file', async () => {
    const { signed } = await createTwo();
    await unlink(recordPath(signed.id));
    const { store, report } = await openStore();
    expect(report.events).toEqual([
      { type: 'pendingTransactionRestored', id: signed.id, cause: 'fileMissing' },
    ]);
    expect(store.pending.get(signed.id)).toEqual(signed);
  });

  it('replaces a record file the journal has moved past', async () => {
    const { signed } = await createTwo();
    const older = await readFile(recordPath(signed.id), 'utf8');
    const { store } = await openStore();
    const sent = await store.pending.transition(signed.id, { kind: 'sent' });
    await store.close();
    // As if the process died after the journal append but before the file was replaced.
    await writeFile(recordPath(signed.id), older);

    const reopened = await openStore();
    expect(reopened.report.events).toEqual([
      { type: 'pendingTransactionRestored', id: signed.id, cause: 'fileOlder' },
    ]);
    expect(reopened.store.pending.get(signed.id)).toEqual(sent);
  });

  it('keeps every record when the journal line of one is damaged', async () => {
    const { signed, unsigned } = await createTwo();
    const journal = await readFile(journalPath(), 'utf8');
    await writeFile(journalPath(), journal.replace('"revision":1', '"revision":2'));

    const { store, report } = await openStore();
    expect(report.events).toMatchObject([
      { type: 'fileSetAside', file: 'pending/journal.jsonl', reason: 'invalidSchema' },
    ]);
    expect(store.pending.get(signed.id)).toEqual(signed);
    expect(store.pending.get(unsigned.id)).toEqual(unsigned);
    await store.close();

    const reopened = await openStore();
    expect(reopened.report.events).toEqual([]);
    expect((await readFile(journalPath(), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('rebuilds a deleted journal from the record files', async () => {
    const { signed } = await createTwo();
    await rm(journalPath());
    const first = await openStore();
    expect(first.store.pending.list()).toHaveLength(2);
    await first.store.close();

    // With the journal rebuilt, losing the record file no longer loses the record.
    await unlink(recordPath(signed.id));
    const second = await openStore();
    expect(second.store.pending.get(signed.id)).toEqual(signed);
  });

  it('finishes a removal the process did not complete', async () => {
    const { store } = await openStore();
    const created = await store.pending.create(createDraft());
    const copy = join(folder.directory, 'copy.json');
    await copyFile(recordPath(created.id), copy);
    await store.pending.remove(created.id);
    await store.close();
    // As if the process died after the journal recorded the removal, before the unlink.
    await copyFile(copy, recordPath(created.id));

    const reopened = await openStore();
    expect(reopened.store.pending.list()).toEqual([]);
    await expect(readFile(recordPath(created.id))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('compacts the journal as it grows', async () => {
    const { store } = await openStore();
    const draft = createDraft();
    const { id } = await store.pending.create({ ...draft, signatures: signAll(draft) });
    for (let send = 0; send < 150; send += 1) {
      await store.pending.transition(id, { kind: 'sent' });
    }
    const lines = (await readFile(journalPath(), 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThan(110);
    await store.close();

    const reopened = await openStore();
    expect(reopened.store.pending.get(id).status).toMatchObject({ sendCount: 150 });
  });
});
