import { buildPerformanceSamples } from '../../chain/performanceSamples';
import { type RpcMethodTable, withContext } from '../context';
import {
  checkMinContextSlot,
  readConfig,
  readOptionalBoolean,
  readParams,
  readU64,
} from '../params';
import { invalidParams } from '../rpcError';

/** Maximum number of samples getRecentPerformanceSamples returns (`PERFORMANCE_SAMPLES_LIMIT`). */
const PERFORMANCE_SAMPLES_LIMIT = 720;

export const supplyMethods: RpcMethodTable = {
  /**
   * Reports the faucet's balance as the non-circulating supply, the role the foundation's
   * locked accounts play on mainnet-beta, because the local chain has no such accounts.
   *
   * NOTE: `total` sums the balances of the accounts the node has indexed, in place of the
   * bank's capitalization, which bankrun does not expose. Sysvar and builtin program
   * accounts are not indexed, so `total` is below the capitalization by under 1 SOL.
   */
  async getSupply(params, { chain }) {
    const config = readConfig(readParams(params, 0)[0]);
    const excludeList = readOptionalBoolean(config, 'excludeNonCirculatingAccountsList');
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    let total = 0n;
    for (const key of chain.accounts.all()) {
      total += (await chain.readAccount(key))?.lamports ?? 0n;
    }
    const nonCirculating = (await chain.readAccount(chain.payer.publicKey))?.lamports ?? 0n;
    return withContext(slot, {
      total,
      circulating: total - nonCirculating,
      nonCirculating,
      nonCirculatingAccounts: excludeList ? [] : [chain.payer.publicKey.toBase58()],
    });
  },

  async getRecentPerformanceSamples(params, { chain }) {
    const [limitParam] = readParams(params, 0);
    const limit =
      limitParam === undefined || limitParam === null
        ? PERFORMANCE_SAMPLES_LIMIT
        : Number(readU64(limitParam, 'limit'));
    if (limit > PERFORMANCE_SAMPLES_LIMIT) {
      throw invalidParams(`Invalid limit; max ${PERFORMANCE_SAMPLES_LIMIT}`);
    }

    const samples = buildPerformanceSamples(chain.transactions.all(), await chain.slot(), limit);
    return samples.map((sample) => ({ ...sample }));
  },
};
