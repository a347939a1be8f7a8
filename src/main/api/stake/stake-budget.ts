import { type PublicKey } from '@solana/web3.js';

import type { MaxStakeable, StakeAmount } from '../../../shared/contract/stake';
import { WalletError } from '../../../shared/errors';
import {
  buildCreateAndDelegate,
  buildReviewModel,
  keptReserveLamports,
  maxStakeableLamports,
  parseSolAmount,
  stakeableLamportsForPercent,
  type StakeBudget,
} from '../../stake';
import type { ClusterParameters, DeviceTarget } from './flow-environment';
import type { FlowRpc } from './flow-rpc';

/** Converts an amount from the bridge to lamports; typed SOL text is parsed digit by digit. */
export function lamportsOfAmount(amount: StakeAmount): bigint {
  switch (amount.unit) {
    case 'sol':
      return parseSolAmount(amount.value);
    case 'lamports': {
      const lamports = BigInt(amount.value);
      if (lamports === 0n) {
        throw new WalletError(
          'AMOUNT_ZERO',
          { input: amount.value },
          'Enter an amount greater than 0 SOL.',
        );
      }
      return lamports;
    }
  }
}

export interface StakeBudgetInput {
  signer: PublicKey;
  parameters: ClusterParameters;
  device: DeviceTarget;
  /** New stake accounts, one per validator; each costs a fee and a rent reserve. */
  validatorCount: number;
}

export interface StakeBudgetResult {
  budget: StakeBudget;
  feePerTransaction: bigint;
}

/**
 * Computes the budget that `maxStakeableLamports` turns into the largest stakeable amount.
 * The fee is the cluster's fee for a create-and-delegate transaction of this wallet, so the
 * Max button, the percentage buttons and the check before building all see the same
 * number. The kept reserve pays a later deactivate and withdraw and keeps the account
 * rent-exempt.
 */
export async function computeStakeBudget(
  rpc: FlowRpc,
  input: StakeBudgetInput,
  signal?: AbortSignal,
): Promise<StakeBudgetResult> {
  const feePerTransaction = await feeOfCreateAndDelegate(rpc, input, signal);
  const count = BigInt(input.validatorCount);
  const { parameters } = input;

  const budget: StakeBudget = {
    balanceLamports: parameters.signerBalance,
    feeLamports: feePerTransaction * count,
    stakeRentExemptReserveLamports: parameters.stakeRentReserve * count,
    keptReserveLamports: keptReserveLamports({
      feePerLaterTransactionLamports: feePerTransaction,
      systemAccountRentExemptMinimumLamports: parameters.systemRentMinimum,
    }),
  };
  return { budget, feePerTransaction };
}

/** Describes a budget for the bridge, with the percentage share when one is asked for. */
export function toMaxStakeable(
  account: string,
  result: StakeBudgetResult,
  minimumDelegation: bigint,
  validatorCount: number,
  percent: number | undefined,
): MaxStakeable {
  const { budget } = result;
  const max = maxStakeableLamports(budget);
  const amount = percent === undefined ? max : stakeableLamportsForPercent(budget, percent);
  return {
    account,
    balanceLamports: budget.balanceLamports.toString(),
    feeLamports: budget.feeLamports.toString(),
    stakeRentReserveLamports: budget.stakeRentExemptReserveLamports.toString(),
    keptReserveLamports: budget.keptReserveLamports.toString(),
    maxLamports: max.toString(),
    amountLamports: amount.toString(),
    minimumDelegationLamports: minimumDelegation.toString(),
    validatorCount,
  };
}

/**
 * Asks the cluster for the fee of a representative create-and-delegate message. Only the
 * signature count and compute budget set the fee, so the placeholder seed, vote account and
 * amount do not change it. When the node cannot price the message, the review model's
 * estimate is used.
 */
async function feeOfCreateAndDelegate(
  rpc: FlowRpc,
  input: StakeBudgetInput,
  signal?: AbortSignal,
): Promise<bigint> {
  const context = {
    signer: input.signer,
    lifetime: { kind: 'blockhash' as const, blockhash: input.parameters.blockhash.blockhash },
    appVersion: input.device.appVersion,
  };
  const built = buildCreateAndDelegate(
    {
      seed: 'stake:0',
      voteAccount: input.signer,
      stakeLamports: input.parameters.minimumDelegation,
      rentExemptReserveLamports: input.parameters.stakeRentReserve,
    },
    context,
  );
  const message = built.message.serialize();

  const fee = await rpc.feeForMessage(message, signal);
  if (fee !== null) {
    return fee;
  }
  const review = buildReviewModel(message, {
    signer: input.signer.toBase58(),
    appVersion: input.device.appVersion,
  });
  return BigInt(review.fee.totalLamports);
}
