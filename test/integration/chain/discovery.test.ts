import { Keypair, type PublicKey } from '@solana/web3.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ChainService, createClusterConfig } from '../../../src/main/chain';
import { startLocalnet, type Localnet } from '../../support/localnet';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { StakeActions } from './support/stakeActions';

const SOL = 1_000_000_000n;
const logger = pino({ level: 'silent' });

let localnet: Localnet;
let lagging: FaultProxy;
let healthy: FaultProxy;
let actions: StakeActions;
let owner: Keypair;
let voter: PublicKey;

/** Creates a service that tries the lagging proxy first and the healthy proxy second. */
function createChain(urls = [lagging.url, healthy.url]): ChainService {
  return new ChainService({
    cluster: createClusterConfig('localnet', urls),
    logger,
    policy: { baseDelayMs: 1, maxDelayMs: 5, requestTimeoutMs: 500 },
  });
}

beforeEach(async () => {
  localnet = await startLocalnet();
  lagging = await startFaultProxy(localnet.url);
  healthy = await startFaultProxy(localnet.url);
  const payer = Keypair.generate();
  owner = Keypair.generate();
  await localnet.fund(payer.publicKey, 1_000n * SOL);
  actions = new StakeActions(createChain([localnet.url]).createConnection(), payer);
  const first = localnet.validators[0];
  if (first === undefined) {
    throw new Error('the local chain has no validator');
  }
  voter = first.voteAccount;
});

afterEach(async () => {
  await lagging.close();
  await healthy.close();
  await localnet.close();
});

describe('stake account discovery', () => {
  it('finds staker and withdrawer accounts once each', async () => {
    const withdrawerOnly = Keypair.generate();
    const both = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const asStaker = await actions.createStakeAccount(owner.publicKey, 3n * SOL, {
      withdrawer: withdrawerOnly.publicKey,
    });
    const asWithdrawer = await actions.createStakeAccount(withdrawerOnly.publicKey, 3n * SOL, {
      withdrawer: owner.publicKey,
    });
    await actions.createStakeAccount(Keypair.generate().publicKey, 3n * SOL);

    const snapshot = await createChain().stakeAccounts.refresh([owner.publicKey.toBase58()]);

    const found = snapshot.accounts.map((view) => view.address).sort();
    expect(found).toEqual([both, asStaker, asWithdrawer].map((key) => key.toBase58()).sort());
    expect(snapshot.summary.accountCount).toBe(3);
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.requestCount).toBe(lagging.count() + healthy.count());
  });

  it('uses another endpoint when one returns empty', async () => {
    const address = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    await actions.delegate(address, owner, voter);
    const chain = createChain();
    await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    lagging.addRule({
      method: 'getProgramAccounts',
      fault: { kind: 'empty-program-accounts', lagSlots: 500 },
    });
    const snapshot = await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    expect(snapshot.accounts.map((view) => view.address)).toEqual([address.toBase58()]);
    expect(snapshot.accounts[0]?.stale).toBe(false);
    expect(snapshot.warnings.map((warning) => warning.code)).toContain('RPC_ENDPOINT_LAGGING');
    expect(healthy.count('getProgramAccounts')).toBeGreaterThan(0);
  });

  it('reads a missing known account by address', async () => {
    const address = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const chain = createChain([lagging.url]);
    await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    lagging.addRule({ method: 'getProgramAccounts', fault: { kind: 'empty-program-accounts' } });
    const snapshot = await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    expect(snapshot.accounts.map((view) => view.address)).toEqual([address.toBase58()]);
    expect(snapshot.accounts[0]?.stale).toBe(false);
  });

  it('keeps known accounts stale when all fail', async () => {
    const address = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const chain = createChain();
    const first = await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    lagging.addRule({ fault: { kind: 'http-error', status: 503 } });
    healthy.addRule({ fault: { kind: 'hang' } });
    const snapshot = await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    expect(snapshot.accounts.map((view) => view.address)).toEqual([address.toBase58()]);
    expect(snapshot.accounts[0]?.stale).toBe(true);
    expect(snapshot.accounts[0]?.fetchedAt).toBe(first.accounts[0]?.fetchedAt);
    expect(snapshot.summary.staleCount).toBe(1);
    const codes = snapshot.warnings.map((warning) => warning.code);
    expect(codes).toContain('RPC_UNAVAILABLE');
    expect(codes).toContain('STAKE_ACCOUNTS_STALE');
  });

  it('keeps accounts when discovery and reads fail', async () => {
    const address = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const chain = createChain([lagging.url]);
    await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    // The first getMultipleAccounts (the sysvars) passes; the read of missing accounts fails.
    lagging.addRule({ method: 'getProgramAccounts', fault: { kind: 'empty-program-accounts' } });
    lagging.addRule({ method: 'getMultipleAccounts', after: 1, fault: { kind: 'malformed-json' } });
    const snapshot = await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    expect(snapshot.accounts.map((view) => view.address)).toEqual([address.toBase58()]);
    expect(snapshot.accounts[0]?.stale).toBe(true);
    expect(snapshot.warnings.map((warning) => warning.code)).toContain('STAKE_ACCOUNTS_STALE');
  });

  it('drops an account once closed', async () => {
    const address = await actions.createStakeAccount(owner.publicKey, 3n * SOL);
    const chain = createChain();
    const first = await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);
    expect(first.accounts).toHaveLength(1);

    await actions.withdraw(
      address,
      owner,
      owner.publicKey,
      BigInt(first.accounts[0]?.lamports ?? 0),
    );
    const snapshot = await chain.stakeAccounts.refresh([owner.publicKey.toBase58()]);

    expect(snapshot.accounts).toEqual([]);
    expect(snapshot.warnings).toEqual([]);
  });

  it('throws without known accounts', async () => {
    const chain = createChain();
    lagging.addRule({ fault: { kind: 'http-error', status: 500 } });
    healthy.addRule({ fault: { kind: 'http-error', status: 500 } });

    await expect(chain.stakeAccounts.refresh([owner.publicKey.toBase58()])).rejects.toMatchObject({
      code: 'RPC_UNAVAILABLE',
    });
  });
});
