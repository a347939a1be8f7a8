import { type PublicKey } from '@solana/web3.js';

import type { BuildContext, BuiltTransaction } from '../compose';
import { buildDeactivate } from './single-instruction';

export interface RedelegationPlan {
  /** Step one, signed now: unstake the account. */
  deactivate: BuiltTransaction;
  /** Step two, once the account is fully inactive: build it then with `buildDelegate`. */
  delegateLater: { stakeAccount: PublicKey; voteAccount: PublicKey; earliestEpoch: bigint };
}

/**
 * Plans moving stake to another validator in two steps: deactivate now, delegate again once
 * the cooldown has left no effective stake (usually from the next epoch). The stake program
 * rejects a Delegate to a different validator while stake is still effective
 * (TooSoonToRedelegate), so the second step cannot be built in advance.
 *
 * NOTE: clusters with the stake program's MoveStake and MoveLamports instructions can move
 * active stake between two accounts on the same validator without a cooldown, and the old
 * Redelegate instruction is retired. The Ledger app clear-signs neither, so this wallet does
 * not build them.
 */
export function planRedelegation(
  params: { stakeAccount: PublicKey; newVoteAccount: PublicKey; currentEpoch: bigint },
  context: BuildContext,
): RedelegationPlan {
  return {
    deactivate: buildDeactivate({ stakeAccount: params.stakeAccount }, context),
    delegateLater: {
      stakeAccount: params.stakeAccount,
      voteAccount: params.newVoteAccount,
      earliestEpoch: params.currentEpoch + 1n,
    },
  };
}
