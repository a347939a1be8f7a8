import { PublicKey } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';

import { computeBalanceChanges } from '../../../src/main/api/stake/balance-changes';
import {
  buildCreateAndDelegate,
  buildMerge,
  buildReviewModel,
  buildSplit,
  buildWithdraw,
  type BuiltTransaction,
} from '../../../src/main/stake';
import type { ReviewModel } from '../../../src/shared/domain/stake';

const signer = new PublicKey('2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH');
const vote = new PublicKey('26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx');
const stakeA = new PublicKey('AH9SphFp84i1yzeNMTZD2cX8MRVJfkpdNLNjn5Cmh6VQ');
const stakeB = new PublicKey('3N7s9zXMZ4QqvHQR15t8GNHyqc89KduzPdmnrzGo6Ggg');
const context = {
  signer,
  lifetime: {
    kind: 'blockhash' as const,
    blockhash: 'GHtXQBsoZHVnNFa9YevAzFr17DJjgHXk3ycTKD5xD3Zi',
  },
  appVersion: '1.9.0',
};
const RENT = 2_282_880n;
const FEE = 5_000n;

function reviewOf(built: BuiltTransaction, labels = new Map<string, string>()): ReviewModel {
  return buildReviewModel(built.message.serialize(), {
    signer: signer.toBase58(),
    appVersion: '1.9.0',
    labels,
  });
}

function changesByAddress(
  review: ReviewModel,
  balances: Map<string, bigint | null> = new Map(),
): Record<string, string> {
  return Object.fromEntries(
    computeBalanceChanges(review, FEE, balances).map((change) => [
      change.address,
      change.changeLamports,
    ]),
  );
}

describe('computeBalanceChanges', () => {
  it('moves the deposit of a new stake account', () => {
    const built = buildCreateAndDelegate(
      {
        seed: 'stake:0',
        voteAccount: vote,
        stakeLamports: 1_000_000_000n,
        rentExemptReserveLamports: RENT,
      },
      context,
    );
    const review = reviewOf(built, new Map([[built.stakeAccount.toBase58(), 'New stake account']]));

    const changes = computeBalanceChanges(
      review,
      FEE,
      new Map([
        [signer.toBase58(), 3_000_000_000n],
        [built.stakeAccount.toBase58(), null],
      ]),
    );
    expect(changes).toEqual([
      {
        address: signer.toBase58(),
        label: null,
        beforeLamports: '3000000000',
        changeLamports: (-(1_000_000_000n + RENT + FEE)).toString(),
      },
      {
        address: built.stakeAccount.toBase58(),
        label: 'New stake account',
        beforeLamports: null,
        changeLamports: (1_000_000_000n + RENT).toString(),
      },
    ]);
  });

  it('counts the prefund and the split', () => {
    const built = buildSplit(
      { stakeAccount: stakeA, seed: 'stake:1', lamports: 500_000_000n, prefundLamports: RENT },
      context,
    );
    expect(changesByAddress(reviewOf(built))).toEqual({
      [signer.toBase58()]: (-(RENT + FEE)).toString(),
      [stakeA.toBase58()]: '-500000000',
      [built.destination.toBase58()]: (500_000_000n + RENT).toString(),
    });
  });

  it('sends a withdrawal to its recipient', () => {
    const built = buildWithdraw({ stakeAccount: stakeA, recipient: signer, lamports: 7n }, context);
    expect(changesByAddress(reviewOf(built))).toEqual({
      [signer.toBase58()]: (7n - FEE).toString(),
      [stakeA.toBase58()]: '-7',
    });
  });

  it('moves the whole source of a merge', () => {
    const built = buildMerge({ destination: stakeA, source: stakeB }, context);
    expect(changesByAddress(reviewOf(built), new Map([[stakeB.toBase58(), 42n]]))).toEqual({
      [signer.toBase58()]: (-FEE).toString(),
      [stakeA.toBase58()]: '42',
      [stakeB.toBase58()]: '-42',
    });
  });

  it('leaves out a merge whose source balance is unknown', () => {
    const built = buildMerge({ destination: stakeA, source: stakeB }, context);
    expect(changesByAddress(reviewOf(built))).toEqual({ [signer.toBase58()]: (-FEE).toString() });
  });
});
