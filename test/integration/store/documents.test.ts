import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { StoreService } from '../../../src/main/store';
import { defaultStoredSettings, type StoreEvent } from '../../../src/shared/domain/store';
import { WalletError } from '../../../src/shared/errors';
import { createCapturedLogger, createDataFolder, createPublicKey, silentLogger } from './fixtures';

const fixedNow = () => new Date('2025-03-04T05:06:07.890Z');
const setAsideSuffix = '.corrupt-2025-03-04T05-06-07.890Z';

let folder: Awaited<ReturnType<typeof createDataFolder>>;

beforeEach(async () => {
  folder = await createDataFolder();
});

afterEach(async () => {
  await folder.remove();
});

async function openStore(logger = silentLogger) {
  const store = new StoreService({ directory: folder.directory, logger, now: fixedNow });
  const report = await store.open();
  return { store, report };
}

/** Writes settings and accounts once, so each has a valid file to damage. */
async function writeValidFiles(): Promise<void> {
  const { store } = await openStore();
  await store.settings.update({ theme: 'dark' });
  await store.accounts.upsert({
    publicKey: createPublicKey(),
    derivationPath: "44'/501'/0'",
    name: 'Main',
  });
  await store.close();
}

const damages: { name: string; damage: (text: string) => string | Buffer }[] = [
  { name: 'truncated', damage: (text) => text.slice(0, Math.floor(text.length / 2)) },
  { name: 'garbage', damage: () => Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]) },
  { name: 'empty', damage: () => '' },
  {
    name: 'newer version',
    damage: (text) => text.replace('"schemaVersion": 2', '"schemaVersion": 99'),
  },
  {
    name: 'wrong schema',
    damage: () => JSON.stringify({ schemaVersion: 2, data: { colour: 'blue' } }),
  },
];

describe('damaged settings and accounts files', () => {
  for (const file of ['settings.json', 'accounts.json'] as const) {
    for (const { name, damage } of damages) {
      it(`moves a ${name} ${file} aside and rebuilds it`, async () => {
        await writeValidFiles();
        const path = join(folder.directory, file);
        const damaged = damage(await readFile(path, 'utf8'));
        await writeFile(path, damaged);

        const captured = createCapturedLogger();
        const { store, report } = await openStore(captured.logger);

        expect(report.events).toHaveLength(1);
        expect(report.events[0]).toMatchObject({
          type: 'fileSetAside',
          file,
          setAsideAs: `${file}${setAsideSuffix}`,
        });
        expect(await readFile(join(folder.directory, `${file}${setAsideSuffix}`))).toEqual(
          Buffer.from(damaged),
        );
        const logged = captured.records().find((record) => record['file'] === file);
        expect(logged?.['msg']).toBe('moved a damaged file aside; the store rebuilds it');
        expect(logged?.['level']).toBe(50);

        expect(store.settings.get()).toEqual(
          file === 'settings.json'
            ? defaultStoredSettings
            : { ...defaultStoredSettings, theme: 'dark' },
        );
        expect(store.accounts.list()).toHaveLength(file === 'accounts.json' ? 0 : 1);
        await store.close();

        const reopened = await openStore();
        expect(reopened.report.events).toEqual([]);
      });
    }
  }

  it('names the reason for each kind of damage', async () => {
    const reasons: string[] = [];
    for (const { damage } of damages) {
      await writeValidFiles();
      const path = join(folder.directory, 'settings.json');
      await writeFile(path, damage(await readFile(path, 'utf8')));
      const { report } = await openStore();
      for (const event of report.events) {
        if (event.type === 'fileSetAside') {
          reasons.push(event.reason);
        }
      }
    }
    expect(reasons).toEqual([
      'invalidJson',
      'unreadable',
      'invalidJson',
      'unsupportedVersion',
      'invalidSchema',
    ]);
  });

  it('moves aside a path it cannot read as a file', async () => {
    await mkdir(join(folder.directory, 'settings.json'));
    const { store, report } = await openStore();
    expect(report.events).toMatchObject([{ type: 'fileSetAside', reason: 'unreadable' }]);
    expect(store.settings.get()).toEqual(defaultStoredSettings);
  });

  it('keeps two set-aside copies made at the same time', async () => {
    for (let round = 0; round < 2; round += 1) {
      await writeFile(join(folder.directory, 'accounts.json'), 'garbage');
      await openStore();
    }
    const names = (await readdir(folder.directory)).filter((name) => name.includes('.corrupt-'));
    expect(names.sort()).toEqual([
      `accounts.json${setAsideSuffix}`,
      `accounts.json${setAsideSuffix}-1`,
    ]);
  });
});

