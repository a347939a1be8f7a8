import { Keypair, PublicKey } from '@solana/web3.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ChainService, createClusterConfig } from '../../../src/main/chain';
import type { StakeAccountView } from '../../../src/shared/domain/chain';
import { startLocalnet } from '../../support/localnet';
import { readHistoryEntry, sumClusterActivation } from './support/clusterTotals';
import { StakeActions } from './support/stakeActions';

const SOL = 1_000_000_000n;
const logger = pino({ level: 'silent' });

type Localnet = Awaited<ReturnType<typeof startLocalnet>>;

let localnet: Localnet;
let chain: ChainService;
let actions: StakeActions;
let owner: Keypair;
let voter: PublicKey;

beforeEach(async () => {
  localnet = await startLocalnet();
  chain = new ChainService({ cluster: createClusterConfig('localnet', [localnet.url]), logger });
  const payer = Keypair.generate();
  owner = Keypair.generate();
  await localnet.fund(payer.publicKey, 1_000_000n * SOL);
  await localnet.fund(owner.publicKey, 10n * SOL);
  actions = new StakeActions(chain.createConnection(), payer);

  const validators = await chain.createConnection().getVoteAccounts();
  const first = validators.current[0];
  if (first === undefined) {
    throw new Error('the local chain has no voting validator');
  }
  voter = new PublicKey(first.votePubkey);
});

afterEach(async () => {
  await localnet.close();
});

async function readView(address: PublicKey): Promise<StakeAccountView> {
  const result = await chain.fetchStakeAccountsByAddress(
    [address.toBase58()],
    [owner.publicKey.toBase58()],
  );
  const view = result.accounts[0];
  if (view === undefined) {
    throw new Error(`no stake account at ${address.toBase58()}`);
  }
  return view;
}

/**
 * Computes the cluster totals for the current epoch, ends the epoch, and checks them against
 * the StakeHistory entry the runtime wrote for it. Returns the view of `address` taken
 * before the epoch ended; `beforeEpochEnds` runs with it while that epoch is current.
 */
async function advanceAndCompare(
  address: PublicKey,
  beforeEpochEnds?: (view: StakeAccountView) => Promise<void>,
): Promise<StakeAccountView> {
  const view = await readView(address);
  const computed = await sumClusterActivation(chain);
  await beforeEpochEnds?.(view);

  await localnet.advanceEpochs(1);
  const recorded = await readHistoryEntry(chain, computed.epoch);

  expect(recorded, `history entry for epoch ${computed.epoch}`).toBeDefined();
  expect(computed.totals.effective).toBe(recorded?.effective);
  expect(computed.totals.activating).toBe(recorded?.activating);
  expect(computed.totals.deactivating).toBe(recorded?.deactivating);
  return view;
}

async function clusterEffectiveStake(): Promise<bigint> {
  const { totals } = await sumClusterActivation(chain);
  return totals.effective;
}

/** Expects the runtime to reject a withdrawal of one lamport more than `withdrawable`. */
async function expectWithdrawLimit(address: PublicKey, withdrawable: bigint): Promise<void> {
  await expect(
    actions.withdraw(address, owner, owner.publicKey, withdrawable + 1n),
  ).rejects.toThrow(/insufficient funds/);
}

