import type { ChainService } from '../../../../src/main/chain';
import {
  STAKE_ACCOUNT_DATA_LENGTH,
  STAKE_PROGRAM_ID,
  computeStakeActivation,
  decodeStakeState,
  fetchEpochContext,
  fetchProgramAccounts,
  type StakeActivation,
  type StakeHistoryEntry,
} from '../../../../src/main/chain';

/**
 * Sums this project's activation of every delegation on the cluster at the current epoch.
 * The runtime writes the same sum into the StakeHistory sysvar when the epoch ends, computed
 * by its own stake program code, so comparing the two checks the port against the runtime.
 */
export async function sumClusterActivation(
  chain: ChainService,
): Promise<{ epoch: bigint; totals: StakeActivation }> {
  const schedule = await chain.getEpochSchedule();
  const context = await fetchEpochContext(chain.rpc, schedule, {
    newRateEpochWithoutFeatureAccount: 0n,
  });
  const all = await fetchProgramAccounts(chain.rpc, STAKE_PROGRAM_ID.toBase58(), [
    { dataSize: STAKE_ACCOUNT_DATA_LENGTH },
  ]);

  const totals = { effective: 0n, activating: 0n, deactivating: 0n };
  for (const account of all.accounts) {
    const state = decodeStakeState(account.data, account.address);
    if (state.kind !== 'delegated') {
      continue;
    }
    const activation = computeStakeActivation(
      state.stake.delegation,
      context.epoch,
      context.history,
      context.newRateActivationEpoch,
    );
    totals.effective += activation.effective;
    totals.activating += activation.activating;
    totals.deactivating += activation.deactivating;
  }
  return { epoch: context.epoch, totals };
}

/** Reads the runtime's StakeHistory entry for `epoch`, written when that epoch ended. */
export async function readHistoryEntry(
  chain: ChainService,
  epoch: bigint,
): Promise<StakeHistoryEntry | undefined> {
  const schedule = await chain.getEpochSchedule();
  const context = await fetchEpochContext(chain.rpc, schedule, {
    newRateEpochWithoutFeatureAccount: 0n,
  });
  return context.history.get(epoch);
}
