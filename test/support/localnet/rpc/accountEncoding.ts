import bs58 from 'bs58';

import type { RawAccount } from '../chain/localChain';
import type { JsonValue } from './json';
import { formatValue, type RpcConfig } from './params';
import { invalidParams, RpcError, RpcErrorCode } from './rpcError';

export type AccountEncoding = 'binary' | 'base58' | 'base64' | 'jsonParsed';

export interface DataSlice {
  offset: number;
  length: number;
}

/** Maximum account data size, in bytes, the RPC API returns in base58 (`MAX_BASE58_BYTES`). */
const MAX_BASE58_BYTES = 128;

export function readAccountEncoding(config: RpcConfig, fallback: AccountEncoding): AccountEncoding {
  const encoding = config['encoding'];
  switch (encoding) {
    case undefined:
    case null:
      return fallback;
    case 'binary':
    case 'base58':
    case 'base64':
    case 'jsonParsed':
      return encoding;
    case 'base64+zstd':
      throw invalidParams(
        'Invalid params: base64+zstd encoding is not supported by the local node',
      );
    default:
      throw invalidParams(
        `Invalid params: unknown variant \`${formatValue(encoding)}\`, expected one of \`binary\`, \`base58\`, \`base64\`, \`jsonParsed\`, \`base64+zstd\`.`,
      );
  }
}

export function readDataSlice(config: RpcConfig): DataSlice | undefined {
  const slice = config['dataSlice'];
  if (slice === undefined || slice === null) {
    return undefined;
  }
  if (typeof slice !== 'object' || Array.isArray(slice)) {
    throw invalidParams('Invalid params: dataSlice must be an object with offset and length.');
  }
  const { offset, length } = slice as Record<string, unknown>;
  if (!isCount(offset) || !isCount(length)) {
    throw invalidParams(
      'Invalid params: dataSlice offset and length must be non-negative integers.',
    );
  }
  return { offset, length };
}

/**
 * Encodes an account as the RPC `UiAccount` shape. `jsonParsed` falls back to base64, as a
 * node does for accounts it has no parser for.
 * NOTE: this node parses no account type, so stake and vote accounts come back base64 too.
 */
export function encodeAccount(
  account: RawAccount,
  encoding: AccountEncoding,
  slice: DataSlice | undefined,
): JsonValue {
  const data =
    slice === undefined
      ? account.data
      : account.data.subarray(slice.offset, slice.offset + slice.length);
  return {
    data: encodeData(data, encoding),
    executable: account.executable,
    lamports: account.lamports,
    owner: account.owner.toBase58(),
    rentEpoch: account.rentEpoch,
    space: account.data.length,
  };
}

function encodeData(data: Uint8Array, encoding: AccountEncoding): JsonValue {
  switch (encoding) {
    case 'binary':
    case 'base58':
      if (data.length > MAX_BASE58_BYTES) {
        throw new RpcError(
          RpcErrorCode.invalidRequest,
          `Encoded binary (base 58) data should be less than ${MAX_BASE58_BYTES} bytes, please use Base64 encoding.`,
        );
      }
      return encoding === 'binary' ? bs58.encode(data) : [bs58.encode(data), 'base58'];
    case 'base64':
    case 'jsonParsed':
      return [Buffer.from(data).toString('base64'), 'base64'];
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
