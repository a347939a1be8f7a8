import type { Logger } from 'pino';

import type { ValidatorView } from '../../../shared/domain/chain';
import { isWalletError, type WalletErrorData } from '../../../shared/errors';
import type { ValidatorInfo } from '../decode/validatorInfo';
import { readAverageSecondsPerSlot } from '../rewards/epochDurations';
import type { ReadOptions } from '../rpc/accountReads';
import type { RpcService } from '../rpc/rpcService';
import {
  blockProductionSchema,
  epochInfoSchema,
  inflationRateSchema,
  supplySchema,
  voteAccountsSchema,
  type RpcEpochSchedule,
} from '../rpc/rpcSchemas';
import type { NetworkYieldInputs } from './apyEstimate';
import { getFirstSlotOfEpoch } from '../stake/epochSchedule';
import { buildValidatorViews } from './buildValidatorViews';
import { fetchValidatorInfos } from './validatorInfoRead';

export interface ValidatorServiceDependencies {
  rpc: RpcService;
  logger: Logger;
  getEpochSchedule: (options: ReadOptions) => Promise<RpcEpochSchedule>;
  now?: () => Date;
}

export interface ValidatorListOptions extends ReadOptions {
  /** Completed epochs that the vote-credit comparison covers; 5 when absent. */
  creditEpochs?: number;
}

export interface ValidatorList {
  validators: ValidatorView[];
  epoch: number;
  slot: number;
  fetchedAt: string;
  /** Optional parts that failed (names, skip rate, APY inputs); their fields are null. */
  warnings: WalletErrorData[];
}

/**
 * Lists the cluster's validators with their performance. Vote accounts and the epoch are
 * required. Validator info, block production and the APY inputs are optional, so a failure
 * there leaves the matching fields null and adds a warning. Commission is compared with the
 * previous list this service produced, to show changes.
 */
export class ValidatorService {
  private readonly rpc: RpcService;
  private readonly logger: Logger;
  private readonly getEpochSchedule: (options: ReadOptions) => Promise<RpcEpochSchedule>;
  private readonly now: () => Date;
  private previousCommission: Map<string, number> | null = null;

  constructor(dependencies: ValidatorServiceDependencies) {
    this.rpc = dependencies.rpc;
    this.logger = dependencies.logger;
    this.getEpochSchedule = dependencies.getEpochSchedule;
    this.now = dependencies.now ?? (() => new Date());
  }

  /** Sets the commission each vote account had in a saved list, to compare against. */
  seedPreviousCommission(validators: readonly Pick<ValidatorView, 'votePubkey' | 'commission'>[]) {
    this.previousCommission = new Map(
      validators.map((entry) => [entry.votePubkey, entry.commission]),
    );
  }

  /**
   * @throws WalletError from the RpcService when the epoch or the vote accounts cannot be read.
   */
  async listValidators(options: ValidatorListOptions = {}): Promise<ValidatorList> {
    const rpc = this.rpc;
    const warnings: WalletErrorData[] = [];
    const optional = <T>(promise: Promise<T>): Promise<T | null> =>
      promise.catch((error: unknown) => {
        if (!isWalletError(error) || error.code === 'CANCELLED') {
          throw error;
        }
        warnings.push(error.toData());
        return null;
      });

    const epochInfo = await rpc.request(
      'getEpochInfo',
      [{ commitment: 'confirmed' }],
      epochInfoSchema,
      options,
    );
    const [voteAccounts, infos, production, network] = await Promise.all([
      rpc.request(
        'getVoteAccounts',
        [{ commitment: 'confirmed', keepUnstakedDelinquents: false }],
        voteAccountsSchema,
        options,
      ),
      optional(fetchValidatorInfos(rpc, this.logger, options)),
      optional(this.readBlockProduction(epochInfo.value.epoch, options)),
      optional(this.readNetworkYieldInputs(options)),
    ]);

    const { current, delinquent } = voteAccounts.value;
    const validators = buildValidatorViews({
      current,
      delinquent,
      infos: infos ?? new Map<string, ValidatorInfo>(),
      blockProduction: production,
      currentEpoch: epochInfo.value.epoch,
      creditEpochs: options.creditEpochs ?? 5,
      network:
        network === null ? null : { ...network, totalActiveStake: sumStake(current, delinquent) },
      previousCommission: this.previousCommission,
    });
    this.previousCommission = new Map(validators.map((view) => [view.votePubkey, view.commission]));

    this.logger.info(
      { validators: validators.length, warnings: warnings.length },
      'listed validators',
    );
    return {
      validators,
      epoch: epochInfo.value.epoch,
      slot: epochInfo.value.absoluteSlot,
      fetchedAt: this.now().toISOString(),
      warnings,
    };
  }

  /**
   * Reads leader slots and produced blocks over the last completed epoch, because early in an
   * epoch the current one has too few leader slots to compare. Epoch 0 uses the current epoch.
   */
  private async readBlockProduction(
    currentEpoch: number,
    options: ReadOptions,
  ): Promise<Map<string, readonly [number, number]>> {
    const config: Record<string, unknown> = { commitment: 'confirmed' };
    if (currentEpoch > 0) {
      const schedule = await this.getEpochSchedule(options);
      const firstSlot = getFirstSlotOfEpoch(schedule, BigInt(currentEpoch - 1));
      const nextFirstSlot = getFirstSlotOfEpoch(schedule, BigInt(currentEpoch));
      config['range'] = { firstSlot: Number(firstSlot), lastSlot: Number(nextFirstSlot - 1n) };
    }

    const response = await this.rpc.request(
      'getBlockProduction',
      [config],
      blockProductionSchema,
      options,
    );
    return new Map(Object.entries(response.value.value.byIdentity));
  }

  private async readNetworkYieldInputs(
    options: ReadOptions,
  ): Promise<Omit<NetworkYieldInputs, 'totalActiveStake'>> {
    const [inflation, supply, schedule, secondsPerSlot] = await Promise.all([
      this.rpc.request('getInflationRate', [], inflationRateSchema, options),
      this.rpc.request(
        'getSupply',
        [{ commitment: 'confirmed', excludeNonCirculatingAccountsList: true }],
        supplySchema,
        options,
      ),
      this.getEpochSchedule(options),
      readAverageSecondsPerSlot(this.rpc, options),
    ]);
    return {
      validatorInflation: inflation.value.validator,
      totalSupply: supply.value.value.total,
      epochSeconds: schedule.slotsPerEpoch * secondsPerSlot,
    };
  }
}

function sumStake(...groups: readonly (readonly { activatedStake: bigint }[])[]): bigint {
  return groups.flat().reduce((sum, account) => sum + account.activatedStake, 0n);
}
