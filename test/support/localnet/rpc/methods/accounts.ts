import bs58 from 'bs58';

import type { RawAccount } from '../../chain/localChain';
import { encodeAccount, readAccountEncoding, readDataSlice } from '../accountEncoding';
import { type RpcMethodTable, withContext } from '../context';
import type { JsonValue } from '../json';
import {
  checkMinContextSlot,
  formatValue,
  readConfig,
  readOptionalBoolean,
  readParams,
  readPubkey,
  readPubkeyList,
  type RpcConfig,
} from '../params';
import { invalidParams } from '../rpcError';

/** Maximum number of keys getMultipleAccounts accepts (`MAX_MULTIPLE_ACCOUNTS`). */
const MAX_MULTIPLE_ACCOUNTS = 100;

/** Maximum number of filters getProgramAccounts accepts (`MAX_GET_PROGRAM_ACCOUNT_FILTERS`). */
const MAX_PROGRAM_ACCOUNT_FILTERS = 4;

/** Maximum memcmp pattern length in bytes (`MAX_DATA_SIZE` of `RpcFilterType::Memcmp`). */
const MAX_MEMCMP_BYTES = 128;

type AccountFilter =
  { kind: 'dataSize'; size: number } | { kind: 'memcmp'; offset: number; bytes: Uint8Array };

export const accountMethods: RpcMethodTable = {
  async getAccountInfo(params, { chain }) {
    const [keyParam, configParam] = readParams(params, 1);
    const key = readPubkey(keyParam);
    const config = readConfig(configParam);
    const encoding = readAccountEncoding(config, 'binary');
    const slice = readDataSlice(config);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    const account = await chain.readAccount(key);
    return withContext(slot, account === null ? null : encodeAccount(account, encoding, slice));
  },

  async getMultipleAccounts(params, { chain }) {
    const [keysParam, configParam] = readParams(params, 1);
    const keys = readPubkeyList(keysParam, MAX_MULTIPLE_ACCOUNTS);
    const config = readConfig(configParam);
    const encoding = readAccountEncoding(config, 'base64');
    const slice = readDataSlice(config);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    const values: JsonValue[] = [];
    for (const key of keys) {
      const account = await chain.readAccount(key);
      values.push(account === null ? null : encodeAccount(account, encoding, slice));
    }
    return withContext(slot, values);
  },

  async getBalance(params, { chain }) {
    const [keyParam, configParam] = readParams(params, 1);
    const key = readPubkey(keyParam);
    const config = readConfig(configParam);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    const account = await chain.readAccount(key);
    return withContext(slot, account?.lamports ?? 0n);
  },

  async getProgramAccounts(params, { chain }) {
    const [programParam, configParam] = readParams(params, 1);
    const programId = readPubkey(programParam);
    const config = readConfig(configParam);
    const encoding = readAccountEncoding(config, 'binary');
    const slice = readDataSlice(config);
    const filters = readFilters(config);
    const slot = await chain.slot();
    checkMinContextSlot(config, slot);

    const matches: JsonValue[] = [];
    for (const key of chain.accounts.all()) {
      const account = await chain.readAccount(key);
      if (account !== null && account.owner.equals(programId) && matchesAll(account, filters)) {
        matches.push({ pubkey: key.toBase58(), account: encodeAccount(account, encoding, slice) });
      }
    }
    return readOptionalBoolean(config, 'withContext') ? withContext(slot, matches) : matches;
  },
};

function readFilters(config: RpcConfig): AccountFilter[] {
  const raw = config['filters'];
  if (raw === undefined || raw === null) {
    return [];
  }
  if (!Array.isArray(raw)) {
    throw invalidParams('Invalid params: filters must be an array.');
  }
  if (raw.length > MAX_PROGRAM_ACCOUNT_FILTERS) {
    throw invalidParams(`Too many filters provided; max ${MAX_PROGRAM_ACCOUNT_FILTERS}`);
  }
  return raw.map(readFilter);
}

function readFilter(raw: unknown): AccountFilter {
  if (typeof raw !== 'object' || raw === null) {
    throw invalidParams('Invalid params: each filter must be an object.');
  }
  const filter = raw as Record<string, unknown>;
  const dataSize = filter['dataSize'];
  if (dataSize !== undefined) {
    if (typeof dataSize !== 'number' || !Number.isInteger(dataSize) || dataSize < 0) {
      throw invalidParams('Invalid params: dataSize must be a non-negative integer.');
    }
    return { kind: 'dataSize', size: dataSize };
  }

  const memcmp = filter['memcmp'];
  if (typeof memcmp !== 'object' || memcmp === null) {
    throw invalidParams('Invalid params: a filter needs `dataSize` or `memcmp`.');
  }
  const { offset, bytes, encoding } = memcmp as Record<string, unknown>;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw invalidParams('Invalid params: memcmp offset must be a non-negative integer.');
  }
  if (typeof bytes !== 'string') {
    throw invalidParams('Invalid params: memcmp bytes must be a string.');
  }
  const decoded = decodeMemcmpBytes(bytes, encoding);
  if (decoded.length > MAX_MEMCMP_BYTES) {
    throw invalidParams('Invalid param: filter: DataTooLarge');
  }
  return { kind: 'memcmp', offset, bytes: decoded };
}

function decodeMemcmpBytes(bytes: string, encoding: unknown): Uint8Array {
  if (encoding === 'base64') {
    return Buffer.from(bytes, 'base64');
  }
  if (encoding !== undefined && encoding !== 'base58') {
    throw invalidParams(`Invalid params: unknown memcmp encoding \`${formatValue(encoding)}\`.`);
  }
  try {
    return bs58.decode(bytes);
  } catch {
    throw invalidParams('Invalid param: filter: Base58DecodeError');
  }
}

function matchesAll(account: RawAccount, filters: AccountFilter[]): boolean {
  return filters.every((filter) => {
    switch (filter.kind) {
      case 'dataSize':
        return account.data.length === filter.size;
      case 'memcmp':
        return startsWithAt(account.data, filter.offset, filter.bytes);
    }
  });
}

function startsWithAt(data: Uint8Array, offset: number, bytes: Uint8Array): boolean {
  if (offset + bytes.length > data.length) {
    return false;
  }
  return bytes.every((byte, index) => data[offset + index] === byte);
}
