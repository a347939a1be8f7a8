import { Connection, Keypair, type PublicKey } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { PortfolioSnapshot } from '../../../src/shared/contract/chain';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { StakeActions } from '../chain/support/stakeActions';
import { removeDataDir, startChainApp, type ChainApp } from './support/chain-app';

const SOL = 1_000_000_000n;

let localnet: Localnet;
let proxy: FaultProxy;
let connection: Connection;
let actions: StakeActions;
let owner: Keypair;
let voter: PublicKey;
const apps: ChainApp[] = [];

async function openApp(dataDir?: string): Promise<ChainApp> {
  const app = await startChainApp({
    urls: [proxy.url],
    ...(dataDir === undefined ? {} : { dataDir }),
    accounts: [
      { publicKey: owner.publicKey.toBase58(), derivationPath: "44'/501'/0'", name: 'Main' },
    ],
  });
  apps.push(app);
  return app;
}

function requireSnapshot(snapshot: PortfolioSnapshot | null): PortfolioSnapshot {
  if (snapshot === null) {
    throw new Error('expected a portfolio snapshot');
  }
  return snapshot;
}

beforeEach(async () => {
  localnet = await startLocalnet();
  proxy = await startFaultProxy(localnet.url);
  connection = new Connection(localnet.url, 'confirmed');
  const payer = Keypair.generate();
  owner = Keypair.generate();
  await localnet.fund(payer.publicKey, 1_000n * SOL);
  await localnet.fund(owner.publicKey, 7n * SOL);
  actions = new StakeActions(connection, payer);
  const first = localnet.validators.find((validator) => validator.name !== null);
  if (first === undefined) {
    throw new Error('the local chain has no named validator');
  }
  voter = first.voteAccount;
});

afterEach(async () => {
  for (const app of apps.splice(0)) {
    await app.close();
    await removeDataDir(app.dataDir);
  }
  await proxy.close();
  await localnet.close();
});

