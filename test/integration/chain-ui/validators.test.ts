import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ValidatorsSnapshot } from '../../../src/shared/contract/chain';
import { startLocalnet, validatorProfiles, type Localnet } from '../../support/localnet';
import { removeDataDir, startChainApp, type ChainApp } from './support/chain-app';

let localnet: Localnet;
const apps: ChainApp[] = [];

async function openApp(dataDir?: string): Promise<ChainApp> {
  const app = await startChainApp({
    urls: [localnet.url],
    ...(dataDir === undefined ? {} : { dataDir }),
  });
  apps.push(app);
  return app;
}

async function closeApp(app: ChainApp): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.close();
}

function requireSnapshot(snapshot: ValidatorsSnapshot | null): ValidatorsSnapshot {
  if (snapshot === null) {
    throw new Error('expected a validator snapshot');
  }
  return snapshot;
}

function voteAccountOf(name: string): string {
  const validator = localnet.validators.find((entry) => entry.name === name);
  if (validator === undefined) {
    throw new Error(`no local validator named ${name}`);
  }
  return validator.voteAccount.toBase58();
}

beforeEach(async () => {
  localnet = await startLocalnet();
});

afterEach(async () => {
  for (const app of apps.splice(0)) {
    await app.close();
    await removeDataDir(app.dataDir);
  }
  await localnet.close();
});

describe('listValidators', () => {
  it('lists the seeded validators', async () => {
    const app = await openApp();

    const state = await app.call('listValidators', { refresh: true });

    const snapshot = requireSnapshot(state.snapshot);
    const names = snapshot.validators.flatMap((view) => (view.name === null ? [] : [view.name]));
    expect(names.sort()).toEqual(validatorProfiles.map((profile) => profile.info.name).sort());
    const delinquent = snapshot.validators.filter((view) => view.delinquent);
    expect(delinquent.map((view) => view.name)).toEqual(['Harbor Validator']);
    expect(state.lastRefresh.kind).toBe('succeeded');
    expect(app.eventsOf('validatorsUpdated')).toEqual([state]);
  });

  it('returns the saved list without reading', async () => {
    const first = await openApp();
    const refreshed = await first.call('listValidators', { refresh: true });
    await closeApp(first);
    localnet.setServingMode({ kind: 'offline' });

    const second = await openApp(first.dataDir);
    const cached = await second.call('listValidators', { refresh: false });

    expect(cached.snapshot).toEqual(refreshed.snapshot);
    expect(cached.lastRefresh).toEqual({ kind: 'none' });
    await removeDataDir(first.dataDir);
  });

  it('keeps the saved list when offline', async () => {
    const app = await openApp();
    const before = await app.call('listValidators', { refresh: true });
    localnet.setServingMode({ kind: 'httpError', status: 503 });

    const after = await app.call('listValidators', { refresh: true });

    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.lastRefresh.kind).toBe('failed');
  });

  it('flags a raised commission', async () => {
    const app = await openApp();
    await app.call('listValidators', { refresh: true });
    const voteAccount = voteAccountOf('Aurora Staking');
    await localnet.setCommission(voteAccount, 12);

    const state = await app.call('listValidators', { refresh: true });

    const snapshot = requireSnapshot(state.snapshot);
    const aurora = snapshot.validators.find((view) => view.votePubkey === voteAccount);
    expect(aurora?.commission).toBe(12);
    expect(snapshot.commissionChanges).toEqual([
      { votePubkey: voteAccount, from: 5, to: 12, seenInEpoch: snapshot.meta.epoch },
    ]);
  });

  it('keeps a raise flagged on the next list', async () => {
    const app = await openApp();
    await app.call('listValidators', { refresh: true });
    const voteAccount = voteAccountOf('Aurora Staking');
    await localnet.setCommission(voteAccount, 12);
    await app.call('listValidators', { refresh: true });

    const state = await app.call('listValidators', { refresh: true });

    const changes = requireSnapshot(state.snapshot).commissionChanges;
    expect(changes.map((change) => [change.from, change.to])).toEqual([[5, 12]]);
  });

  it('compares commission with the saved list after a restart', async () => {
    const first = await openApp();
    await first.call('listValidators', { refresh: true });
    await closeApp(first);
    const voteAccount = voteAccountOf('Basalt Validator');
    await localnet.setCommission(voteAccount, 9);

    const second = await openApp(first.dataDir);
    const state = await second.call('listValidators', { refresh: true });

    const changes = requireSnapshot(state.snapshot).commissionChanges;
    expect(changes).toEqual([expect.objectContaining({ votePubkey: voteAccount, from: 7, to: 9 })]);
    await removeDataDir(first.dataDir);
  });
});
