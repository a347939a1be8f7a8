import type { RewardEntry } from '../../../shared/domain/chain';
import { isWalletError, type WalletError, type WalletErrorData } from '../../../shared/errors';
import type { ReadOptions } from '../rpc/accountReads';
import { chunk, mapWithConcurrency } from '../rpc/mapWithConcurrency';
import type { RpcService } from '../rpc/rpcService';
import { inflationRewardsSchema, type RpcInflationReward } from '../rpc/rpcSchemas';

/** Addresses per getInflationReward request, the same cap Agave applies to account reads. */
const ADDRESSES_PER_REQUEST = 100;
const REQUEST_CONCURRENCY = 3;

/**
 * Agave's JSON-RPC error for an epoch whose rewards are still being paid out in partitions
 * (`JSON_RPC_SERVER_ERROR_EPOCH_REWARDS_PERIOD_ACTIVE`).
 */
const EPOCH_REWARDS_PERIOD_ACTIVE = -32017;

export interface InflationRewardsResult {
  /** One entry per address and epoch, ordered by epoch, then by the input address order. */
  entries: RewardEntry[];
  warnings: WalletErrorData[];
}

/**
 * Reads the inflation rewards paid to `addresses` for each of `epochs`, one request per epoch
 * and 100 addresses. An epoch the node cannot serve yields `unavailable` entries and a
 * warning instead of failing the whole read; an epoch still paying out yields `pending`.
 */
export async function fetchInflationRewards(
  rpc: RpcService,
  addresses: readonly string[],
  epochs: readonly number[],
  options: ReadOptions = {},
): Promise<InflationRewardsResult> {
  const unique = [...new Set(addresses)];
  const jobs = [...new Set(epochs)]
    .sort((left, right) => left - right)
    .flatMap((epoch) => chunk(unique, ADDRESSES_PER_REQUEST).map((group) => ({ epoch, group })));
  const warnings: WalletErrorData[] = [];

  const groups = await mapWithConcurrency(jobs, REQUEST_CONCURRENCY, async ({ epoch, group }) => {
    try {
      const response = await rpc.request(
        'getInflationReward',
        [group, { epoch, commitment: options.commitment ?? 'confirmed' }],
        inflationRewardsSchema,
        options,
      );
      return group.map((address, index) =>
        toPaidOrNone(address, epoch, response.value[index] ?? null),
      );
    } catch (error) {
      if (!isWalletError(error) || error.code === 'CANCELLED') {
        throw error;
      }
      const status = isRewardsPeriodActive(error) ? 'pending' : 'unavailable';
      if (status === 'unavailable') {
        warnings.push(error.toData());
      }
      return group.map((address) => emptyEntry(address, epoch, status));
    }
  });

  return { entries: groups.flat(), warnings };
}

function toPaidOrNone(
  address: string,
  epoch: number,
  reward: RpcInflationReward | null,
): RewardEntry {
  if (reward === null) {
    return emptyEntry(address, epoch, 'none');
  }
  return {
    address,
    epoch,
    status: 'paid',
    amount: reward.amount.toString(),
    postBalance: reward.postBalance.toString(),
    effectiveSlot: reward.effectiveSlot,
    commission: reward.commission ?? null,
  };
}

function emptyEntry(address: string, epoch: number, status: RewardEntry['status']): RewardEntry {
  return {
    address,
    epoch,
    status,
    amount: '0',
    postBalance: null,
    effectiveSlot: null,
    commission: null,
  };
}

function isRewardsPeriodActive(error: WalletError): boolean {
  if (error.code !== 'RPC_METHOD_ERROR') {
    return false;
  }
  const context = error.context as { rpcCode: number };
  return context.rpcCode === EPOCH_REWARDS_PERIOD_ACTIVE;
}

/**
 * Lists the last `count` completed epochs before `currentEpoch`, oldest first. Rewards for an
 * epoch are paid at the start of the next one, so the current epoch has none yet.
 */
export function listRecentCompletedEpochs(currentEpoch: number, count: number): number[] {
  const first = Math.max(0, currentEpoch - count);
  return Array.from({ length: currentEpoch - first }, (_, index) => first + index);
}
