/**
 * Returns the vote accounts of the superminority: the fewest validators, taken from the
 * largest stake down, whose combined stake exceeds one third of the total. Together they can
 * halt the cluster, so delegating to them concentrates that power further.
 */
export function findSuperminority(
  stakes: readonly { votePubkey: string; stake: bigint }[],
): Set<string> {
  const total = stakes.reduce((sum, entry) => sum + entry.stake, 0n);
  if (total === 0n) {
    return new Set();
  }
  const sorted = [...stakes].sort((left, right) => {
    if (left.stake === right.stake) {
      return 0;
    }
    return left.stake > right.stake ? -1 : 1;
  });

  const members = new Set<string>();
  let accumulated = 0n;
  for (const entry of sorted) {
    if (accumulated * 3n > total) {
      break;
    }
    members.add(entry.votePubkey);
    accumulated += entry.stake;
  }
  return members;
}
