import type { CommissionChange } from '../../../shared/contract/chain';
import type { ValidatorView } from '../../../shared/domain/chain';

/** Epochs during which a commission change stays flagged as recent (about ten days on mainnet). */
export const RECENT_CHANGE_EPOCHS = 5;

/**
 * Merges the changes this list shows (a view whose previousCommission is set) into the
 * changes saved earlier, and drops those seen more than RECENT_CHANGE_EPOCHS ago. A newer
 * change of the same validator replaces the older one but keeps its starting commission, so
 * 5 % → 8 % → 10 % reads as a raise from 5 % to 10 %.
 */
export function mergeCommissionChanges(
  earlier: readonly CommissionChange[],
  validators: readonly ValidatorView[],
  epoch: number,
): CommissionChange[] {
  const byVoter = new Map<string, CommissionChange>();
  for (const change of earlier) {
    if (epoch - change.seenInEpoch < RECENT_CHANGE_EPOCHS) {
      byVoter.set(change.votePubkey, change);
    }
  }

  for (const view of validators) {
    if (view.previousCommission === null || view.previousCommission === view.commission) {
      continue;
    }
    const before = byVoter.get(view.votePubkey);
    byVoter.set(view.votePubkey, {
      votePubkey: view.votePubkey,
      from: before?.from ?? view.previousCommission,
      to: view.commission,
      seenInEpoch: epoch,
    });
  }

  // A validator that went back to where it started has no change left to flag.
  return [...byVoter.values()].filter((change) => change.from !== change.to);
}
