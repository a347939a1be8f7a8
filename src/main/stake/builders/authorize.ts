import { type PublicKey } from '@solana/web3.js';

import type { StakeAuthorityType } from '../../../shared/domain/stake';
import type { BuildContext, BuiltTransaction } from '../compose';
import { composeTransaction } from '../compose';
import { authorizeCheckedInstruction, authorizeInstruction } from '../instructions/stake';

export interface AuthorityChange {
  authorityType: StakeAuthorityType;
  newAuthority: PublicKey;
}

export interface AuthorizeParams {
  stakeAccount: PublicKey;
  /** One change, or two: the staker then the withdrawer, the order the Ledger recognises. */
  changes: [AuthorityChange] | [AuthorityChange, AuthorityChange];
  /**
   * Use AuthorizeChecked, where the new authority signs too, only when that key will sign this
   * same transaction. The plain form suits a new authority on another Ledger account that
   * does not sign now.
   */
  checked?: boolean;
}

/**
 * Rotates stake or withdraw authority, signed by the Ledger key as the current authority.
 * Two changes are ordered staker first, withdrawer second, whatever order they come in.
 */
export function buildAuthorize(params: AuthorizeParams, context: BuildContext): BuiltTransaction {
  const order: Record<StakeAuthorityType, number> = { staker: 0, withdrawer: 1 };
  const changes = [...params.changes].sort(
    (a, b) => order[a.authorityType] - order[b.authorityType],
  );
  const make = params.checked === true ? authorizeCheckedInstruction : authorizeInstruction;

  const instructions = changes.map((change) =>
    make({
      stakeAccount: params.stakeAccount,
      authority: context.signer,
      newAuthority: change.newAuthority,
      authorityType: change.authorityType,
    }),
  );
  return composeTransaction(instructions, context);
}
