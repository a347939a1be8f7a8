import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { ClusterSnapshots, type SnapshotStore } from '../../../src/main/api/chain/snapshot-state';

const store: SnapshotStore = {
  save: () => Promise.resolve(),
  load: () => Promise.resolve(null),
};

/** A run whose reads end when the test releases them, counting how many runs started. */
class Reads {
  started = 0;
  private releases: (() => void)[] = [];

  work = (): Promise<void> => {
    this.started += 1;
    return new Promise((resolve) => this.releases.push(resolve));
  };

  releaseAll(): void {
    for (const release of this.releases.splice(0)) {
      release();
    }
  }
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) {
    await Promise.resolve();
  }
}

describe('ClusterSnapshots.runOnce', () => {
  it('shares a run in flight', async () => {
    const snapshots = new ClusterSnapshots(store, 'stakeAccounts', z.string());
    const reads = new Reads();
    let version = 0;
    const finish = () => Promise.resolve(++version);

    const first = snapshots.runOnce('localnet', reads.work, finish);
    const second = snapshots.runOnce('localnet', reads.work, finish);
    await settle();
    reads.releaseAll();

    expect(await first).toBe(1);
    expect(await second).toBe(1);
    expect(reads.started).toBe(1);
  });

  it('follows a run in flight after a change', async () => {
    const snapshots = new ClusterSnapshots(store, 'stakeAccounts', z.string());
    const reads = new Reads();
    let version = 0;
    const finish = () => Promise.resolve(++version);

    const first = snapshots.runOnce('localnet', reads.work, finish);
    const afterChange = snapshots.runOnce('localnet', reads.work, finish, { afterChange: true });
    const alsoAfterChange = snapshots.runOnce('localnet', reads.work, finish, {
      afterChange: true,
    });
    await settle();
    reads.releaseAll();
    expect(await first).toBe(1);

    await settle();
    expect(reads.started).toBe(2);
    reads.releaseAll();
    expect(await afterChange).toBe(2);
    expect(await alsoAfterChange).toBe(2);
  });

  it('follows a failed run after a change', async () => {
    const snapshots = new ClusterSnapshots(store, 'stakeAccounts', z.string());
    let runs = 0;
    const failing = snapshots.runOnce(
      'localnet',
      () => Promise.reject(new Error('endpoint down')),
      () => Promise.resolve('never'),
    );
    const afterChange = snapshots.runOnce(
      'localnet',
      () => {
        runs += 1;
        return Promise.resolve();
      },
      () => Promise.resolve('fresh'),
      { afterChange: true },
    );

    await expect(failing).rejects.toThrow('endpoint down');
    expect(await afterChange).toBe('fresh');
    expect(runs).toBe(1);
  });
});
