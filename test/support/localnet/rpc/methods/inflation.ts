import type { LocalChainService } from '../../chain/localChain';
import { type RpcMethodTable } from '../context';
import type { JsonValue } from '../json';
import {
  checkMinContextSlot,
  readConfig,
  readOptionalU64,
  readParams,
  readPubkeyList,
} from '../params';
import { RpcError, RpcErrorCode } from '../rpcError';

/** Seconds in a year as Agave counts them for inflation (`SECONDS_PER_YEAR`). */
const SECONDS_PER_YEAR = 365.242_199 * 24 * 60 * 60;

/** Maximum number of addresses getInflationReward accepts (`MAX_MULTIPLE_ACCOUNTS`). */
const MAX_INFLATION_REWARD_ADDRESSES = 100;

export const inflationMethods: RpcMethodTable = {
  getInflationGovernor(params, { chain }) {
    readConfig(readParams(params, 0)[0]);
    const inflation = chain.genesisConfig.inflation;
    return {
      initial: inflation.initial,
      terminal: inflation.terminal,
      taper: inflation.taper,
      foundation: inflation.foundation,
      foundationTerm: inflation.foundationTerm,
    };
  },

  async getInflationRate(_params, { chain }) {
    const epoch = chain.epochOf(await chain.slot());
    const year = yearOfEpoch(chain, epoch);
    const inflation = chain.genesisConfig.inflation;
    const tapered = inflation.initial * (1 - inflation.taper) ** year;
    const total = tapered > inflation.terminal ? tapered : inflation.terminal;
    const foundation = year < inflation.foundationTerm ? total * inflation.foundation : 0;
    return { total, validator: total - foundation, foundation, epoch };
  },

  async getInflationReward(params, { chain }) {
    const [addressesParam, configParam] = readParams(params, 1);
    const addresses = readPubkeyList(addressesParam, MAX_INFLATION_REWARD_ADDRESSES);
    const config = readConfig(configParam);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    const currentEpoch = chain.epochOf(slot);
    const epoch = readOptionalU64(config, 'epoch') ?? (currentEpoch > 0n ? currentEpoch - 1n : 0n);
    // Rewards for an epoch are paid in the first blocks of the next one.
    if (epoch >= currentEpoch) {
      throw new RpcError(
        RpcErrorCode.blockNotAvailable,
        `Block not available for slot ${chain.firstSlotOf(epoch + 1n)}`,
      );
    }

    return addresses.map((address): JsonValue => {
      const reward = chain.rewards.find(address.toBase58(), epoch);
      return reward === null ? null : { ...reward };
    });
  },
};

/**
 * Returns the inflation year of `epoch`'s first slot, from the genesis tick rate, as
 * Agave's `slot_in_year_for_inflation` does when inflation starts at genesis.
 */
function yearOfEpoch(chain: LocalChainService, epoch: bigint): number {
  const genesis = chain.genesisConfig;
  // NOTE: read as microseconds. bankrun does not document the unit, but microseconds match
  // the rewards its runtime pays per epoch.
  const secondsPerSlot =
    (Number(genesis.ticksPerSlot) * Number(genesis.pohConfig.targetTickDuration)) / 1_000_000;
  const slotsPerYear = SECONDS_PER_YEAR / secondsPerSlot;
  return Number(chain.firstSlotOf(epoch)) / slotsPerYear;
}
