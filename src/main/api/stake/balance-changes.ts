import type { BalanceChange } from '../../../shared/contract/stake';
import type { ReviewModel } from '../../../shared/domain/stake';

/**
 * Computes what each account gains or loses from the decoded instructions and the fee. The
 * instructions fix every amount that moves, except a merge, which moves the source's whole
 * balance (read from `balances`).
 *
 * NOTE: a node's simulateTransaction can return the accounts' states after the transaction,
 * but the local test chain returns them from before, so the simulation's own account states
 * are not used here.
 */
export function computeBalanceChanges(
  review: ReviewModel,
  feeLamports: bigint,
  balances: ReadonlyMap<string, bigint | null>,
): BalanceChange[] {
  const changes = new Map<string, bigint>();
  const move = (from: string, to: string, lamports: bigint): void => {
    changes.set(from, (changes.get(from) ?? 0n) - lamports);
    changes.set(to, (changes.get(to) ?? 0n) + lamports);
  };

  changes.set(review.feePayer, -feeLamports);
  for (const { action } of review.instructions) {
    switch (action.kind) {
      case 'systemTransfer':
        move(action.from, action.to, BigInt(action.lamports));
        break;
      case 'systemCreateAccount':
      case 'systemCreateAccountWithSeed':
        move(action.from, action.newAccount, BigInt(action.lamports));
        break;
      case 'stakeSplit':
        move(action.stakeAccount, action.destination, BigInt(action.lamports));
        break;
      case 'stakeWithdraw':
        move(action.stakeAccount, action.to, BigInt(action.lamports));
        break;
      case 'stakeMerge': {
        const sourceLamports = balances.get(action.source);
        if (sourceLamports !== undefined && sourceLamports !== null) {
          move(action.source, action.destination, sourceLamports);
        }
        break;
      }
      default:
        break;
    }
  }

  const labelOf = new Map(
    review.addresses.map((entry) => [entry.address, entry.label ?? entry.wellKnownName]),
  );
  return [...changes]
    .filter(([, change]) => change !== 0n)
    .map(([address, change]) => {
      const before = balances.get(address);
      return {
        address,
        label: labelOf.get(address) ?? null,
        beforeLamports: before === undefined || before === null ? null : before.toString(),
        changeLamports: change.toString(),
      };
    });
}
