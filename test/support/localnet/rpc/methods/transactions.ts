import { type VersionedTransaction } from '@solana/web3.js';
import bs58 from 'bs58';

import type { LocalChainService } from '../../chain/localChain';
import type { TransactionRecord } from '../../chain/transactionLog';
import type { SimulationResult } from '../../chain/transactionProcessor';
import { encodeAccount, readAccountEncoding } from '../accountEncoding';
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
import { invalidParams, RpcError, RpcErrorCode } from '../rpcError';
import {
  decodeWireTransaction,
  encodeTransactionJson,
  encodeTransactionMeta,
  readWireEncoding,
} from '../transactionEncoding';

/** Maximum number of signatures getSignatureStatuses accepts (`MAX_GET_SIGNATURE_STATUSES_QUERY_ITEMS`). */
const MAX_SIGNATURE_STATUSES = 256;

/** Maximum number of entries getSignaturesForAddress returns (`MAX_GET_CONFIRMED_SIGNATURES_FOR_ADDRESS2_LIMIT`). */
const MAX_SIGNATURES_FOR_ADDRESS = 1000;

/** Blocks a node keeps statuses for without `searchTransactionHistory` (`MAX_CACHE_ENTRIES`). */
const STATUS_CACHE_BLOCKS = 300n;

/** Slots after which a block is rooted, so its transactions count as finalized. */
const FINALIZATION_DEPTH = 32n;

const SIGNATURE_VERIFICATION_FAILURE = 'Transaction signature verification failure';

export const transactionMethods: RpcMethodTable = {
  async sendTransaction(params, { chain, processor }) {
    const [encodedParam, configParam] = readParams(params, 1);
    const config = readConfig(configParam);
    const transaction = decodeWireTransaction(encodedParam, readWireEncoding(config['encoding']));
    checkMinContextSlot(config, await chain.slot());
    const signature = bs58.encode(transaction.signatures[0] ?? new Uint8Array(64));
    const validSignatures = processor.hasValidSignatures(transaction);

    if (!readOptionalBoolean(config, 'skipPreflight')) {
      if (!validSignatures) {
        throw new RpcError(
          RpcErrorCode.transactionSignatureVerificationFailure,
          SIGNATURE_VERIFICATION_FAILURE,
        );
      }
      const simulation = await processor.simulate(transaction);
      rejectUnsanitized(simulation);
      if (simulation.err !== null) {
        throw new RpcError(
          RpcErrorCode.sendTransactionPreflightFailure,
          `Transaction simulation failed: ${simulation.errMessage ?? ''}`,
          { ...encodeSimulation(simulation), accounts: null, replacementBlockhash: null },
        );
      }
    }

    // A cluster drops a transaction with a bad signature in sigverify, so it never lands.
    if (validSignatures) {
      await processor.submit(transaction);
    }
    return signature;
  },

  async simulateTransaction(params, { chain, processor }) {
    const [encodedParam, configParam] = readParams(params, 1);
    const config = readConfig(configParam);
    const sigVerify = readOptionalBoolean(config, 'sigVerify');
    const replaceBlockhash = readOptionalBoolean(config, 'replaceRecentBlockhash');
    if (sigVerify && replaceBlockhash) {
      throw invalidParams('sigVerify may not be used with replaceRecentBlockhash');
    }
    const transaction = decodeWireTransaction(encodedParam, readWireEncoding(config['encoding']));
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    if (sigVerify && !processor.hasValidSignatures(transaction)) {
      throw new RpcError(
        RpcErrorCode.transactionSignatureVerificationFailure,
        SIGNATURE_VERIFICATION_FAILURE,
      );
    }

    let replacement: JsonValue = null;
    if (replaceBlockhash) {
      const latest = await chain.latestBlockhash();
      transaction.message.recentBlockhash = latest.blockhash;
      replacement = { ...latest };
    }

    const simulation = await processor.simulate(transaction);
    rejectUnsanitized(simulation);
    return withContext(slot, {
      ...encodeSimulation(simulation),
      accounts: await readSimulationAccounts(chain, transaction, config),
      replacementBlockhash: replacement,
    });
  },

  async getSignatureStatuses(params, { chain }) {
    const [signaturesParam, configParam] = readParams(params, 1);
    if (!Array.isArray(signaturesParam)) {
      throw invalidParams('Invalid params: invalid type: expected a sequence of signatures.');
    }
    if (signaturesParam.length > MAX_SIGNATURE_STATUSES) {
      throw invalidParams(`Too many inputs provided; max ${MAX_SIGNATURE_STATUSES}`);
    }
    const signatures = signaturesParam.map(readSignature);
    const config = readConfig(configParam);
    const searchHistory = readOptionalBoolean(config, 'searchTransactionHistory');
    const slot = await chain.slot();
    const height = await chain.blockHeight();

    const statuses = signatures.map((signature): JsonValue => {
      const record = chain.transactions.find(signature);
      if (record === undefined) {
        return null;
      }
      if (!searchHistory && height - record.blockHeight > STATUS_CACHE_BLOCKS) {
        return null;
      }
      const depth = slot - record.slot;
      const finalized = depth >= FINALIZATION_DEPTH;
      return {
        slot: record.slot,
        confirmations: finalized ? null : depth,
        err: record.err,
        status: record.err === null ? { Ok: null } : { Err: record.err },
        confirmationStatus: finalized ? 'finalized' : 'confirmed',
      };
    });
    return withContext(slot, statuses);
  },

  getTransaction(params, { chain }) {
    const [signatureParam, configParam] = readParams(params, 1);
    const signature = readSignature(signatureParam);
    const config: RpcConfig =
      typeof configParam === 'string' ? { encoding: configParam } : readConfig(configParam);
    if (config['commitment'] === 'processed') {
      throw invalidParams('Method does not support commitment below `confirmed`');
    }
    const encoding = readOptionalString(config, 'encoding') ?? 'json';
    if (encoding !== 'json' && encoding !== 'base64' && encoding !== 'base58') {
      throw invalidParams(
        `Invalid params: encoding \`${encoding}\` is not supported by the local node`,
      );
    }
    const maxVersion = readOptionalU64(config, 'maxSupportedTransactionVersion');

    const record = chain.transactions.find(signature);
    if (record === undefined) {
      return null;
    }
    const version = record.transaction.version;
    if (version !== 'legacy' && maxVersion === undefined) {
      throw new RpcError(
        RpcErrorCode.unsupportedTransactionVersion,
        `Transaction version (${version}) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": ${version}`,
      );
    }

    return {
      slot: record.slot,
      blockTime: record.blockTime,
      version: maxVersion === undefined ? undefined : version,
      meta: encodeTransactionMeta(record),
      transaction: encodeTransaction(record.transaction, encoding),
    };
  },

  async getSignaturesForAddress(params, { chain }) {
    const [addressParam, configParam] = readParams(params, 1);
    const address = readPubkey(addressParam);
    const config = readConfig(configParam);
    const limit = readOptionalU64(config, 'limit') ?? BigInt(MAX_SIGNATURES_FOR_ADDRESS);
    if (limit < 1n || limit > BigInt(MAX_SIGNATURES_FOR_ADDRESS)) {
      throw invalidParams(`Invalid limit; max ${MAX_SIGNATURES_FOR_ADDRESS}`);
    }
    const before = readOptionalString(config, 'before');
    const until = readOptionalString(config, 'until');
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    let records = chain.transactions.forAddress(address.toBase58());
    if (before !== undefined) {
      const index = records.findIndex((record) => record.signature === before);
      records = index < 0 ? [] : records.slice(index + 1);
    }
    if (until !== undefined) {
      const index = records.findIndex((record) => record.signature === until);
      records = index < 0 ? records : records.slice(0, index);
    }
    return records.slice(0, Number(limit)).map((record) => describeSignature(record, slot));
  },
};

