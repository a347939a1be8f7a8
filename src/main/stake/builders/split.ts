import { type PublicKey, type TransactionInstruction } from '@solana/web3.js';

import { deriveAddressWithSeed, STAKE_ACCOUNT_SPACE, STAKE_PROGRAM_ID } from '../addresses';
import type { BuildContext, BuiltTransaction } from '../compose';
import { composeTransaction } from '../compose';
import { splitInstruction } from '../instructions/stake';
import { allocateWithSeedInstruction, transferInstruction } from '../instructions/system';

export interface SplitParams {
  stakeAccount: PublicKey;
  /** Seed of the new destination under the Ledger key, from `chooseStakeSeed`. */
  seed: string;
  lamports: bigint;
  /** From `planSplit`: the destination's rent reserve minus what it already holds. */
  prefundLamports: bigint;
}

/**
 * Splits into a new account derived from the Ledger key and a seed, in an order the Ledger
 * recognises: Transfer (prefund) + AllocateWithSeed + Split, or AllocateWithSeed + Split when
 * nothing needs prefunding. web3.js `splitWithSeed` puts the Transfer after AllocateWithSeed,
 * a shape the app does not show in clear, so the instructions are assembled here.
 * AllocateWithSeed also assigns the account to the Stake program.
 */
export function buildSplit(
  params: SplitParams,
  context: BuildContext,
): BuiltTransaction & { destination: PublicKey } {
  const destination = deriveAddressWithSeed(context.signer, params.seed, STAKE_PROGRAM_ID);
  const instructions: TransactionInstruction[] = [];

  if (params.prefundLamports > 0n) {
    instructions.push(transferInstruction(context.signer, destination, params.prefundLamports));
  }
  instructions.push(
    allocateWithSeedInstruction({
      account: destination,
      base: context.signer,
      seed: params.seed,
      space: STAKE_ACCOUNT_SPACE,
      owner: STAKE_PROGRAM_ID,
    }),
    splitInstruction(params.stakeAccount, destination, context.signer, params.lamports),
  );

  return { ...composeTransaction(instructions, context), destination };
}
