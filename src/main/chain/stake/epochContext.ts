import { WalletError } from '../../../shared/errors';
import { CLOCK_SYSVAR_ID, decodeClock } from '../decode/clock';
import { decodeFeatureActivationSlot } from '../decode/feature';
import { decodeStakeHistory, type StakeHistoryEntry } from '../decode/stakeHistory';
import { fetchMultipleAccounts, type ReadOptions } from '../rpc/accountReads';
import type { RpcService } from '../rpc/rpcService';
import type { RpcEpochSchedule } from '../rpc/rpcSchemas';
import { REDUCE_STAKE_WARMUP_COOLDOWN_FEATURE_ID, STAKE_HISTORY_SYSVAR_ID } from '../programIds';
import { getEpochOfSlot } from './epochSchedule';
import type { ActivationContext } from './stakeBalances';

/** Cluster state at one slot that stake balances are computed against. */
export interface EpochContext extends ActivationContext {
  slot: number;
  endpoint: string;
  history: Map<bigint, StakeHistoryEntry>;
}

export interface EpochContextOptions extends ReadOptions {
  /**
   * Epoch from which the 9 % rate applies when the cluster has no account for the
   * `reduce_stake_warmup_cooldown` feature. New clusters activate every feature at genesis,
   * so 0 is the usual choice.
   */
  newRateEpochWithoutFeatureAccount: bigint | null;
}

/**
 * Reads the Clock and StakeHistory sysvars and the warmup-rate feature account in one
 * getMultipleAccounts request, so that all three describe the same slot.
 *
 * @throws WalletError RPC_INVALID_RESPONSE when a sysvar is missing, ACCOUNT_DECODE_FAILED
 *   when one cannot be decoded, or the RpcService's errors.
 */
export async function fetchEpochContext(
  rpc: RpcService,
  schedule: RpcEpochSchedule,
  options: EpochContextOptions,
): Promise<EpochContext> {
  const clockAddress = CLOCK_SYSVAR_ID.toBase58();
  const historyAddress = STAKE_HISTORY_SYSVAR_ID.toBase58();
  const featureAddress = REDUCE_STAKE_WARMUP_COOLDOWN_FEATURE_ID.toBase58();
  const batch = await fetchMultipleAccounts(
    rpc,
    [clockAddress, historyAddress, featureAddress],
    options,
  );

  const clockAccount = batch.accounts.get(clockAddress);
  const historyAccount = batch.accounts.get(historyAddress);
  const endpoint = batch.endpoints[0] ?? rpc.preferredEndpoint;
  if (!clockAccount || !historyAccount) {
    throw new WalletError(
      'RPC_INVALID_RESPONSE',
      { endpoint, method: 'getMultipleAccounts', reason: 'Clock or StakeHistory sysvar missing' },
      'The endpoint returned no Clock or StakeHistory sysvar',
    );
  }

  const clock = decodeClock(clockAccount.data);
  const featureAccount = batch.accounts.get(featureAddress);
  let newRateActivationEpoch = options.newRateEpochWithoutFeatureAccount;
  if (featureAccount) {
    const activationSlot = decodeFeatureActivationSlot(featureAccount.data, featureAddress);
    newRateActivationEpoch =
      activationSlot === null ? null : getEpochOfSlot(schedule, activationSlot);
  }

  return {
    slot: Number(clock.slot),
    epoch: clock.epoch,
    unixTimestamp: clock.unixTimestamp,
    history: decodeStakeHistory(historyAccount.data),
    newRateActivationEpoch,
    endpoint,
  };
}
