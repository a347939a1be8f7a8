import { ComputeBudgetProgram, type PublicKey, VersionedMessage } from '@solana/web3.js';

import { transferFromFaucet } from '../../chain/faucet';
import { readStakeMinimumDelegation } from '../../chain/stakeMinimumDelegation';
import type { TransactionRecord } from '../../chain/transactionLog';
import { type RpcMethodTable, SOLANA_CORE_VERSION, withContext } from '../context';
import type { JsonValue } from '../json';
import {
  checkMinContextSlot,
  readConfig,
  readParams,
  readPubkey,
  readPubkeyList,
  readU64,
} from '../params';
import { invalidParams, RpcError, RpcErrorCode } from '../rpcError';

/** Number of recent slots getRecentPrioritizationFees covers (`MAX_NUM_RECENT_PRIORITIZATION_FEES`). */
const RECENT_PRIORITIZATION_SLOTS = 150n;

/** Maximum number of addresses getRecentPrioritizationFees accepts (`MAX_TX_ACCOUNT_LOCKS`). */
const MAX_PRIORITIZATION_ADDRESSES = 128;

/** Index of the ComputeBudget SetComputeUnitPrice instruction (price in micro-lamports). */
const SET_COMPUTE_UNIT_PRICE = 3;

/**
 * Value reported as `feature-set` by getVersion.
 * NOTE: a fixed placeholder, because bankrun does not expose the feature-set id of its runtime.
 */
const FEATURE_SET_ID = 0;

export const clusterMethods: RpcMethodTable = {
  async getSlot(params, { chain }) {
    const config = readConfig(readParams(params, 0)[0]);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);
    return slot;
  },

  async getBlockHeight(params, { chain }) {
    const config = readConfig(readParams(params, 0)[0]);
    checkMinContextSlot(config, await chain.slot());
    return chain.blockHeight();
  },

  async getEpochInfo(params, { chain }) {
    const config = readConfig(readParams(params, 0)[0]);
    const info = await chain.epochInfo();
    checkMinContextSlot(config, info.absoluteSlot);
    return { ...info };
  },

  getEpochSchedule(_params, { chain }) {
    const schedule = chain.epochSchedule;
    return {
      slotsPerEpoch: schedule.slotsPerEpoch,
      leaderScheduleSlotOffset: schedule.leaderScheduleSlotOffset,
      warmup: schedule.warmup,
      firstNormalEpoch: schedule.firstNormalEpoch,
      firstNormalSlot: schedule.firstNormalSlot,
    };
  },

  getGenesisHash(_params, { chain }) {
    return chain.genesisHash;
  },

  getVersion() {
    return { 'solana-core': SOLANA_CORE_VERSION, 'feature-set': FEATURE_SET_ID };
  },

  getHealth() {
    return 'ok';
  },

  getIdentity(_params, { network }) {
    const bootstrap = network.validators.find((validator) => validator.keys === null);
    return { identity: (bootstrap ?? network.validators[0])?.identity.toBase58() ?? null };
  },

  async getLatestBlockhash(params, { chain }) {
    const config = readConfig(readParams(params, 0)[0]);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);
    const latest = await chain.latestBlockhash();
    return withContext(slot, { ...latest });
  },

  async isBlockhashValid(params, { chain }) {
    const [hashParam, configParam] = readParams(params, 1);
    if (typeof hashParam !== 'string') {
      throw invalidParams('Invalid params: blockhash must be a string.');
    }
    const config = readConfig(configParam);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    const lastValid = chain.blockhashes.lastValidBlockHeight(hashParam);
    const valid =
      lastValid !== undefined && !chain.blockhashes.isExpired(hashParam, await chain.blockHeight());
    return withContext(slot, valid);
  },

  async getMinimumBalanceForRentExemption(params, { chain }) {
    const [sizeParam] = readParams(params, 1);
    const size = readU64(sizeParam, 'data length');
    const rent = await chain.banks.getRent();
    return rent.minimumBalance(size);
  },

  async getStakeMinimumDelegation(params, { chain, processor }) {
    const config = readConfig(readParams(params, 0)[0]);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);
    return withContext(slot, await readStakeMinimumDelegation(chain, processor));
  },

  async getFeeForMessage(params, { chain, processor }) {
    const [messageParam, configParam] = readParams(params, 1);
    if (typeof messageParam !== 'string') {
      throw invalidParams('Invalid params: message must be a base64 string.');
    }
    const config = readConfig(configParam);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    let message: VersionedMessage;
    try {
      message = VersionedMessage.deserialize(Buffer.from(messageParam, 'base64'));
    } catch (error) {
      throw invalidParams(`invalid message: ${String(error)}`);
    }
    return withContext(slot, await processor.fee(message));
  },

  async getRecentPrioritizationFees(params, { chain }) {
    const [addressesParam] = readParams(params, 0);
    const addresses =
      addressesParam === undefined
        ? []
        : readPubkeyList(addressesParam, MAX_PRIORITIZATION_ADDRESSES);
    const current = await chain.slot();
    const first =
      current >= RECENT_PRIORITIZATION_SLOTS ? current - RECENT_PRIORITIZATION_SLOTS + 1n : 0n;

    const fees: JsonValue[] = [];
    for (let slot = first; slot <= current; slot++) {
      fees.push({
        slot,
        prioritizationFee: computeSlotFee(chain.transactions.inSlot(slot), addresses),
      });
    }
    return fees;
  },

  async getBlockTime(params, { chain }) {
    const [slotParam] = readParams(params, 1);
    const slot = readU64(slotParam, 'slot');
    if (slot > (await chain.slot())) {
      throw new RpcError(RpcErrorCode.blockNotAvailable, `Block not available for slot ${slot}`);
    }
    return chain.timeOfSlot(slot);
  },

  async requestAirdrop(params, { chain, processor }) {
    const [keyParam, lamportsParam] = readParams(params, 2);
    const recipient = readPubkey(keyParam);
    const lamports = readU64(lamportsParam, 'lamports');
    try {
      return await transferFromFaucet(chain, processor, recipient, lamports);
    } catch (error) {
      throw new RpcError(RpcErrorCode.internalError, `airdrop request failed: ${String(error)}`);
    }
  },
};