describe('portfolio refresh', () => {
  it('reads stake accounts, balances and totals', async () => {
    const stakeAddress = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    await actions.delegate(stakeAddress, owner, voter);
    const app = await openApp();

    const state = await app.call('refreshPortfolio', {});

    const snapshot = requireSnapshot(state.snapshot);
    expect(state.lastRefresh.kind).toBe('succeeded');
    expect(state.refreshing).toBe(false);
    expect(state.needsRefresh).toBe(false);
    expect(snapshot.stakeAccounts.map((view) => view.address)).toEqual([stakeAddress.toBase58()]);
    expect(snapshot.stakeAccounts[0]?.state).toBe('activating');
    expect(snapshot.owners).toEqual([
      {
        address: owner.publicKey.toBase58(),
        name: 'Main',
        path: "44'/501'/0'",
        lamports: String(await connection.getBalance(owner.publicKey)),
        stakeAccountCount: 1,
      },
    ]);
    const stakeLamports = BigInt(await connection.getBalance(stakeAddress));
    const ownerLamports = BigInt(await connection.getBalance(owner.publicKey));
    expect(snapshot.totals.staked).toBe(stakeLamports.toString());
    expect(snapshot.totals.total).toBe((stakeLamports + ownerLamports).toString());
    expect(snapshot.meta.slot).toBeGreaterThan(0);
    expect(app.eventsOf('portfolioUpdated').at(-1)).toEqual(state);
  });

  it('sums rewards the runtime paid', async () => {
    const stakeAddress = await actions.createStakeAccount(owner.publicKey, 50n * SOL);
    await actions.delegate(stakeAddress, owner, voter);
    await localnet.advanceEpochs(3);
    const app = await openApp();

    const state = await app.call('refreshPortfolio', { rewardEpochs: 2 });

    const rewards = requireSnapshot(state.snapshot).rewards;
    const epochInfo = await connection.getEpochInfo();
    const epochs = [epochInfo.epoch - 2, epochInfo.epoch - 1];
    expect(rewards?.epochs).toEqual(epochs);
    for (const epoch of epochs) {
      const [paid] = await connection.getInflationReward([stakeAddress], epoch);
      const expected = paid === null || paid === undefined ? '0' : String(paid.amount);
      expect(
        rewards?.byEpoch.find((entry) => entry.epoch === epoch)?.amount,
        `epoch ${epoch}`,
      ).toBe(expected);
    }
    const paidTotal = rewards?.byEpoch.reduce((sum, entry) => sum + BigInt(entry.amount), 0n);
    expect(paidTotal).toBeGreaterThan(0n);
    expect(rewards?.byAccount[0]?.amount).toBe(paidTotal?.toString());
  });

  it('drops accounts saved from a chain that was reset', async () => {
    await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const first = await openApp();
    const before = await first.call('refreshPortfolio', {});
    expect(requireSnapshot(before.snapshot).stakeAccounts).toHaveLength(1);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    const old = { localnet, proxy };
    localnet = await startLocalnet();
    proxy = await startFaultProxy(localnet.url);
    await old.proxy.close();
    await old.localnet.close();
    await localnet.fund(owner.publicKey, 7n * SOL);
    const second = await openApp(first.dataDir);
    const after = await second.call('refreshPortfolio', {});

    expect(requireSnapshot(after.snapshot).stakeAccounts).toEqual([]);
    expect(requireSnapshot(after.snapshot).meta.genesisHash).not.toBe(
      requireSnapshot(before.snapshot).meta.genesisHash,
    );
  });

  it('shares one refresh between callers', async () => {
    await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const app = await openApp();
    proxy.resetCount();

    const [first, second] = await Promise.all([
      app.call('refreshPortfolio', {}),
      app.call('refreshPortfolio', {}),
    ]);

    expect(second).toEqual(first);
    // One staker and one withdrawer query for the single saved key.
    expect(proxy.count('getProgramAccounts')).toBe(2);
  });

  it('returns the saved snapshot at once after a restart', async () => {
    await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const first = await openApp();
    const refreshed = await first.call('refreshPortfolio', {});
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    localnet.setServingMode({ kind: 'offline' });
    proxy.resetCount();

    const second = await openApp(first.dataDir);
    const state = await second.call('getPortfolio', {});

    expect(state.snapshot).toEqual(refreshed.snapshot);
    expect(state.lastRefresh).toEqual({ kind: 'none' });
    expect(state.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(proxy.count()).toBe(0);
  });
});

describe('portfolio offline', () => {
  it('keeps the snapshot and reports the failure', async () => {
    const stakeAddress = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const app = await openApp();
    const before = await app.call('refreshPortfolio', {});
    localnet.setServingMode({ kind: 'offline' });

    const after = await app.call('refreshPortfolio', {});

    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.snapshot?.stakeAccounts.map((view) => view.address)).toEqual([
      stakeAddress.toBase58(),
    ]);
    expect(after.lastRefresh.kind).toBe('failed');
    expect(after.lastRefresh).toMatchObject({ error: { code: 'RPC_UNAVAILABLE' } });
    const network = await app.call('getNetworkStatus', { check: false });
    expect(network.connection).toBe('offline');
    expect(network.lastSuccessAt).not.toBeNull();
    expect(network.lastError?.code).toBe('RPC_UNAVAILABLE');
  });

  it('reports a failed first refresh without a snapshot', async () => {
    localnet.setServingMode({ kind: 'offline' });
    const app = await openApp();

    const state = await app.call('refreshPortfolio', {});

    expect(state.snapshot).toBeNull();
    expect(state.needsRefresh).toBe(true);
    expect(state.lastRefresh.kind).toBe('failed');
  });

  it('refreshes again once the node is back', async () => {
    await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const app = await openApp();
    await app.call('refreshPortfolio', {});
    localnet.setServingMode({ kind: 'offline' });
    await app.call('refreshPortfolio', {});
    localnet.setServingMode({ kind: 'serving' });

    const state = await app.call('refreshPortfolio', {});

    expect(state.lastRefresh.kind).toBe('succeeded');
    expect((await app.call('getNetworkStatus', { check: false })).connection).toBe('online');
  });
});

describe('portfolio on a lagging node', () => {
  it('keeps accounts when the node lists none', async () => {
    const stakeAddress = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const app = await openApp();
    await app.call('refreshPortfolio', {});
    proxy.addRule({
      method: 'getProgramAccounts',
      fault: { kind: 'empty-program-accounts', lagSlots: 500 },
    });

    const state = await app.call('refreshPortfolio', {});

    const snapshot = requireSnapshot(state.snapshot);
    expect(snapshot.stakeAccounts.map((view) => view.address)).toEqual([stakeAddress.toBase58()]);
    expect(snapshot.summary.accountCount).toBe(1);
    expect(state.lastRefresh.kind).toBe('succeeded');
  });

  it('keeps saved accounts after a restart, marked stale', async () => {
    const stakeAddress = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const first = await openApp();
    await first.call('refreshPortfolio', {});
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    proxy.addRule({
      method: 'getProgramAccounts',
      fault: { kind: 'empty-program-accounts', lagSlots: 500 },
    });
    proxy.addRule({ method: 'getMultipleAccounts', fault: { kind: 'http-error', status: 503 } });

    const second = await openApp(first.dataDir);
    const state = await second.call('refreshPortfolio', {});

    const snapshot = requireSnapshot(state.snapshot);
    expect(snapshot.stakeAccounts.map((view) => view.address)).toEqual([stakeAddress.toBase58()]);
    expect(snapshot.stakeAccounts[0]?.stale).toBe(true);
    expect(snapshot.warnings.map((warning) => warning.code)).toContain('STAKE_ACCOUNTS_STALE');
    // The balance read failed too, so the balance from the first run is kept.
    expect(snapshot.owners[0]?.lamports).toBe(String(await connection.getBalance(owner.publicKey)));
  });
});
