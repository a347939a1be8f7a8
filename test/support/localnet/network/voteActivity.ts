import {
  type EpochCredits,
  MAX_EPOCH_CREDITS_HISTORY,
  MAX_LOCKOUT_HISTORY,
  type VoteLockout,
  type VoteState,
} from '../codec/voteState';

/** Where in the epoch schedule a vote is recorded. */
export interface VotePosition {
  slot: bigint;
  epoch: bigint;
  /** Index of `slot` within `epoch`, starting at 0. */
  slotIndex: bigint;
  /** Unix time of `slot` in seconds. */
  unixTimestamp: bigint;
}

/**
 * Returns `state` as if its validator had voted on every slot up to the one before
 * `position.slot`: a full tower of lockouts, a root behind it, and credits for the current
 * epoch at `creditsPerSlot` for each slot so far. Nothing votes on the local chain, and the
 * runtime pays rewards only to vote accounts that earned credits.
 */
export function recordVotesUpTo(
  state: VoteState,
  position: VotePosition,
  creditsPerSlot: bigint,
): VoteState {
  const lastVote = position.slot > 0n ? position.slot - 1n : 0n;
  const towerDepth = BigInt(MAX_LOCKOUT_HISTORY);
  const towerStart = lastVote >= towerDepth ? lastVote - towerDepth + 1n : 0n;

  const votes: VoteLockout[] = [];
  for (let slot = towerStart; slot <= lastVote; slot++) {
    votes.push({ slot, confirmationCount: Number(lastVote - slot) + 1, latency: 1 });
  }

  const earlier = state.epochCredits.filter((entry) => entry.epoch < position.epoch);
  const previousCredits = earlier.at(-1)?.credits ?? 0n;
  const current: EpochCredits = {
    epoch: position.epoch,
    credits: previousCredits + creditsPerSlot * (position.slotIndex + 1n),
    previousCredits,
  };

  return {
    ...state,
    votes,
    rootSlot: towerStart > 0n ? towerStart - 1n : null,
    epochCredits: [...earlier, current].slice(-MAX_EPOCH_CREDITS_HISTORY),
    lastTimestamp: { slot: lastVote, timestamp: position.unixTimestamp },
  };
}