describe('version 1 files on disk', () => {
  const key = createPublicKey();
  const accountsVersion1 = JSON.stringify({
    schemaVersion: 1,
    accounts: [{ address: key, path: "m/44'/501'/2'", label: 'Cold' }],
  });
  const settingsVersion1 = JSON.stringify({
    schemaVersion: 1,
    cluster: 'testnet',
    rpcUrl: 'https://rpc.example.org',
    darkMode: false,
  });

  it('migrates, rewrites and keeps a copy of the old layout', async () => {
    await writeFile(join(folder.directory, 'accounts.json'), accountsVersion1);
    await writeFile(join(folder.directory, 'settings.json'), settingsVersion1);

    const { store, report } = await openStore();
    expect(report.events).toEqual([]);
    expect(store.accounts.list()).toEqual([
      { publicKey: key, derivationPath: "44'/501'/2'", name: 'Cold' },
    ]);
    expect(store.settings.get()).toMatchObject({ cluster: 'testnet', theme: 'light' });
    expect(store.settings.get().endpoints.testnet[0]).toBe('https://rpc.example.org');

    const rewritten: unknown = JSON.parse(
      await readFile(join(folder.directory, 'accounts.json'), 'utf8'),
    );
    expect(rewritten).toMatchObject({ schemaVersion: 2 });
    expect(await readFile(join(folder.directory, 'accounts.json.v1'), 'utf8')).toBe(
      accountsVersion1,
    );
    expect(await readFile(join(folder.directory, 'settings.json.v1'), 'utf8')).toBe(
      settingsVersion1,
    );
  });

  it('moves aside a version 1 file that does not match the old layout', async () => {
    await writeFile(
      join(folder.directory, 'settings.json'),
      JSON.stringify({ schemaVersion: 1, cluster: 'nowhere' }),
    );
    const { report } = await openStore();
    expect(report.events).toMatchObject([{ type: 'fileSetAside', reason: 'invalidSchema' }]);
  });
});

