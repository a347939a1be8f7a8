import { VoteProgram } from '@solana/web3.js';

import { decodeVoteState, type VoteState } from '../../codec/voteState';
import { readActivatedStakes } from '../../network/activatedStake';
import { computeBlockProduction } from '../../network/blockProduction';
import { type RpcMethodTable, withContext } from '../context';
import type { JsonValue } from '../json';
import {
  checkMinContextSlot,
  readConfig,
  readOptionalBoolean,
  readOptionalString,
  readOptionalU64,
  readParams,
  readPubkey,
  type RpcConfig,
} from '../params';
import { invalidParams } from '../rpcError';

/** Slots a vote may lag before its validator counts as delinquent (`DELINQUENT_VALIDATOR_SLOT_DISTANCE`). */
const DELINQUENT_SLOT_DISTANCE = 128n;

/** Epoch-credit entries getVoteAccounts returns per account (`MAX_RPC_VOTE_ACCOUNT_INFO_EPOCH_CREDITS_HISTORY`). */
const EPOCH_CREDITS_SHOWN = 5;

export const validatorMethods: RpcMethodTable = {
  async getVoteAccounts(params, { chain }) {
    const config = readConfig(readParams(params, 0)[0]);
    const votePubkey = readOptionalString(config, 'votePubkey');
    const filterKey = votePubkey === undefined ? undefined : readPubkey(votePubkey).toBase58();
    const keepUnstakedDelinquents = readOptionalBoolean(config, 'keepUnstakedDelinquents');
    const distance = readOptionalU64(config, 'delinquentSlotDistance') ?? DELINQUENT_SLOT_DISTANCE;
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    const stakes = await readActivatedStakes(chain, chain.epochOf(slot));
    const threshold = slot > distance ? slot - distance : 0n;
    const current: JsonValue[] = [];
    const delinquent: JsonValue[] = [];

    for (const key of chain.accounts.all()) {
      const address = key.toBase58();
      if (filterKey !== undefined && address !== filterKey) {
        continue;
      }
      const account = await chain.readAccount(key);
      if (account === null || !account.owner.equals(VoteProgram.programId)) {
        continue;
      }
      let state: VoteState;
      try {
        state = decodeVoteState(account.data);
      } catch {
        // An uninitialized or V0_23_5 vote account has no votes to report.
        continue;
      }
      const activatedStake = stakes.get(address) ?? 0n;
      const lastVote = state.votes.at(-1)?.slot ?? 0n;
      const isCurrent = lastVote > threshold;
      if (!isCurrent && activatedStake === 0n && !keepUnstakedDelinquents) {
        continue;
      }

      const entry: JsonValue = {
        votePubkey: address,
        nodePubkey: state.nodePubkey.toBase58(),
        activatedStake,
        epochVoteAccount: activatedStake > 0n,
        commission: state.commission,
        lastVote,
        epochCredits: state.epochCredits
          .slice(-EPOCH_CREDITS_SHOWN)
          .map((credits) => [credits.epoch, credits.credits, credits.previousCredits]),
        rootSlot: state.rootSlot ?? 0n,
      };
      (isCurrent ? current : delinquent).push(entry);
    }
    return { current, delinquent };
  },

  async getBlockProduction(params, { chain, network }) {
    const config = readConfig(readParams(params, 0)[0]);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);
    const { firstSlot, lastSlot } = readSlotRange(
      config,
      slot,
      chain.firstSlotOf(chain.epochOf(slot)),
    );
    const identity = readOptionalString(config, 'identity');

    const stakes = await readActivatedStakes(chain, chain.epochOf(slot));
    const shares = network.validators.map((validator) => ({
      identity: validator.identity.toBase58(),
      stake: stakes.get(validator.voteAccount.toBase58()) ?? 0n,
      skippedPerMille: validator.skippedPerMille,
    }));
    const production = computeBlockProduction(shares, lastSlot - firstSlot + 1n);

    const byIdentity: Record<string, JsonValue> = {};
    for (const [key, count] of production) {
      if (identity === undefined || identity === key) {
        byIdentity[key] = [count.leaderSlots, count.blocksProduced];
      }
    }
    return withContext(slot, { byIdentity, range: { firstSlot, lastSlot } });
  },
};

function readSlotRange(
  config: RpcConfig,
  currentSlot: bigint,
  epochStart: bigint,
): { firstSlot: bigint; lastSlot: bigint } {
  const range = config['range'];
  if (range === undefined || range === null) {
    return { firstSlot: epochStart, lastSlot: currentSlot };
  }
  if (typeof range !== 'object' || Array.isArray(range)) {
    throw invalidParams('Invalid params: range must be an object with firstSlot.');
  }
  const rangeConfig = range as RpcConfig;
  const firstSlot = readOptionalU64(rangeConfig, 'firstSlot');
  if (firstSlot === undefined) {
    throw invalidParams('Invalid params: missing field `firstSlot`.');
  }
  const lastSlot = readOptionalU64(rangeConfig, 'lastSlot') ?? currentSlot;
  if (lastSlot > currentSlot) {
    throw invalidParams(
      `lastSlot, ${lastSlot}, cannot be greater than current slot, ${currentSlot}`,
    );
  }
  if (firstSlot > lastSlot) {
    throw invalidParams(`lastSlot, ${lastSlot}, cannot be less than firstSlot, ${firstSlot}`);
  }
  return { firstSlot, lastSlot };
}