describe('activation against the local runtime', () => {
  it('matches multi-epoch warmup', async () => {
    const stake = (await clusterEffectiveStake()) / 2n;
    const address = await actions.createStakeAccount(owner.publicKey, stake);
    await actions.delegate(address, owner, voter);

    const states: string[] = [];
    for (let epoch = 0; epoch < 12; epoch += 1) {
      const view = await advanceAndCompare(address);
      states.push(view.state);
      if (view.state === 'active') {
        break;
      }
    }

    const activatingEpochs = states.filter((state) => state === 'activating').length;
    expect(activatingEpochs).toBeGreaterThanOrEqual(3);
    expect(states.at(-1)).toBe('active');
  });

  it('matches multi-epoch cooldown', async () => {
    const stake = (await clusterEffectiveStake()) / 2n;
    const address = await actions.createStakeAccount(owner.publicKey, stake);
    await actions.delegate(address, owner, voter);
    for (let epoch = 0; epoch < 12 && (await readView(address)).state !== 'active'; epoch += 1) {
      await localnet.advanceEpochs(1);
    }

    await actions.deactivate(address, owner);
    const states: string[] = [];
    for (let epoch = 0; epoch < 12; epoch += 1) {
      const view = await advanceAndCompare(address, async (current) => {
        if (current.state === 'deactivating') {
          const withdrawable = BigInt(current.withdrawable);
          await expectWithdrawLimit(address, withdrawable);
          if (withdrawable > 0n) {
            await actions.withdraw(address, owner, owner.publicKey, withdrawable);
          }
        }
      });
      states.push(view.state);
      if (view.state === 'inactive') {
        break;
      }
    }

    expect(states.filter((state) => state === 'deactivating').length).toBeGreaterThanOrEqual(3);
    const finalView = await readView(address);
    expect(finalView.state).toBe('inactive');
    expect(finalView.withdrawable).toBe(finalView.lamports);
  });

  it('matches deactivation then redelegation', async () => {
    const address = await actions.createStakeAccount(owner.publicKey, 5n * SOL);
    await actions.delegate(address, owner, voter);
    await advanceAndCompare(address);
    await advanceAndCompare(address);

    await actions.deactivate(address, owner);
    let view = await advanceAndCompare(address);
    expect(view.state).toBe('deactivating');
    while (view.state !== 'inactive') {
      view = await advanceAndCompare(address);
    }

    await actions.delegate(address, owner, voter);
    const redelegated = await advanceAndCompare(address);
    expect(redelegated.state).toBe('activating');
    expect(redelegated.deactivationEpoch).toBeNull();
    const later = await advanceAndCompare(address);
    expect(later.state).toBe('active');
  });

  it('offers only deposits above the stake', async () => {
    const address = await actions.createStakeAccount(owner.publicKey, 5n * SOL);
    await actions.delegate(address, owner, voter);
    const activating = await readView(address);
    expect(activating.state).toBe('activating');
    expect(activating.withdrawable).toBe('0');
    await expectWithdrawLimit(address, 0n);

    await localnet.advanceEpochs(2);
    const tip = 123_456_789n;
    await actions.transfer(address, tip);
    const active = await readView(address);

    expect(active.state).toBe('active');
    expect(active.withdrawable).toBe(tip.toString());
    await expectWithdrawLimit(address, tip);
    await actions.withdraw(address, owner, owner.publicKey, tip);
    expect((await readView(address)).withdrawable).toBe('0');
  });

  it('pays rewards only to effective stake', async () => {
    const active = await actions.createStakeAccount(owner.publicKey, 50n * SOL);
    await actions.delegate(active, owner, voter);
    await localnet.advanceEpochs(3);

    const warming = await actions.createStakeAccount(owner.publicKey, 50n * SOL);
    await actions.delegate(warming, owner, voter);
    const activeView = await readView(active);
    const warmingView = await readView(warming);
    expect(activeView.state).toBe('active');
    expect(warmingView.state).toBe('activating');
    await localnet.advanceEpochs(2);

    const report = await chain.fetchRewards([active.toBase58(), warming.toBase58()], 2);
    const epoch = activeView.dataEpoch;
    const entry = (address: PublicKey) =>
      report.entries.find((item) => item.address === address.toBase58() && item.epoch === epoch);

    expect(entry(active)?.status).toBe('paid');
    expect(BigInt(entry(active)?.amount ?? '0')).toBeGreaterThan(0n);
    expect(BigInt(entry(warming)?.amount ?? '0')).toBe(0n);
  });
});
