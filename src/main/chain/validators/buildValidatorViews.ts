import type { ValidatorView } from '../../../shared/domain/chain';
import type { ValidatorInfo } from '../decode/validatorInfo';
import type { RpcVoteAccount } from '../rpc/rpcSchemas';
import { estimateApy, type NetworkYieldInputs } from './apyEstimate';
import { findSuperminority } from './superminority';
import { mean, median, stakeWeightedMean, sumCreditsInEpochs } from './voteCredits';

export interface ValidatorInputs {
  current: readonly RpcVoteAccount[];
  delinquent: readonly RpcVoteAccount[];
  /** Validator info by identity (node) key. */
  infos: ReadonlyMap<string, ValidatorInfo>;
  /** [leader slots, blocks produced] by identity, or null if unknown. */
  blockProduction: ReadonlyMap<string, readonly [number, number]> | null;
  currentEpoch: number;
  /** How many completed epochs the credit comparison covers. */
  creditEpochs: number;
  /** Null when inflation or supply could not be read; estimatedApy is then null. */
  network: NetworkYieldInputs | null;
  /** Commission by vote account from an earlier snapshot, to report changes. */
  previousCommission: ReadonlyMap<string, number> | null;
}

/**
 * Combines vote accounts, validator info, block production and inflation into the validator
 * list, largest stake first. Credits compare the last `creditEpochs` completed epochs with the
 * median and mean of non-delinquent validators that hold stake.
 */
export function buildValidatorViews(inputs: ValidatorInputs): ValidatorView[] {
  const all = [
    ...inputs.current.map((account) => ({ account, delinquent: false })),
    ...inputs.delinquent.map((account) => ({ account, delinquent: true })),
  ];
  const totalStake = all.reduce((sum, { account }) => sum + account.activatedStake, 0n);
  const superminority = findSuperminority(
    all.map(({ account }) => ({ votePubkey: account.votePubkey, stake: account.activatedStake })),
  );

  const fromEpoch = inputs.currentEpoch - inputs.creditEpochs;
  const toEpoch = inputs.currentEpoch - 1;
  const credits = new Map(
    all.map(({ account }) => [
      account.votePubkey,
      sumCreditsInEpochs(account.epochCredits, fromEpoch, toEpoch),
    ]),
  );
  const reference = inputs.current
    .filter((account) => account.activatedStake > 0n)
    .map((account) => ({
      credits: credits.get(account.votePubkey) ?? 0,
      stake: account.activatedStake,
    }));
  const creditsMedian = median(reference.map((entry) => entry.credits));
  const creditsMean = mean(reference.map((entry) => entry.credits));
  const creditsWeightedMean = stakeWeightedMean(reference);

  const views = all.map(({ account, delinquent }): ValidatorView => {
    const info = inputs.infos.get(account.nodePubkey);
    const recentCredits = credits.get(account.votePubkey) ?? 0;
    const previous = inputs.previousCommission?.get(account.votePubkey);

    return {
      votePubkey: account.votePubkey,
      nodePubkey: account.nodePubkey,
      name: info?.name ?? null,
      website: info?.website ?? null,
      iconUrl: info?.iconUrl ?? null,
      details: info?.details ?? null,
      commission: account.commission,
      previousCommission:
        previous !== undefined && previous !== account.commission ? previous : null,
      activatedStake: account.activatedStake.toString(),
      stakeShare: totalStake > 0n ? Number(account.activatedStake) / Number(totalStake) : 0,
      superminority: superminority.has(account.votePubkey),
      delinquent,
      lastVote: account.lastVote,
      recentCredits,
      creditsVsMedian: ratio(recentCredits, creditsMedian),
      creditsVsMean: ratio(recentCredits, creditsMean),
      skipRate: computeSkipRate(inputs.blockProduction?.get(account.nodePubkey)),
      estimatedApy:
        inputs.network === null
          ? null
          : estimateApy(
              inputs.network,
              account.commission,
              ratio(recentCredits, creditsWeightedMean),
            ),
    };
  });

  return views.sort((left, right) =>
    compareDescending(BigInt(left.activatedStake), BigInt(right.activatedStake)),
  );
}

function compareDescending(left: bigint, right: bigint): number {
  if (left === right) {
    return 0;
  }
  return left > right ? -1 : 1;
}

function ratio(value: number, reference: number | null): number | null {
  return reference === null || reference === 0 ? null : value / reference;
}

function computeSkipRate(production: readonly [number, number] | undefined): number | null {
  if (production === undefined) {
    return null;
  }
  const [leaderSlots, produced] = production;
  if (leaderSlots <= 0) {
    return null;
  }
  return Math.min(1, Math.max(0, 1 - produced / leaderSlots));
}
