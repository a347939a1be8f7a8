import { type PublicKey } from '@solana/web3.js';

import type { Batch, BatchOptions } from '../batch';
import { batchInstructionGroups } from '../batch';
import type { BuildContext } from '../compose';
import { withdrawInstruction } from '../instructions/stake';
import type { StakeSeedSearch } from '../seed';
import { chooseStakeSeed } from '../seed';
import { createAndDelegateGroup } from './create-and-delegate';

export interface ValidatorAllocation {
  voteAccount: PublicKey;
  stakeLamports: bigint;
}

export interface StakeAcrossValidatorsParams {
  allocations: ValidatorAllocation[];
  rentExemptReserveLamports: bigint;
  /** Seed search settings; each new account's seed and address count as taken for the next. */
  seedSearch: Omit<StakeSeedSearch, 'base'>;
}

export interface StakeAcrossValidatorsResult {
  batches: Batch[];
  /** One new stake account per allocation, in allocation order. */
  stakeAccounts: Array<{ stakeAccount: PublicKey; seed: string; voteAccount: PublicKey }>;
}

/**
 * Spreads one deposit over several validators: one create + initialize + delegate group per
 * validator, packed into as few transactions as fit. With clear signing (the default) each
 * transaction carries one group, because the app shows one pattern per transaction. A group
 * is 3 instructions, so on app 1.9 (limit 4) at most one compute budget instruction joins it.
 */
export function buildStakeAcrossValidators(
  params: StakeAcrossValidatorsParams,
  context: BuildContext,
  options: BatchOptions = { clearSign: true },
): StakeAcrossValidatorsResult {
  const takenAddresses = new Set(params.seedSearch.takenAddresses ?? []);
  const takenSeeds = new Set(params.seedSearch.takenSeeds ?? []);

  const groups = params.allocations.map((allocation) => {
    const { seed, address } = chooseStakeSeed({
      ...params.seedSearch,
      base: context.signer,
      takenAddresses,
      takenSeeds,
    });
    takenAddresses.add(address.toBase58());
    takenSeeds.add(seed);
    return {
      voteAccount: allocation.voteAccount,
      group: createAndDelegateGroup(context.signer, {
        seed,
        voteAccount: allocation.voteAccount,
        stakeLamports: allocation.stakeLamports,
        rentExemptReserveLamports: params.rentExemptReserveLamports,
      }),
    };
  });

  const batches = batchInstructionGroups(
    groups.map((entry) => entry.group.instructions),
    context,
    options,
    'stakeAcrossValidators',
  );
  return {
    batches,
    stakeAccounts: groups.map((entry) => ({
      stakeAccount: entry.group.stakeAccount,
      seed: entry.group.seed,
      voteAccount: entry.voteAccount,
    })),
  };
}

export interface WithdrawalRequest {
  stakeAccount: PublicKey;
  lamports: bigint;
}

/**
 * Withdraws from many stake accounts to one recipient, one Withdraw per account, in as few
 * transactions as fit. Each account keeps its own instruction, so one failing batch does not
 * hold back the accounts in other batches.
 */
export function buildWithdrawBatches(
  withdrawals: WithdrawalRequest[],
  recipient: PublicKey,
  context: BuildContext,
  options: BatchOptions = { clearSign: true },
): Batch[] {
  const groups = withdrawals.map((withdrawal) => [
    withdrawInstruction({
      stakeAccount: withdrawal.stakeAccount,
      to: recipient,
      withdrawer: context.signer,
      lamports: withdrawal.lamports,
    }),
  ]);
  return batchInstructionGroups(groups, context, options, 'withdrawMany');
}
