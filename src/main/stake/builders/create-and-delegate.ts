import { type PublicKey, type TransactionInstruction } from '@solana/web3.js';

import { deriveAddressWithSeed, STAKE_ACCOUNT_SPACE, STAKE_PROGRAM_ID } from '../addresses';
import type { BuildContext, BuiltTransaction } from '../compose';
import { composeTransaction } from '../compose';
import { delegateInstruction, initializeInstruction } from '../instructions/stake';
import { createAccountWithSeedInstruction } from '../instructions/system';

export interface CreateAndDelegateParams {
  /** From `chooseStakeSeed`, so the derived address is free. */
  seed: string;
  voteAccount: PublicKey;
  /** Lamports to delegate; the account is funded with this plus the rent reserve. */
  stakeLamports: bigint;
  /** Rent-exempt reserve of a 200-byte account, from `getMinimumBalanceForRentExemption`. */
  rentExemptReserveLamports: bigint;
}

export interface StakeAccountGroup {
  stakeAccount: PublicKey;
  seed: string;
  instructions: TransactionInstruction[];
}

/**
 * Builds the three instructions the Ledger shows as one "delegate" summary: CreateAccountWithSeed
 * (base and funder = the Ledger key, owner = Stake program), Initialize (staker = withdrawer
 * = the Ledger key, no lockup) and DelegateStake, in that order.
 */
export function createAndDelegateGroup(
  signer: PublicKey,
  params: CreateAndDelegateParams,
): StakeAccountGroup {
  const stakeAccount = deriveAddressWithSeed(signer, params.seed, STAKE_PROGRAM_ID);
  const instructions = [
    createAccountWithSeedInstruction({
      from: signer,
      newAccount: stakeAccount,
      base: signer,
      seed: params.seed,
      lamports: params.stakeLamports + params.rentExemptReserveLamports,
      space: STAKE_ACCOUNT_SPACE,
      owner: STAKE_PROGRAM_ID,
    }),
    initializeInstruction(stakeAccount, signer, signer),
    delegateInstruction(stakeAccount, params.voteAccount, signer),
  ];
  return { stakeAccount, seed: params.seed, instructions };
}

/** Builds the transaction that creates a stake account and delegates it in one step. */
export function buildCreateAndDelegate(
  params: CreateAndDelegateParams,
  context: BuildContext,
): BuiltTransaction & { stakeAccount: PublicKey; seed: string } {
  const group = createAndDelegateGroup(context.signer, params);
  return {
    ...composeTransaction(group.instructions, context),
    stakeAccount: group.stakeAccount,
    seed: group.seed,
  };
}
