import {
  Connection,
  Keypair,
  PublicKey,
  StakeProgram,
  SYSVAR_STAKE_HISTORY_PUBKEY,
} from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StakeAccountsReport } from '../../../src/cli/stake-accounts-command';
import type { ValidatorsReport } from '../../../src/cli/validators-command';
import { startLocalnet, validatorProfiles, type Localnet } from '../../support/localnet';
import { decodeStakeHistory } from '../../support/localnet/codec/stakeHistory';
import { StakeActions } from '../chain/support/stakeActions';
import { runCli } from './support/run-cli';

const SOL = 1_000_000_000n;

async function runJson<T>(args: readonly string[]): Promise<T> {
  const run = await runCli([...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
}

let localnet: Localnet;
let connection: Connection;
let owner: Keypair;
let custodian: Keypair;
let voter: PublicKey;
let rentReserve: bigint;
/** Delegated two epochs before the reads, then topped up with lamports above its stake. */
let activeAccount: PublicKey;
/** Delegated in the current epoch. */
let activatingAccount: PublicKey;
/** Delegated, then deactivated in the current epoch. */
let deactivatingAccount: PublicKey;
/** Initialized with a lockup and never delegated. */
let lockedAccount: PublicKey;
let activationEpoch: number;
const topUp = 500_000_000n;
const lockupEpoch = 1_000;

beforeAll(async () => {
  localnet = await startLocalnet();
  connection = new Connection(localnet.url, 'confirmed');
  const payer = Keypair.generate();
  owner = Keypair.generate();
  custodian = Keypair.generate();
  await localnet.fund(payer.publicKey, 1_000n * SOL);
  await localnet.fund(owner.publicKey, 1n * SOL);
  const actions = new StakeActions(connection, payer);
  voter = localnet.validators[0]?.voteAccount ?? PublicKey.default;
  rentReserve = BigInt(
    await connection.getMinimumBalanceForRentExemption(StakeProgram.space, 'confirmed'),
  );

  activeAccount = await actions.createStakeAccount(owner.publicKey, 40n * SOL);
  await actions.delegate(activeAccount, owner, voter);
  activationEpoch = (await connection.getEpochInfo()).epoch;
  await localnet.advanceEpochs(2);
  await actions.transfer(activeAccount, topUp);

  deactivatingAccount = await actions.createStakeAccount(owner.publicKey, 6n * SOL);
  await actions.delegate(deactivatingAccount, owner, voter);
  await localnet.advanceEpochs(1);
  await actions.deactivate(deactivatingAccount, owner);
  activatingAccount = await actions.createStakeAccount(owner.publicKey, 5n * SOL);
  await actions.delegate(activatingAccount, owner, voter);
  lockedAccount = await actions.createStakeAccount(owner.publicKey, 2n * SOL, {
    lockup: { epoch: lockupEpoch, custodian: custodian.publicKey },
  });
});

afterAll(async () => {
  await localnet.close();
});

function findAccount(report: StakeAccountsReport, address: PublicKey) {
  const account = report.stakeAccounts.find((entry) => entry.address === address.toBase58());
  if (account === undefined) {
    throw new Error(`the report has no stake account ${address.toBase58()}`);
  }
  return account;
}

describe('cli stake-accounts --json', () => {
  let report: StakeAccountsReport;

  beforeAll(async () => {
    report = await runJson<StakeAccountsReport>([
      'stake-accounts',
      '--url',
      localnet.url,
      '--authority',
      owner.publicKey.toBase58(),
      '--reward-epochs',
      '3',
    ]);
  });

  it('lists every account of the key', () => {
    const expected = [activeAccount, activatingAccount, deactivatingAccount, lockedAccount];

    expect(report.stakeAccounts.map((entry) => entry.address).sort()).toEqual(
      expected.map((key) => key.toBase58()).sort(),
    );
    expect(report.authorities).toEqual([owner.publicKey.toBase58()]);
  });

  it('reports balances the chain holds', async () => {
    for (const entry of report.stakeAccounts) {
      const lamports = await connection.getBalance(new PublicKey(entry.address), 'confirmed');
      expect(entry.lamports, entry.address).toBe(String(lamports));
      expect(entry.rentExemptReserve, entry.address).toBe(rentReserve.toString());
      expect(entry.staker, entry.address).toBe(owner.publicKey.toBase58());
      expect(entry.withdrawer, entry.address).toBe(owner.publicKey.toBase58());
    }
  });

  it('reports an active account with its extra lamports', async () => {
    const account = findAccount(report, activeAccount);
    const history = decodeStakeHistory(
      (await connection.getAccountInfo(SYSVAR_STAKE_HISTORY_PUBKEY, 'confirmed'))?.data ??
        new Uint8Array(),
    );
    const atActivation = history.find((entry) => entry.epoch === BigInt(activationEpoch));

    expect(account.state).toBe('active');
    expect(account.voter).toBe(voter.toBase58());
    expect(account.activationEpoch).toBe(activationEpoch);
    expect(account.effective).toBe(account.delegatedStake);
    expect(account.activating).toBe('0');
    // The runtime counted the first delegation as warming up in the epoch it was made;
    // rewards have been added to the delegation since.
    expect(atActivation?.activating).toBeGreaterThanOrEqual(40n * SOL - rentReserve);
    expect(BigInt(account.delegatedStake)).toBeGreaterThan(40n * SOL - rentReserve);
    // Lamports above the delegation and the rent reserve can be withdrawn from an active account.
    const extra = BigInt(account.lamports) - BigInt(account.delegatedStake) - rentReserve;
    expect(extra).toBeGreaterThanOrEqual(topUp);
    expect(account.withdrawable).toBe(extra.toString());
  });

  it('reports rewards the runtime paid', async () => {
    const account = findAccount(report, activeAccount);
    const epochInfo = await connection.getEpochInfo('confirmed');

    expect(report.rewardEpochs).toEqual([
      epochInfo.epoch - 3,
      epochInfo.epoch - 2,
      epochInfo.epoch - 1,
    ]);
    for (const reward of account.rewards) {
      const [paid] = await connection.getInflationReward([activeAccount], reward.epoch);
      const expected = paid === null || paid === undefined ? '0' : String(paid.amount);
      expect(reward.amount, `epoch ${reward.epoch}`).toBe(expected);
      expect(reward.status, `epoch ${reward.epoch}`).toBe(expected === '0' ? 'none' : 'paid');
    }
  });

  it('reports an activating account', () => {
    const account = findAccount(report, activatingAccount);

    expect(account.state).toBe('activating');
    expect(account.effective).toBe('0');
    expect(account.activating).toBe(account.delegatedStake);
    expect(account.delegatedStake).toBe((BigInt(account.lamports) - rentReserve).toString());
    // Stake that is still warming up cannot be withdrawn.
    expect(account.withdrawable).toBe('0');
  });

  it('reports a deactivating account', () => {
    const account = findAccount(report, deactivatingAccount);

    expect(account.state).toBe('deactivating');
    expect(account.deactivating).toBe(account.delegatedStake);
    expect(account.deactivationEpoch).toBe(report.epoch);
  });

  it('reports a lockup in force', () => {
    const account = findAccount(report, lockedAccount);

    expect(account.state).toBe('inactive');
    expect(account.voter).toBeNull();
    expect(account.lockup).toEqual({
      unixTimestamp: '0',
      epoch: String(lockupEpoch),
      custodian: custodian.publicKey.toBase58(),
      inForce: true,
    });
    expect(account.inactive).toBe((BigInt(account.lamports) - rentReserve).toString());
  });
});

describe('cli stake-accounts text', () => {
  it('prints amounts in SOL', async () => {
    const run = await runCli([
      'stake-accounts',
      '--url',
      localnet.url,
      '--authority',
      owner.publicKey.toBase58(),
    ]);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain(lockedAccount.toBase58());
    expect(run.stdout).toMatch(/Inactive\s+1\.99\d{7} SOL/);
    expect(run.stdout).toContain(`custodian ${custodian.publicKey.toBase58()}`);
  });
});

describe('cli validators --json', () => {
  it('lists the seeded validators', async () => {
    const report = await runJson<ValidatorsReport>(['validators', '--url', localnet.url]);

    const voteAccounts = await connection.getVoteAccounts('confirmed');
    const onChain = [...voteAccounts.current, ...voteAccounts.delinquent];
    expect(report.validators.map((view) => view.votePubkey).sort()).toEqual(
      onChain.map((account) => account.votePubkey).sort(),
    );
    for (const account of onChain) {
      const view = report.validators.find((entry) => entry.votePubkey === account.votePubkey);
      expect(view?.activatedStake, account.votePubkey).toBe(String(account.activatedStake));
      expect(view?.commission, account.votePubkey).toBe(account.commission);
    }
    const names = report.validators.flatMap((view) => (view.name === null ? [] : [view.name]));
    expect(names.sort()).toEqual(validatorProfiles.map((profile) => profile.info.name).sort());
  });
});

describe('cli arguments', () => {
  it.each([
    [['stake-accounts', '--authority', '11111111111111111111111111111111'], '--url is missing'],
    [['stake-accounts', '--url', 'http://127.0.0.1:1'], '--authority is missing'],
    [['stake-accounts', '--url', 'ftp://host', '--authority', 'x'], 'must start with http'],
    [['stake-accounts', '--url', 'http://127.0.0.1:1', '--authority', 'zz'], 'not a base-58'],
    [['validators', '--url', 'http://127.0.0.1:1', '--reward-epochs', '2'], 'takes no'],
    [['unstake', '--url', 'http://127.0.0.1:1'], 'Unknown command "unstake"'],
    [['validators', '--colour'], "Unknown option '--colour'"],
    [[], 'No command given'],
  ])('rejects %j', async (args, message) => {
    const run = await runCli(args);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('reports an endpoint that is down', async () => {
    const run = await runCli(['validators', '--url', 'http://127.0.0.1:1']);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('RPC_UNAVAILABLE');
    expect(run.stderr).toContain('--url');
  });
});
