import { type PublicKey } from '@solana/web3.js';

import type { BuildContext, BuiltTransaction } from '../compose';
import { composeTransaction } from '../compose';
import {
  deactivateInstruction,
  delegateInstruction,
  mergeInstruction,
  withdrawInstruction,
} from '../instructions/stake';

/**
 * Builders whose operation is one stake instruction signed by the Ledger key. The caller runs
 * the matching checks first (state, authority, lockup, amounts).
 */

/** Delegates an initialized or inactive stake account; see `assertCanDelegate`. */
export function buildDelegate(
  params: { stakeAccount: PublicKey; voteAccount: PublicKey },
  context: BuildContext,
): BuiltTransaction {
  return composeTransaction(
    [delegateInstruction(params.stakeAccount, params.voteAccount, context.signer)],
    context,
  );
}

/** Deactivates (unstakes) a delegated account; see `assertCanDeactivate`. */
export function buildDeactivate(
  params: { stakeAccount: PublicKey },
  context: BuildContext,
): BuiltTransaction {
  return composeTransaction([deactivateInstruction(params.stakeAccount, context.signer)], context);
}

/**
 * Withdraws lamports to `recipient`, part or all; see `assertWithdrawAmount` and
 * `assertWithdrawRecipient`. Withdrawing every lamport of an account with no stake closes it.
 */
export function buildWithdraw(
  params: { stakeAccount: PublicKey; recipient: PublicKey; lamports: bigint },
  context: BuildContext,
): BuiltTransaction {
  return composeTransaction(
    [
      withdrawInstruction({
        stakeAccount: params.stakeAccount,
        to: params.recipient,
        withdrawer: context.signer,
        lamports: params.lamports,
      }),
    ],
    context,
  );
}

/** Merges `source` into `destination`, closing the source; see `checkMerge`. */
export function buildMerge(
  params: { destination: PublicKey; source: PublicKey },
  context: BuildContext,
): BuiltTransaction {
  return composeTransaction(
    [mergeInstruction(params.destination, params.source, context.signer)],
    context,
  );
}