describe('settings and accounts', () => {
  it('persist across reopen', async () => {
    const { store } = await openStore();
    const key = createPublicKey();
    await store.settings.update({ cluster: 'devnet', commitment: 'finalized' });
    await store.accounts.upsert({ publicKey: key, derivationPath: "44'/501'/0'/0'", name: 'A' });
    await store.accounts.rename(key, 'Renamed');
    await store.close();

    const reopened = await openStore();
    expect(reopened.store.settings.get()).toMatchObject({
      cluster: 'devnet',
      commitment: 'finalized',
    });
    expect(reopened.store.accounts.list()).toEqual([
      { publicKey: key, derivationPath: "44'/501'/0'/0'", name: 'Renamed' },
    ]);
  });

  it('keep every one of many concurrent changes', async () => {
    const { store } = await openStore();
    const keys = Array.from({ length: 20 }, () => createPublicKey());
    await Promise.all(
      keys.map((publicKey) =>
        store.accounts.upsert({ publicKey, derivationPath: "44'/501'/0'", name: '' }),
      ),
    );
    await store.close();

    const reopened = await openStore();
    expect(
      reopened.store.accounts
        .list()
        .map((account) => account.publicKey)
        .sort(),
    ).toEqual([...keys].sort());
  });

  it('refuse an invalid value and leave the file as it was', async () => {
    const { store } = await openStore();
    await store.settings.update({ theme: 'dark' });
    const before = await readFile(join(folder.directory, 'settings.json'), 'utf8');

    const attempt = store.settings.update({
      endpoints: { ...defaultStoredSettings.endpoints, devnet: ['ftp://x'] },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'STORE_INVALID_RECORD' });
    const badAccount = store.accounts.upsert({
      publicKey: 'not a key',
      derivationPath: "44'/501'",
      name: '',
    });
    await expect(badAccount).rejects.toBeInstanceOf(WalletError);
    expect(await readFile(join(folder.directory, 'settings.json'), 'utf8')).toBe(before);
  });

  it('refuse calls before open', () => {
    const store = new StoreService({ directory: folder.directory, logger: silentLogger });
    expect(() => store.settings.get()).toThrow(expect.objectContaining({ code: 'STORE_NOT_OPEN' }));
    expect(() => store.pending.list()).toThrow(expect.objectContaining({ code: 'STORE_NOT_OPEN' }));
  });

  it('removes temporary files left by a crash', async () => {
    await writeFile(join(folder.directory, '.settings.json.123.abc.tmp'), '{"half');
    await mkdir(join(folder.directory, 'pending'));
    await writeFile(join(folder.directory, 'pending', '.journal.jsonl.1.2.tmp'), 'x');
    await openStore();
    expect((await readdir(folder.directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(join(folder.directory, 'pending'))).not.toContain(
      '.journal.jsonl.1.2.tmp',
    );
  });
});

describe('snapshots', () => {
  const validatorSchema = z.array(
    z.strictObject({ votePubkey: z.string(), activatedStake: z.string() }),
  );
  const context = { slot: 1234, epoch: 7, fetchedAt: '2025-03-04T05:00:00.000Z' };
  const validators = [{ votePubkey: createPublicKey(), activatedStake: '18446744073709551615' }];

  it('return what was saved with its slot, epoch and time', async () => {
    const { store } = await openStore();
    await store.snapshots.save('validators', 'devnet', context, validators, validatorSchema);
    await store.close();

    const reopened = await openStore();
    expect(await reopened.store.snapshots.load('validators', 'devnet', validatorSchema)).toEqual({
      kind: 'validators',
      cluster: 'devnet',
      context,
      data: validators,
    });
    expect(
      await reopened.store.snapshots.load('validators', 'testnet', validatorSchema),
    ).toBeNull();
  });

  it('move aside a snapshot that no longer fits its schema', async () => {
    const { store } = await openStore();
    await store.snapshots.save('validators', 'devnet', context, validators, validatorSchema);
    const events: StoreEvent[] = [];
    store.onEvent((event) => events.push(event));

    const newerSchema = z.array(z.strictObject({ votePubkey: z.string(), credits: z.number() }));
    expect(await store.snapshots.load('validators', 'devnet', newerSchema)).toBeNull();
    expect(events).toMatchObject([
      { type: 'fileSetAside', file: 'snapshots/devnet-validators.json', reason: 'invalidSchema' },
    ]);
    expect(await store.snapshots.load('validators', 'devnet', validatorSchema)).toBeNull();
  });

  it('move aside a truncated snapshot', async () => {
    const { store } = await openStore();
    await store.snapshots.save('rewards', 'localnet', context, validators, validatorSchema);
    const path = join(folder.directory, 'snapshots', 'localnet-rewards.json');
    await writeFile(path, (await readFile(path, 'utf8')).slice(0, 30));
    expect(await store.snapshots.load('rewards', 'localnet', validatorSchema)).toBeNull();
    expect(await readdir(join(folder.directory, 'snapshots'))).toEqual([
      `localnet-rewards.json${setAsideSuffix}`,
    ]);
  });

  it('refuse data that does not match the schema', async () => {
    const { store } = await openStore();
    const attempt = store.snapshots.save(
      'validators',
      'devnet',
      context,
      [{ votePubkey: 'x', activatedStake: 5 }] as unknown as typeof validators,
      validatorSchema,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'STORE_INVALID_RECORD' });
  });
});
