import { type PublicKey } from '@solana/web3.js';

import { BincodeReader, BincodeWriter } from './bincode';

/** Account size the vote program allocates for a vote account (`VoteState::size_of()`). */
export const VOTE_STATE_SIZE = 3762;

/** Tags of the `VoteStateVersions` enum in solana-vote-program 1.18. */
const VOTE_STATE_V1_14_11 = 1;
const VOTE_STATE_CURRENT = 2;

/** `CircBuf<(Pubkey, Epoch, Epoch)>` of 32 entries plus its index and empty flag. */
const PRIOR_VOTERS_SIZE = 32 * (32 + 8 + 8) + 8 + 1;

/** Maximum number of epoch-credit entries a vote account keeps (`MAX_EPOCH_CREDITS_HISTORY`). */
export const MAX_EPOCH_CREDITS_HISTORY = 64;

/** Maximum number of lockouts in a vote tower (`MAX_LOCKOUT_HISTORY`). */
export const MAX_LOCKOUT_HISTORY = 31;

export interface VoteLockout {
  slot: bigint;
  confirmationCount: number;
  /** Slots between the voted slot and the slot the vote landed in (0 for V1_14_11 data). */
  latency: number;
}

export interface EpochCredits {
  epoch: bigint;
  /** Credits accumulated up to the end of `epoch`. */
  credits: bigint;
  /** Credits accumulated before `epoch` began. */
  previousCredits: bigint;
}

export interface AuthorizedVoter {
  epoch: bigint;
  voter: PublicKey;
}

/** Decoded `VoteState` of solana-vote-program 1.18. */
export interface VoteState {
  nodePubkey: PublicKey;
  authorizedWithdrawer: PublicKey;
  commission: number;
  votes: VoteLockout[];
  rootSlot: bigint | null;
  authorizedVoters: AuthorizedVoter[];
  /** Raw `prior_voters` ring buffer, kept as bytes because nothing here reads it. */
  priorVoters: Uint8Array;
  epochCredits: EpochCredits[];
  lastTimestamp: { slot: bigint; timestamp: bigint };
}

/** Decodes vote account data written as `VoteStateVersions::V1_14_11` or `Current`. */
export function decodeVoteState(data: Uint8Array): VoteState {
  const reader = new BincodeReader(data);
  const version = reader.u32();
  if (version !== VOTE_STATE_V1_14_11 && version !== VOTE_STATE_CURRENT) {
    throw new Error(`unsupported vote state version ${version}`);
  }

  const nodePubkey = reader.pubkey();
  const authorizedWithdrawer = reader.pubkey();
  const commission = reader.u8();

  const votes: VoteLockout[] = [];
  const voteCount = reader.length();
  for (let i = 0; i < voteCount; i++) {
    const latency = version === VOTE_STATE_CURRENT ? reader.u8() : 0;
    const slot = reader.u64();
    const confirmationCount = reader.u32();
    votes.push({ slot, confirmationCount, latency });
  }

  const rootSlot = reader.bool() ? reader.u64() : null;

  const authorizedVoters: AuthorizedVoter[] = [];
  const voterCount = reader.length();
  for (let i = 0; i < voterCount; i++) {
    authorizedVoters.push({ epoch: reader.u64(), voter: reader.pubkey() });
  }

  const priorStart = reader.position;
  reader.skip(PRIOR_VOTERS_SIZE);
  const priorVoters = data.slice(priorStart, priorStart + PRIOR_VOTERS_SIZE);

  const epochCredits: EpochCredits[] = [];
  const creditCount = reader.length();
  for (let i = 0; i < creditCount; i++) {
    epochCredits.push({
      epoch: reader.u64(),
      credits: reader.u64(),
      previousCredits: reader.u64(),
    });
  }

  const lastTimestamp = { slot: reader.u64(), timestamp: reader.i64() };

  return {
    nodePubkey,
    authorizedWithdrawer,
    commission,
    votes,
    rootSlot,
    authorizedVoters,
    priorVoters,
    epochCredits,
    lastTimestamp,
  };
}

/** Encodes a vote state as `VoteStateVersions::Current` into a `VOTE_STATE_SIZE` buffer. */
export function encodeVoteState(state: VoteState): Uint8Array {
  const writer = new BincodeWriter(VOTE_STATE_SIZE);
  writer.u32(VOTE_STATE_CURRENT);
  writer.pubkey(state.nodePubkey);
  writer.pubkey(state.authorizedWithdrawer);
  writer.u8(state.commission);

  writer.u64(BigInt(state.votes.length));
  for (const vote of state.votes) {
    writer.u8(vote.latency).u64(vote.slot).u32(vote.confirmationCount);
  }

  writer.bool(state.rootSlot !== null);
  if (state.rootSlot !== null) {
    writer.u64(state.rootSlot);
  }

  writer.u64(BigInt(state.authorizedVoters.length));
  for (const entry of state.authorizedVoters) {
    writer.u64(entry.epoch).pubkey(entry.voter);
  }

  writer.raw(state.priorVoters);

  writer.u64(BigInt(state.epochCredits.length));
  for (const entry of state.epochCredits) {
    writer.u64(entry.epoch).u64(entry.credits).u64(entry.previousCredits);
  }

  writer.u64(state.lastTimestamp.slot).i64(state.lastTimestamp.timestamp);
  return writer.bytes;
}

/** Builds the prior-voters ring buffer of a fresh vote account: empty, index 31. */
export function emptyPriorVoters(): Uint8Array {
  const writer = new BincodeWriter(PRIOR_VOTERS_SIZE);
  writer.skip(32 * 48);
  writer.u64(31n);
  writer.bool(true);
  return writer.bytes;
}
