import { Authorized, Connection, Keypair, type PublicKey, StakeProgram } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { deriveValidatorKeys, type Localnet, startLocalnet } from '../../support/localnet';
import { callRpc, sendAndConfirm, SOL } from './support';

const STAKER_OFFSET = 12;
const WITHDRAWER_OFFSET = 44;

let localnet: Localnet;
let connection: Connection;
let payer: Keypair;

beforeEach(async () => {
  localnet = await startLocalnet();
  connection = new Connection(localnet.url, 'confirmed');
  payer = Keypair.generate();
  await localnet.fund(payer.publicKey, 100n * SOL);
});

afterEach(async () => {
  await localnet.close();
});

async function createStake(staker: PublicKey, withdrawer: PublicKey): Promise<PublicKey> {
  const stake = Keypair.generate();
  const create = StakeProgram.createAccount({
    fromPubkey: payer.publicKey,
    stakePubkey: stake.publicKey,
    authorized: new Authorized(staker, withdrawer),
    lamports: Number(2n * SOL),
  });
  await sendAndConfirm(connection, create.instructions, [payer, stake]);
  return stake.publicKey;
}

async function findByAuthority(offset: number, authority: PublicKey): Promise<string[]> {
  const accounts = await connection.getProgramAccounts(StakeProgram.programId, {
    filters: [{ memcmp: { offset, bytes: authority.toBase58() } }],
  });
  return accounts.map((entry) => entry.pubkey.toBase58()).sort();
}

describe('localnet getProgramAccounts', () => {
  it('finds stake accounts by staker and withdrawer', async () => {
    const staker = Keypair.generate().publicKey;
    const withdrawer = Keypair.generate().publicKey;
    const first = await createStake(staker, withdrawer);
    const second = await createStake(staker, staker);
    const unrelated = await createStake(withdrawer, withdrawer);

    expect(await findByAuthority(STAKER_OFFSET, staker)).toEqual(
      [first.toBase58(), second.toBase58()].sort(),
    );
    expect(await findByAuthority(WITHDRAWER_OFFSET, withdrawer)).toEqual(
      [first.toBase58(), unrelated.toBase58()].sort(),
    );
    expect(await findByAuthority(WITHDRAWER_OFFSET, staker)).toEqual([second.toBase58()]);
  });

  it('finds the seeded stake of a validator', async () => {
    const keys = deriveValidatorKeys('aurora', 2);
    const found = await findByAuthority(STAKER_OFFSET, keys.stakeAuthority.publicKey);
    expect(found).toEqual(keys.stakeAccounts.map((account) => account.publicKey.toBase58()).sort());
  });

  it('applies dataSize and withContext', async () => {
    const staker = Keypair.generate().publicKey;
    const stake = await createStake(staker, staker);
    const filters = [{ memcmp: { offset: STAKER_OFFSET, bytes: staker.toBase58() } }];

    const sized = await connection.getProgramAccounts(StakeProgram.programId, {
      filters: [...filters, { dataSize: StakeProgram.space }],
    });
    const wrongSize = await connection.getProgramAccounts(StakeProgram.programId, {
      filters: [...filters, { dataSize: 100 }],
    });
    const withContext = await callRpc(localnet.url, 'getProgramAccounts', [
      StakeProgram.programId.toBase58(),
      { encoding: 'base64', withContext: true, filters },
    ]);

    expect(sized.map((entry) => entry.pubkey.toBase58())).toEqual([stake.toBase58()]);
    expect(sized[0]?.account.data.length).toBe(StakeProgram.space);
    expect(wrongSize).toEqual([]);
    expect(withContext['result']).toMatchObject({
      context: { slot: await connection.getSlot(), apiVersion: '1.18.0' },
      value: [{ pubkey: stake.toBase58() }],
    });
  });

  it('accepts base64 memcmp bytes', async () => {
    const staker = Keypair.generate().publicKey;
    const stake = await createStake(staker, staker);
    const reply = await callRpc(localnet.url, 'getProgramAccounts', [
      StakeProgram.programId.toBase58(),
      {
        encoding: 'base64',
        filters: [
          {
            memcmp: {
              offset: STAKER_OFFSET,
              bytes: Buffer.from(staker.toBytes()).toString('base64'),
              encoding: 'base64',
            },
          },
        ],
      },
    ]);
    expect(reply['result']).toMatchObject([{ pubkey: stake.toBase58() }]);
  });

  it('returns accounts in request order', async () => {
    const missing = Keypair.generate().publicKey;
    const infos = await connection.getMultipleAccountsInfo([payer.publicKey, missing]);
    expect(infos[0]?.lamports).toBe(Number(100n * SOL));
    expect(infos[1]).toBeNull();
  });
});
