import { Connection, Keypair } from '@solana/web3.js';
import { afterEach, describe, expect, it } from 'vitest';

import { isWalletError } from '../../../src/shared/errors';
import { approveAndLand, SOL, startFlowHarness, type FlowHarness } from './flow-harness';

let harness: FlowHarness;

afterEach(async () => {
  await harness.close();
});

/** 43 base58 characters that decode to 31 bytes, so the bridge's text check lets them pass. */
const WRONG_LENGTH_ADDRESS = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTK';

async function stake(sol: string, validator = 0): Promise<string> {
  const draft = await harness.flows.prepare({
    operation: 'createStake',
    input: {
      account: harness.signer,
      voteAccount: harness.voteAccount(validator),
      amount: { unit: 'sol', value: sol },
    },
  });
  await approveAndLand(harness, draft);
  return draft.newStakeAccounts[0] ?? '';
}

async function prepareError(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => new Error('expected the prepare call to fail'),
    (caught: unknown) => caught,
  );
}

describe('stake flow messages', () => {
  it('names a recipient of the wrong byte length', async () => {
    harness = await startFlowHarness();
    const stakeAccount = await stake('1');

    const error = await prepareError(() =>
      harness.flows.prepare({
        operation: 'withdraw',
        input: {
          account: harness.signer,
          stakeAccount,
          amount: { unit: 'all' },
          recipient: WRONG_LENGTH_ADDRESS,
        },
      }),
    );
    expect(error).toMatchObject({ code: 'INVALID_REQUEST' });
    const message = isWalletError(error) ? error.message : '';
    expect(message).toContain('recipient');
    expect(message).toContain(WRONG_LENGTH_ADDRESS);
    expect(message).toContain('32 bytes');
  });

  it('names a new authority of the wrong byte length', async () => {
    harness = await startFlowHarness();
    const stakeAccount = await stake('1');

    const error = await prepareError(() =>
      harness.flows.prepare({
        operation: 'authorize',
        input: {
          account: harness.signer,
          stakeAccount,
          changes: [{ authorityType: 'staker', newAuthority: WRONG_LENGTH_ADDRESS }],
        },
      }),
    );
    expect(error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(isWalletError(error) ? error.message : '').toContain('newAuthority');
  });

  it('states the real split maximum', async () => {
    harness = await startFlowHarness();
    const stakeAccount = await stake('5');
    const connection = new Connection(harness.localnet.url, 'confirmed');
    const minimum = BigInt((await connection.getStakeMinimumDelegation()).value);

    const error = await prepareError(() =>
      harness.flows.prepare({
        operation: 'split',
        input: { account: harness.signer, stakeAccount, amount: { unit: 'sol', value: '6' } },
      }),
    );
    expect(error).toMatchObject({ code: 'SPLIT_AMOUNT_INVALID' });
    const context = isWalletError(error) ? error.context : {};
    // The source keeps its 5 SOL delegation minus the split, which must stay at the minimum.
    expect(context).toMatchObject({ maxSplitLamports: (5n * SOL - minimum).toString() });
    const message = isWalletError(error) ? error.message : '';
    expect(message).toContain('and stay open');
    expect(message).toContain('closes this one');
  });

  it('says activating stake becomes inactive at once', async () => {
    harness = await startFlowHarness();
    const stakeAccount = await stake('1');

    const draft = await harness.flows.prepare({
      operation: 'deactivate',
      input: { account: harness.signer, stakeAccount },
    });
    const texts = draft.checks.map((check) => check.text).join('\n');
    expect(texts).toContain('inactive at once');
    expect(texts).not.toContain('once the cooldown ends');
  });

  it('labels both merge accounts apart', async () => {
    harness = await startFlowHarness();
    const destination = await stake('1');
    const source = await stake('1');

    const draft = await harness.flows.prepare({
      operation: 'merge',
      input: { account: harness.signer, destination, source },
    });
    const labels = new Map(draft.review.addresses.map((entry) => [entry.address, entry.label]));
    expect(labels.get(source)).toContain(source.slice(0, 4));
    expect(labels.get(destination)).toContain(destination.slice(0, 4));
    expect(labels.get(source)).not.toBe(labels.get(destination));
  });

  it('says withdrawing all closes the account', async () => {
    harness = await startFlowHarness();
    const stakeAccount = await stake('1');
    await approveAndLand(
      harness,
      await harness.flows.prepare({
        operation: 'deactivate',
        input: { account: harness.signer, stakeAccount },
      }),
    );

    const draft = await harness.flows.prepare({
      operation: 'withdraw',
      input: { account: harness.signer, stakeAccount, amount: { unit: 'all' } },
    });
    expect(draft.summary).toContain('close the stake account');
  });

  it('words authority messages without repeats', async () => {
    harness = await startFlowHarness();
    const stakeAccount = await stake('1');

    const unchanged = await prepareError(() =>
      harness.flows.prepare({
        operation: 'authorize',
        input: {
          account: harness.signer,
          stakeAccount,
          changes: [{ authorityType: 'staker', newAuthority: harness.signer }],
        },
      }),
    );
    expect(unchanged).toMatchObject({ code: 'NEW_AUTHORITY_INVALID' });
    expect(isWalletError(unchanged) ? unchanged.message : '').not.toContain('the the');

    const stranger = Keypair.generate().publicKey.toBase58();
    const draft = await harness.flows.prepare({
      operation: 'authorize',
      input: {
        account: harness.signer,
        stakeAccount,
        changes: [{ authorityType: 'withdrawer', newAuthority: stranger }],
      },
    });
    const warning = draft.checks.find((check) => check.check === 'withdrawerChange');
    expect(warning?.text).toContain('not one of your Ledger accounts, can withdraw');
  });
});
