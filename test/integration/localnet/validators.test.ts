import { Connection, PublicKey, ValidatorInfo } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Localnet, startLocalnet, validatorProfiles } from '../../support/localnet';
import { readStakeHistory } from './support';

const CONFIG_PROGRAM_ID = new PublicKey('Config1111111111111111111111111111111111111');
const DELINQUENT_SLOT_DISTANCE = 128;

let localnet: Localnet;
let connection: Connection;

beforeEach(async () => {
  localnet = await startLocalnet();
  connection = new Connection(localnet.url, 'confirmed');
});

afterEach(async () => {
  await localnet.close();
});

function voteAccountOf(name: string): string {
  const validator = localnet.validators.find((entry) => entry.name === name);
  if (validator === undefined) {
    throw new Error(`the seeded validator ${name} is missing`);
  }
  return validator.voteAccount.toBase58();
}

describe('localnet validators', () => {
  it('splits current and delinquent vote accounts', async () => {
    const slot = await connection.getSlot();
    const { current, delinquent } = await connection.getVoteAccounts();

    expect(current.length + delinquent.length).toBeGreaterThanOrEqual(9);
    expect(delinquent.map((entry) => entry.votePubkey)).toEqual([
      voteAccountOf('Harbor Validator'),
    ]);
    for (const entry of current) {
      expect(entry.lastVote).toBeGreaterThan(slot - DELINQUENT_SLOT_DISTANCE);
      expect(entry.activatedStake).toBeGreaterThan(0);
      expect(entry.epochVoteAccount).toBe(true);
      expect(entry.epochCredits.length).toBeGreaterThan(0);
    }
    expect(delinquent[0]?.lastVote).toBeLessThanOrEqual(slot - DELINQUENT_SLOT_DISTANCE);
    expect(new Set(current.map((entry) => entry.commission)).size).toBeGreaterThanOrEqual(5);
  });

  it('keeps the delinquent validator out of rewards', async () => {
    const { epoch } = await localnet.advanceEpochs(1);
    const rewarded = epoch - 1;
    const harbor = await connection.getInflationReward(
      [new PublicKey(voteAccountOf('Harbor Validator'))],
      rewarded,
    );
    const aurora = await connection.getInflationReward(
      [new PublicKey(voteAccountOf('Aurora Staking'))],
      rewarded,
    );

    expect(harbor[0]).toBeNull();
    expect(aurora[0]?.amount).toBeGreaterThan(0);
  });

  it('publishes validator info for every seeded validator', async () => {
    const accounts = await connection.getProgramAccounts(CONFIG_PROGRAM_ID);
    const infos = accounts
      .map((entry) => ValidatorInfo.fromConfigData(entry.account.data))
      .filter((info): info is ValidatorInfo => info !== null);

    expect(infos.map((info) => info.info.name).sort()).toEqual(
      validatorProfiles.map((profile) => profile.info.name).sort(),
    );
    const aurora = infos.find((info) => info.info.name === 'Aurora Staking');
    const auroraValidator = localnet.validators.find((entry) => entry.name === 'Aurora Staking');
    expect(aurora?.key.toBase58()).toBe(auroraValidator?.identity.toBase58());
    expect(aurora?.info.website).toBe('https://aurora-staking.example');
    expect(aurora?.info.iconUrl).toBe('https://aurora-staking.example/icon.png');
  });

  it('applies a commission change', async () => {
    const voteAccount = voteAccountOf('Basalt Validator');
    await localnet.setCommission(voteAccount, 42);

    const { current } = await connection.getVoteAccounts();
    expect(current.find((entry) => entry.votePubkey === voteAccount)?.commission).toBe(42);

    const { epoch } = await localnet.advanceEpochs(1);
    const [reward] = await connection.getInflationReward([new PublicKey(voteAccount)], epoch - 1);
    expect(reward?.commission).toBe(42);
  });

  it('matches activated stake with stake history', async () => {
    const { epoch } = await connection.getEpochInfo();
    const { current, delinquent } = await connection.getVoteAccounts();
    const activated = [...current, ...delinquent].reduce(
      (sum, entry) => sum + BigInt(entry.activatedStake),
      0n,
    );

    await localnet.advanceEpochs(1);
    const history = await readStakeHistory(connection);
    const entry = history.find((candidate) => candidate.epoch === BigInt(epoch));
    expect(entry?.effective).toBe(activated);
  });

  it('reports block production by identity', async () => {
    await localnet.advanceSlots(200);
    const { value } = await connection.getBlockProduction();
    const harbor = localnet.validators.find((entry) => entry.name === 'Harbor Validator');
    const granite = localnet.validators.find((entry) => entry.name === 'Granite Pool');
    const slots = value.range.lastSlot - value.range.firstSlot + 1;

    const counts = Object.values(value.byIdentity).map(([leaderSlots = 0, produced = 0]) => ({
      leaderSlots,
      produced,
    }));
    expect(counts.reduce((sum, count) => sum + count.leaderSlots, 0)).toBe(slots);
    for (const count of counts) {
      expect(count.produced).toBeLessThanOrEqual(count.leaderSlots);
    }
    expect(value.byIdentity[harbor?.identity.toBase58() ?? '']?.[1]).toBe(0);
    const [graniteSlots = 0, graniteProduced = 0] =
      value.byIdentity[granite?.identity.toBase58() ?? ''] ?? [];
    expect(graniteSlots).toBeGreaterThan(0);
    expect(graniteProduced).toBeLessThan(graniteSlots);
  });
});
