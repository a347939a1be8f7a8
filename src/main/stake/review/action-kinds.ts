import type { ReviewAction, ReviewActionKind } from '../../../shared/domain/stake';

export type ActionOf<K extends ReviewActionKind> = Extract<ReviewAction, { kind: K }>;

/** Narrows an action to one kind. */
export function isAction<K extends ReviewActionKind>(
  action: ReviewAction | undefined,
  kind: K,
): action is ActionOf<K> {
  return action?.kind === kind;
}

export function isComputeBudgetAction(action: ReviewAction): boolean {
  switch (action.kind) {
    case 'computeBudgetRequestUnits':
    case 'computeBudgetRequestHeapFrame':
    case 'computeBudgetSetComputeUnitLimit':
    case 'computeBudgetSetComputeUnitPrice':
    case 'computeBudgetSetLoadedAccountsDataSizeLimit':
      return true;
    default:
      return false;
  }
}
