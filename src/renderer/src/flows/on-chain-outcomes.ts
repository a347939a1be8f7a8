import type { DraftProgress } from '../stores/stake-flow';

/**
 * Counts the drafts whose transaction reached the chain: landed, or landed with an error,
 * which still charged its fee. Each one changes balances or stake accounts the pages show.
 */
export function countOnChainOutcomes(progress: Readonly<Record<string, DraftProgress>>): number {
  let count = 0;
  for (const entry of Object.values(progress)) {
    const outcome = entry.outcome?.outcome;
    if (outcome === 'landed' || outcome === 'failed') {
      count += 1;
    }
  }
  return count;
}
