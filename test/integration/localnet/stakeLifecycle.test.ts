import { Authorized, Connection, Keypair, PublicKey, StakeProgram } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Localnet, startLocalnet } from '../../support/localnet';
import { readDelegation, readStakeHistory, sendAndConfirm, SOL } from './support';

const STAKE = 10n * SOL;
const NOT_DEACTIVATED = 2n ** 64n - 1n;

let localnet: Localnet;
let connection: Connection;
let owner: Keypair;
let voteAccount: PublicKey;

beforeEach(async () => {
  localnet = await startLocalnet();
  connection = new Connection(localnet.url, 'confirmed');
  owner = Keypair.generate();
  await localnet.fund(owner.publicKey, 100n * SOL);
  const validator = localnet.validators.find((entry) => entry.name === 'Aurora Staking');
  if (validator === undefined) {
    throw new Error('the seeded validator Aurora Staking is missing');
  }
  voteAccount = validator.voteAccount;
});

afterEach(async () => {
  await localnet.close();
});

/** Creates a stake account from `owner` with createAccountWithSeed, initializes and delegates it. */
async function createDelegatedStake(seed: string): Promise<PublicKey> {
  const stakeAddress = await PublicKey.createWithSeed(
    owner.publicKey,
    seed,
    StakeProgram.programId,
  );
  const rent = await connection.getMinimumBalanceForRentExemption(StakeProgram.space);
  const create = StakeProgram.createAccountWithSeed({
    fromPubkey: owner.publicKey,
    stakePubkey: stakeAddress,
    basePubkey: owner.publicKey,
    seed,
    authorized: new Authorized(owner.publicKey, owner.publicKey),
    lamports: rent + Number(STAKE),
  });
  const delegate = StakeProgram.delegate({
    stakePubkey: stakeAddress,
    authorizedPubkey: owner.publicKey,
    votePubkey: voteAccount,
  });
  await sendAndConfirm(connection, [...create.instructions, ...delegate.instructions], [owner]);
  return stakeAddress;
}

async function historyEntry(epoch: number) {
  const entries = await readStakeHistory(connection);
  return entries.find((entry) => entry.epoch === BigInt(epoch));
}

describe('localnet stake lifecycle', () => {
  it('records the delegation the runtime wrote', async () => {
    const { epoch } = await connection.getEpochInfo();
    const stakeAddress = await createDelegatedStake('stake:0');

    const account = await connection.getAccountInfo(stakeAddress);
    expect(account?.owner.equals(StakeProgram.programId)).toBe(true);
    const delegation = readDelegation(account?.data ?? new Uint8Array());
    expect(delegation.voter.equals(voteAccount)).toBe(true);
    expect(delegation.stake).toBe(STAKE);
    expect(delegation.activationEpoch).toBe(BigInt(epoch));
    expect(delegation.deactivationEpoch).toBe(NOT_DEACTIVATED);
  });

  it('moves stake history across epoch boundaries', async () => {
    const { epoch } = await connection.getEpochInfo();
    await createDelegatedStake('stake:0');
    expect(await historyEntry(epoch)).toBeUndefined();

    await localnet.advanceEpochs(1);
    const activatingEpoch = await historyEntry(epoch);
    // Seeded stake is active from genesis, so the new account is the only activating stake.
    expect(activatingEpoch?.activating).toBe(STAKE);
    expect(activatingEpoch?.effective).toBeGreaterThan(0n);

    await localnet.advanceEpochs(1);
    const activeEpoch = await historyEntry(epoch + 1);
    expect(activeEpoch?.activating).toBe(0n);
    // Rewards paid at the boundary compound into delegations, so effective grows by a bit more.
    const previousEffective = activatingEpoch?.effective ?? 0n;
    expect(activeEpoch?.effective).toBeGreaterThanOrEqual(previousEffective + STAKE);
    expect(activeEpoch?.effective).toBeLessThan(previousEffective + STAKE + SOL);
  });

  it('records rewards the runtime paid', async () => {
    const { epoch } = await connection.getEpochInfo();
    const stakeAddress = await createDelegatedStake('stake:0');
    await localnet.advanceEpochs(1);
    const balanceBefore = BigInt(await connection.getBalance(stakeAddress));

    const after = await localnet.advanceEpochs(1);
    const balanceAfter = BigInt(await connection.getBalance(stakeAddress));
    const [activatingReward] = await connection.getInflationReward([stakeAddress], epoch);
    const [activeReward] = await connection.getInflationReward([stakeAddress], epoch + 1);

    expect(activatingReward).toBeNull();
    expect(activeReward).not.toBeNull();
    expect(BigInt(activeReward?.amount ?? 0)).toBe(balanceAfter - balanceBefore);
    expect(BigInt(activeReward?.postBalance ?? 0)).toBe(balanceAfter);
    expect(activeReward?.effectiveSlot).toBe(after.absoluteSlot);
    expect(activeReward?.commission).toBe(5);
  });

  it('cools down deactivated stake', async () => {
    const stakeAddress = await createDelegatedStake('stake:0');
    await localnet.advanceEpochs(1);
    const { epoch } = await connection.getEpochInfo();

    const deactivate = StakeProgram.deactivate({
      stakePubkey: stakeAddress,
      authorizedPubkey: owner.publicKey,
    });
    await sendAndConfirm(connection, deactivate.instructions, [owner]);
    const deactivated = readDelegation(
      (await connection.getAccountInfo(stakeAddress))?.data ?? new Uint8Array(),
    );
    expect(deactivated.deactivationEpoch).toBe(BigInt(epoch));

    await localnet.advanceEpochs(1);
    expect((await historyEntry(epoch))?.deactivating).toBe(STAKE);

    const lamports = BigInt(await connection.getBalance(stakeAddress));
    const withdraw = StakeProgram.withdraw({
      stakePubkey: stakeAddress,
      authorizedPubkey: owner.publicKey,
      toPubkey: owner.publicKey,
      lamports: Number(lamports),
    });
    await sendAndConfirm(connection, withdraw.instructions, [owner]);
    expect(await connection.getAccountInfo(stakeAddress)).toBeNull();
  });
});
