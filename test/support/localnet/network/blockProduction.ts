/** One validator's share of block production over a slot range. */
export interface LeaderShare {
  identity: string;
  stake: bigint;
  skippedPerMille: number;
}

export interface ProductionCount {
  leaderSlots: bigint;
  blocksProduced: bigint;
}

/**
 * Splits `slotCount` leader slots between validators in proportion to stake, giving
 * leftover slots to the largest stakes first, then subtracts each validator's skip rate.
 * The local chain has no leader schedule, so these numbers are seeded, not observed.
 */
export function computeBlockProduction(
  shares: readonly LeaderShare[],
  slotCount: bigint,
): Map<string, ProductionCount> {
  const totalStake = shares.reduce((sum, share) => sum + share.stake, 0n);
  const result = new Map<string, ProductionCount>();
  if (totalStake === 0n || slotCount <= 0n) {
    return result;
  }

  const ordered = [...shares].sort((a, b) =>
    a.stake === b.stake ? 0 : a.stake > b.stake ? -1 : 1,
  );
  const leaderSlots = ordered.map((share) => (slotCount * share.stake) / totalStake);
  let leftover = slotCount - leaderSlots.reduce((sum, slots) => sum + slots, 0n);
  for (let index = 0; leftover > 0n; index = (index + 1) % ordered.length) {
    leaderSlots[index] = (leaderSlots[index] ?? 0n) + 1n;
    leftover--;
  }

  ordered.forEach((share, index) => {
    const slots = leaderSlots[index] ?? 0n;
    if (slots === 0n) {
      return;
    }
    const skipped = (slots * BigInt(share.skippedPerMille)) / 1000n;
    result.set(share.identity, { leaderSlots: slots, blocksProduced: slots - skipped });
  });
  return result;
}
