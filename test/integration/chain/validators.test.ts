import { Keypair } from '@solana/web3.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ChainService, createClusterConfig } from '../../../src/main/chain';
import { startLocalnet, validatorProfiles, type Localnet } from '../../support/localnet';
import { StakeActions } from './support/stakeActions';

const SOL = 1_000_000_000n;
const logger = pino({ level: 'silent' });

let localnet: Localnet;
let chain: ChainService;

beforeEach(async () => {
  localnet = await startLocalnet();
  chain = new ChainService({ cluster: createClusterConfig('localnet', [localnet.url]), logger });
});

afterEach(async () => {
  await localnet.close();
});

describe('validators on the local chain', () => {
  it('lists names, stake and delinquency', async () => {
    const list = await chain.validators.listValidators({ creditEpochs: 2 });

    const named = list.validators.filter((view) => view.name !== null);
    expect(named.map((view) => view.name).sort()).toEqual(
      validatorProfiles.map((profile) => profile.info.name).sort(),
    );
    const shares = list.validators.reduce((sum, view) => sum + view.stakeShare, 0);
    expect(shares).toBeCloseTo(1, 9);
    const delinquent = validatorProfiles.filter((profile) => profile.stopsVotingInEpoch !== null);
    expect(list.validators.filter((view) => view.delinquent)).toHaveLength(delinquent.length);
    for (const view of list.validators) {
      expect(view.website === null || view.website.startsWith('https://')).toBe(true);
    }
  });

  it('estimates APY without warnings', async () => {
    const list = await chain.validators.listValidators({ creditEpochs: 2 });

    expect(list.warnings).toEqual([]);
    const voting = list.validators.filter((view) => !view.delinquent);
    expect(voting.length).toBeGreaterThan(0);
    for (const view of voting) {
      expect(view.estimatedApy, view.votePubkey).not.toBeNull();
      expect(view.estimatedApy, view.votePubkey).toBeLessThan(1);
      if (view.commission === 100) {
        expect(view.estimatedApy, view.votePubkey).toBe(0);
      } else {
        expect(view.estimatedApy, view.votePubkey).toBeGreaterThan(0);
      }
    }
  });

  it('marks the smallest set above a third', async () => {
    const list = await chain.validators.listValidators();

    const members = list.validators.filter((view) => view.superminority);
    const memberShare = members.reduce((sum, view) => sum + view.stakeShare, 0);
    const smallestMember = Math.min(...members.map((view) => view.stakeShare));
    expect(memberShare).toBeGreaterThan(1 / 3);
    expect(memberShare - smallestMember).toBeLessThanOrEqual(1 / 3);
  });

  it('ranks credits and skip rate by profile', async () => {
    const list = await chain.validators.listValidators({ creditEpochs: 2 });
    const byName = new Map(list.validators.map((view) => [view.name, view]));

    for (const profile of validatorProfiles) {
      const view = byName.get(profile.info.name ?? null);
      expect(view, profile.slug).toBeDefined();
      if (profile.stopsVotingInEpoch === null && profile.creditsPerSlot === 16n) {
        expect(view?.creditsVsMedian, profile.slug).toBeGreaterThanOrEqual(1);
      }
      // Every staked validator leads some slots of a whole epoch. The local chain's epochs are
      // too short for the rate to match the profile's per-mille closely.
      expect(view?.skipRate, profile.slug).not.toBeNull();
      expect(view?.skipRate, profile.slug).toBeGreaterThanOrEqual(0);
      expect(view?.skipRate, profile.slug).toBeLessThanOrEqual(1);
    }
  });

  it('reports a commission change', async () => {
    const first = await chain.validators.listValidators();
    const target = first.validators.find((view) => view.name !== null && !view.delinquent);
    if (target === undefined) {
      throw new Error('no named validator');
    }

    await localnet.setCommission(target.votePubkey, target.commission + 3);
    const second = await chain.validators.listValidators();

    const changed = second.validators.find((view) => view.votePubkey === target.votePubkey);
    expect(changed?.commission).toBe(target.commission + 3);
    expect(changed?.previousCommission).toBe(target.commission);
    const unchanged = second.validators.filter((view) => view.votePubkey !== target.votePubkey);
    expect(unchanged.every((view) => view.previousCommission === null)).toBe(true);
  });
});

describe('rewards on the local chain', () => {
  it('computes APR from paid rewards', async () => {
    const payer = Keypair.generate();
    const owner = Keypair.generate();
    await localnet.fund(payer.publicKey, 1_000n * SOL);
    const actions = new StakeActions(chain.createConnection(), payer);
    const voter = localnet.validators.find((validator) => validator.name !== null)?.voteAccount;
    if (voter === undefined) {
      throw new Error('no seeded validator');
    }
    const address = await actions.createStakeAccount(owner.publicKey, 100n * SOL);
    await actions.delegate(address, owner, voter);
    await localnet.advanceEpochs(4);

    const report = await chain.fetchRewards([address.toBase58()], 3);

    const paid = report.entries.filter((entry) => entry.status === 'paid');
    expect(paid.length).toBeGreaterThanOrEqual(2);
    for (const entry of paid) {
      expect(BigInt(entry.amount)).toBeGreaterThan(0n);
      expect(BigInt(entry.postBalance ?? '0')).toBeGreaterThan(100n * SOL);
    }
    const apr = report.apr.find((item) => item.address === address.toBase58());
    expect(apr?.epochsCounted).toBe(paid.length);
    expect(apr?.apr).toBeGreaterThan(0);
    expect(apr?.apr).toBeLessThan(1);
  });
});
