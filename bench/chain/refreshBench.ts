import { Keypair, StakeProgram, Authorized, Transaction } from '@solana/web3.js';
import pino from 'pino';
import { z } from 'zod';

import { ChainService, createClusterConfig } from '../../src/main/chain';
import { mapWithConcurrency } from '../../src/main/chain/rpc/mapWithConcurrency';
import { startFaultProxy } from '../../test/support/fault-proxy';
import { startLocalnet } from '../../test/support/localnet';

export interface RefreshBenchResult {
  keys: number;
  accountsPerKey: number;
  accountsFound: number;
  /** HTTP requests of one full refresh, counted by a proxy in front of the local chain. */
  refreshRequests: number;
  refreshRequestsByMethod: Record<string, number>;
  refreshMs: number;
  /** Requests when every account is read with its own getAccountInfo request. */
  perAccountRequests: number;
  perAccountMs: number;
  /** perAccountRequests divided by refreshRequests. */
  requestRatio: number;
}

const SOL = 1_000_000_000n;
const logger = pino({ level: 'silent' });

/**
 * Creates `keys` × `accountsPerKey` stake accounts on a fresh local chain, then counts the
 * requests of a full refresh (sysvars, epoch schedule and two getProgramAccounts per key)
 * against reading each account with its own request.
 */
export async function runRefreshBench(
  keys: number,
  accountsPerKey: number,
): Promise<RefreshBenchResult> {
  const localnet = await startLocalnet({ logger });
  const proxy = await startFaultProxy(localnet.url);
  try {
    const owners = Array.from({ length: keys }, () => Keypair.generate());
    await createStakeAccounts(localnet.url, owners, accountsPerKey, (address, lamports) =>
      localnet.fund(address, lamports),
    );

    const chain = new ChainService({
      cluster: createClusterConfig('localnet', [proxy.url]),
      logger,
    });
    proxy.resetCount();
    const refreshStarted = performance.now();
    const refresh = await chain.stakeAccounts.refresh(
      owners.map((owner) => owner.publicKey.toBase58()),
    );
    const refreshMs = performance.now() - refreshStarted;
    const refreshRequests = proxy.count();
    const byMethod: Record<string, number> = {};
    for (const request of proxy.requests) {
      byMethod[request.method] = (byMethod[request.method] ?? 0) + 1;
    }

    proxy.resetCount();
    const perAccountStarted = performance.now();
    await mapWithConcurrency(refresh.accounts, 4, (view) =>
      chain.rpc.request(
        'getAccountInfo',
        [view.address, { encoding: 'base64', commitment: 'confirmed' }],
        z.unknown(),
      ),
    );
    const perAccountMs = performance.now() - perAccountStarted;
    const perAccountRequests = proxy.count();

    return {
      keys,
      accountsPerKey,
      accountsFound: refresh.accounts.length,
      refreshRequests,
      refreshRequestsByMethod: byMethod,
      refreshMs: Math.round(refreshMs),
      perAccountRequests,
      perAccountMs: Math.round(perAccountMs),
      requestRatio: Math.round((perAccountRequests / refreshRequests) * 10) / 10,
    };
  } finally {
    await proxy.close();
    await localnet.close();
  }
}

/** Creates the stake accounts with real transactions, so the runtime initializes them. */
async function createStakeAccounts(
  url: string,
  owners: readonly Keypair[],
  accountsPerKey: number,
  fund: (address: string, lamports: bigint) => Promise<string>,
): Promise<void> {
  const chain = new ChainService({ cluster: createClusterConfig('localnet', [url]), logger });
  const connection = chain.createConnection();
  const payer = Keypair.generate();
  await fund(payer.publicKey.toBase58(), BigInt(owners.length * accountsPerKey) * 2n * SOL);

  const jobs = owners.flatMap((owner) =>
    Array.from({ length: accountsPerKey }, () => owner.publicKey),
  );
  await mapWithConcurrency(jobs, 8, async (authority) => {
    // A fresh blockhash each time, because the local chain may produce a block per transaction.
    const { blockhash } = await connection.getLatestBlockhash();
    const stakeAccount = Keypair.generate();
    const transaction = new Transaction({ feePayer: payer.publicKey, recentBlockhash: blockhash });
    transaction.add(
      StakeProgram.createAccount({
        fromPubkey: payer.publicKey,
        stakePubkey: stakeAccount.publicKey,
        authorized: new Authorized(authority, authority),
        lamports: Number(SOL),
      }),
    );
    transaction.sign(payer, stakeAccount);
    await connection.sendRawTransaction(transaction.serialize());
  });
}
