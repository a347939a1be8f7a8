import { StakeProgram, SYSVAR_STAKE_HISTORY_PUBKEY } from '@solana/web3.js';

import type { LocalChainService } from '../chain/localChain';
import { decodeStakeHistory, type StakeHistoryEntry } from '../codec/stakeHistory';
import { decodeStakeState } from '../codec/stakeState';
import { computeStakeActivation } from './stakeActivation';

/** Epoch in which the reduced warmup and cooldown rate applies on bankrun: all features are on. */
const NEW_WARMUP_COOLDOWN_RATE_EPOCH = 0n;

export async function readStakeHistory(
  chain: LocalChainService,
): Promise<Map<bigint, StakeHistoryEntry>> {
  const account = await chain.readAccount(SYSVAR_STAKE_HISTORY_PUBKEY);
  const entries = account === null ? [] : decodeStakeHistory(account.data);
  return new Map(entries.map((entry) => [entry.epoch, entry]));
}

/**
 * Sums the effective stake delegated to each vote account in `epoch`, over every stake
 * account in the chain's index.
 */
export async function readActivatedStakes(
  chain: LocalChainService,
  epoch: bigint,
): Promise<Map<string, bigint>> {
  const history = await readStakeHistory(chain);
  const totals = new Map<string, bigint>();
  for (const key of chain.accounts.all()) {
    const account = await chain.readAccount(key);
    if (account === null || !account.owner.equals(StakeProgram.programId)) {
      continue;
    }
    let state;
    try {
      state = decodeStakeState(account.data);
    } catch {
      continue;
    }
    if (state.kind !== 'stake') {
      continue;
    }
    const { effective } = computeStakeActivation(
      state.delegation,
      epoch,
      history,
      NEW_WARMUP_COOLDOWN_RATE_EPOCH,
    );
    const voter = state.delegation.voter.toBase58();
    totals.set(voter, (totals.get(voter) ?? 0n) + effective);
  }
  return totals;
}
