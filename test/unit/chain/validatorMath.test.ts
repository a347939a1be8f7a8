import { describe, expect, it } from 'vitest';

import type { RpcVoteAccount } from '../../../src/main/chain/rpc/rpcSchemas';
import { estimateApy } from '../../../src/main/chain/validators/apyEstimate';
import { buildValidatorViews } from '../../../src/main/chain/validators/buildValidatorViews';
import { findSuperminority } from '../../../src/main/chain/validators/superminority';
import {
  median,
  stakeWeightedMean,
  sumCreditsInEpochs,
} from '../../../src/main/chain/validators/voteCredits';

describe('findSuperminority', () => {
  it('takes the largest stakes until above one third', () => {
    // Total 100: 30 alone is not above a third, 30 + 20 is.
    const members = findSuperminority([
      { votePubkey: 'small', stake: 10n },
      { votePubkey: 'a', stake: 30n },
      { votePubkey: 'b', stake: 20n },
      { votePubkey: 'c', stake: 20n },
      { votePubkey: 'd', stake: 20n },
    ]);

    expect([...members].sort()).toEqual(['a', 'b']);
  });

  it('needs only one validator holding more than a third', () => {
    expect([
      ...findSuperminority([
        { votePubkey: 'big', stake: 34n },
        { votePubkey: 'x', stake: 66n },
      ]),
    ]).toEqual(['x']);
  });

  it('is empty without stake', () => {
    expect(findSuperminority([{ votePubkey: 'a', stake: 0n }]).size).toBe(0);
  });
});

describe('vote credit statistics', () => {
  it('sums credits inside the window', () => {
    const credits = [
      [8, 100n, 0n],
      [9, 250n, 100n],
      [10, 400n, 250n],
    ] as const;

    expect(sumCreditsInEpochs(credits, 9, 10)).toBe(300);
    expect(sumCreditsInEpochs(credits, 11, 12)).toBe(0);
  });

  it('computes medians of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('weights the mean by stake', () => {
    expect(
      stakeWeightedMean([
        { credits: 100, stake: 3n },
        { credits: 200, stake: 1n },
      ]),
    ).toBe(125);
  });
});

describe('estimateApy', () => {
  const network = {
    validatorInflation: 0.05,
    totalSupply: 600n,
    totalActiveStake: 400n,
    epochSeconds: 2 * 24 * 3600,
  };

  it('scales inflation by supply over stake and commission', () => {
    // Base APR 0.05 × 600 / 400 = 7.5 %, less 10 % commission = 6.75 %, compounded per epoch.
    const apy = estimateApy(network, 10, 1);
    const epochsPerYear = (365.25 * 24 * 3600) / network.epochSeconds;

    expect(apy).toBeCloseTo((1 + 0.0675 / epochsPerYear) ** epochsPerYear - 1, 12);
  });

  it('scales with credits', () => {
    expect(estimateApy(network, 0, 0.5)!).toBeLessThan(estimateApy(network, 0, 1)!);
  });

  it('returns null without credits or stake', () => {
    expect(estimateApy(network, 0, null)).toBeNull();
    expect(estimateApy({ ...network, totalActiveStake: 0n }, 0, 1)).toBeNull();
  });
});

function voteAccount(
  votePubkey: string,
  stake: bigint,
  creditsPerEpoch: number,
  commission = 5,
): RpcVoteAccount {
  return {
    votePubkey,
    nodePubkey: `node-${votePubkey}`,
    activatedStake: stake,
    epochVoteAccount: true,
    commission,
    lastVote: 1_000,
    epochCredits: [8, 9].map((epoch, index) => [
      epoch,
      BigInt(creditsPerEpoch * (index + 1)),
      BigInt(creditsPerEpoch * index),
    ]),
    rootSlot: 990,
  };
}

describe('buildValidatorViews', () => {
  const views = buildValidatorViews({
    current: [voteAccount('a', 60n, 100, 5), voteAccount('b', 30n, 50, 10)],
    delinquent: [voteAccount('c', 10n, 0, 100)],
    infos: new Map([
      [
        'node-a',
        {
          identity: 'node-a',
          name: 'Alpha',
          website: null,
          details: null,
          iconUrl: null,
          keybaseUsername: null,
        },
      ],
    ]),
    blockProduction: new Map([
      ['node-a', [40, 38] as const],
      ['node-b', [0, 0] as const],
    ]),
    currentEpoch: 10,
    creditEpochs: 2,
    network: {
      validatorInflation: 0.05,
      totalSupply: 200n,
      totalActiveStake: 100n,
      epochSeconds: 172_800,
    },
    previousCommission: new Map([
      ['a', 5],
      ['b', 7],
    ]),
  });
  const byKey = new Map(views.map((view) => [view.votePubkey, view]));

  it('orders by stake and marks delinquency', () => {
    expect(views.map((view) => view.votePubkey)).toEqual(['a', 'b', 'c']);
    expect(byKey.get('c')?.delinquent).toBe(true);
  });

  it('computes stake share and superminority', () => {
    expect(byKey.get('a')?.stakeShare).toBe(0.6);
    expect(byKey.get('a')?.superminority).toBe(true);
    expect(byKey.get('b')?.superminority).toBe(false);
  });

  it('compares credits with the median', () => {
    // a: 200 credits, b: 100 over epochs 8 and 9; median of the staked current ones is 150.
    expect(byKey.get('a')?.recentCredits).toBe(200);
    expect(byKey.get('a')?.creditsVsMedian).toBeCloseTo(200 / 150, 12);
    expect(byKey.get('c')?.creditsVsMedian).toBe(0);
  });

  it('computes skip rate only with leader slots', () => {
    expect(byKey.get('a')?.skipRate).toBeCloseTo(0.05, 12);
    expect(byKey.get('b')?.skipRate).toBeNull();
    expect(byKey.get('c')?.skipRate).toBeNull();
  });

  it('reports commission changes', () => {
    expect(byKey.get('a')?.previousCommission).toBeNull();
    expect(byKey.get('b')?.previousCommission).toBe(7);
  });

  it('attaches validator info', () => {
    expect(byKey.get('a')?.name).toBe('Alpha');
    expect(byKey.get('b')?.name).toBeNull();
  });

  it('estimates zero yield at full commission', () => {
    expect(byKey.get('c')?.estimatedApy).toBe(0);
    expect(byKey.get('a')?.estimatedApy).toBeGreaterThan(byKey.get('b')?.estimatedApy ?? 1);
  });
});