function readSignature(value: unknown): string {
  if (typeof value !== 'string') {
    throw invalidParams('Invalid params: invalid type: expected a signature string.');
  }
  let bytes: Uint8Array;
  try {
    bytes = bs58.decode(value);
  } catch {
    throw invalidParams('Invalid param: Invalid');
  }
  if (bytes.length !== 64) {
    throw invalidParams('Invalid param: WrongSize');
  }
  return value;
}

/** Agave checks sanitization before simulating and reports it as invalid params. */
function rejectUnsanitized(simulation: SimulationResult): void {
  if (simulation.err === 'SanitizeFailure') {
    throw invalidParams(`invalid transaction: ${simulation.errMessage ?? ''}`);
  }
}

function encodeSimulation(simulation: SimulationResult): Record<string, JsonValue> {
  const returnData = simulation.returnData;
  return {
    err: simulation.err,
    logs: simulation.logs,
    unitsConsumed: simulation.unitsConsumed,
    returnData:
      returnData === null
        ? null
        : {
            programId: returnData.programId.toBase58(),
            data: [Buffer.from(returnData.data).toString('base64'), 'base64'],
          },
    innerInstructions: null,
  };
}

/**
 * Reads the accounts that a simulateTransaction request lists.
 * NOTE: bankrun's simulation returns no account states, so these are the states before the
 * transaction, not after it as on a real node.
 */
async function readSimulationAccounts(
  chain: LocalChainService,
  transaction: VersionedTransaction,
  config: RpcConfig,
): Promise<JsonValue> {
  const request = config['accounts'];
  if (request === undefined || request === null) {
    return null;
  }
  if (typeof request !== 'object' || Array.isArray(request)) {
    throw invalidParams('Invalid params: accounts must be an object with addresses.');
  }
  const accountsConfig = request as RpcConfig;
  const addresses = accountsConfig['addresses'];
  if (!Array.isArray(addresses)) {
    throw invalidParams('Invalid params: accounts.addresses must be an array.');
  }
  const accountLimit = transaction.message.staticAccountKeys.length;
  if (addresses.length > accountLimit) {
    throw invalidParams(`Too many accounts provided; max ${accountLimit}`);
  }
  const encoding = readAccountEncoding(accountsConfig, 'base64');
  if (encoding === 'binary' || encoding === 'base58') {
    throw invalidParams(`Invalid params: ${encoding} encoding not supported`);
  }

  const accounts: JsonValue[] = [];
  for (const address of addresses) {
    const account = await chain.readAccount(readPubkey(address));
    accounts.push(account === null ? null : encodeAccount(account, encoding, undefined));
  }
  return accounts;
}

function encodeTransaction(transaction: VersionedTransaction, encoding: string): JsonValue {
  switch (encoding) {
    case 'base64':
      return [Buffer.from(transaction.serialize()).toString('base64'), 'base64'];
    case 'base58':
      return [bs58.encode(transaction.serialize()), 'base58'];
    default:
      return encodeTransactionJson(transaction);
  }
}

function describeSignature(record: TransactionRecord, slot: bigint): JsonValue {
  return {
    signature: record.signature,
    slot: record.slot,
    err: record.err,
    memo: null,
    blockTime: record.blockTime,
    confirmationStatus: slot - record.slot >= FINALIZATION_DEPTH ? 'finalized' : 'confirmed',
  };
}