/**
 * Returns the fee Agave's prioritization fee cache reports for a block: the lowest
 * compute-unit price in the block, raised to the lowest price among transactions that
 * write-lock each requested account, whichever is highest.
 */
function computeSlotFee(records: TransactionRecord[], addresses: PublicKey[]): bigint {
  let fee = minimumPrice(records);
  for (const address of addresses) {
    const writers = records.filter((record) => writesTo(record, address.toBase58()));
    if (writers.length > 0) {
      const accountFee = minimumPrice(writers);
      fee = accountFee > fee ? accountFee : fee;
    }
  }
  return fee;
}

function minimumPrice(records: TransactionRecord[]): bigint {
  const prices = records.map(readComputeUnitPrice);
  return prices.length === 0 ? 0n : prices.reduce((a, b) => (a < b ? a : b));
}

function writesTo(record: TransactionRecord, address: string): boolean {
  const index = record.accountKeys.findIndex((key) => key.toBase58() === address);
  return index >= 0 && record.transaction.message.isAccountWritable(index);
}

function readComputeUnitPrice(record: TransactionRecord): bigint {
  const message = record.transaction.message;
  for (const instruction of message.compiledInstructions) {
    const program = message.staticAccountKeys[instruction.programIdIndex];
    if (
      program?.equals(ComputeBudgetProgram.programId) === true &&
      instruction.data[0] === SET_COMPUTE_UNIT_PRICE &&
      instruction.data.length >= 9
    ) {
      return Buffer.from(instruction.data).readBigUInt64LE(1);
    }
  }
  return 0n;
}
