import { VersionedTransaction } from '@solana/web3.js';
import bs58 from 'bs58';

import type { TransactionRecord } from '../chain/transactionLog';
import type { JsonValue } from './json';
import { formatValue } from './params';
import { invalidParams } from './rpcError';

/** Maximum serialized transaction size a cluster accepts (`PACKET_DATA_SIZE`). */
const PACKET_DATA_SIZE = 1232;

/** Maximum encoded lengths of a PACKET_DATA_SIZE transaction (`MAX_BASE58_SIZE`, `MAX_BASE64_SIZE`). */
const MAX_BASE58_SIZE = 1683;
const MAX_BASE64_SIZE = 1644;

const TRANSACTION_TYPE = 'solana_sdk::transaction::versioned::VersionedTransaction';

export type WireEncoding = 'base58' | 'base64';

export function readWireEncoding(value: unknown): WireEncoding {
  if (value === undefined || value === null || value === 'base58') {
    return 'base58';
  }
  if (value === 'base64') {
    return 'base64';
  }
  throw invalidParams(
    `unsupported encoding: ${formatValue(value)}. Supported encodings: base58, base64`,
  );
}

/** Decodes a wire transaction with the size checks and messages of Agave's RPC. */
export function decodeWireTransaction(
  encoded: unknown,
  encoding: WireEncoding,
): VersionedTransaction {
  if (typeof encoded !== 'string') {
    throw invalidParams('Invalid params: invalid type: expected an encoded transaction string.');
  }
  const maxEncoded = encoding === 'base58' ? MAX_BASE58_SIZE : MAX_BASE64_SIZE;
  if (encoded.length > maxEncoded) {
    throw invalidParams(
      `${encoding} encoded ${TRANSACTION_TYPE} too large: ${encoded.length} bytes (max: encoded/raw ${maxEncoded}/${PACKET_DATA_SIZE})`,
    );
  }

  const bytes = decodeText(encoded, encoding);
  if (bytes.length > PACKET_DATA_SIZE) {
    throw invalidParams(
      `decoded ${TRANSACTION_TYPE} too large: ${bytes.length} bytes (max: ${PACKET_DATA_SIZE} bytes)`,
    );
  }

  try {
    return VersionedTransaction.deserialize(bytes);
  } catch (error) {
    throw invalidParams(`failed to deserialize ${TRANSACTION_TYPE}: ${String(error)}`);
  }
}

function decodeText(encoded: string, encoding: WireEncoding): Uint8Array {
  if (encoding === 'base58') {
    try {
      return bs58.decode(encoded);
    } catch (error) {
      throw invalidParams(`invalid base58 encoding: ${String(error)}`);
    }
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw invalidParams('invalid base64 encoding: InvalidByte');
  }
  return Buffer.from(encoded, 'base64');
}

/** Encodes a transaction as the `json` form of getTransaction. */
export function encodeTransactionJson(transaction: VersionedTransaction): JsonValue {
  const message = transaction.message;
  return {
    signatures: transaction.signatures.map((signature) => bs58.encode(signature)),
    message: {
      accountKeys: message.staticAccountKeys.map((key) => key.toBase58()),
      header: { ...message.header },
      recentBlockhash: message.recentBlockhash,
      instructions: message.compiledInstructions.map((instruction) => ({
        programIdIndex: instruction.programIdIndex,
        accounts: instruction.accountKeyIndexes,
        data: bs58.encode(instruction.data),
        stackHeight: null,
      })),
      addressTableLookups:
        transaction.version === 'legacy'
          ? undefined
          : message.addressTableLookups.map((lookup) => ({
              accountKey: lookup.accountKey.toBase58(),
              writableIndexes: lookup.writableIndexes,
              readonlyIndexes: lookup.readonlyIndexes,
            })),
    },
  };
}

/** Builds the `meta` member of a getTransaction result. */
export function encodeTransactionMeta(record: TransactionRecord): JsonValue {
  return {
    err: record.err,
    status: record.err === null ? { Ok: null } : { Err: record.err },
    fee: record.fee,
    preBalances: record.preBalances,
    postBalances: record.postBalances,
    innerInstructions: [],
    logMessages: record.logMessages,
    preTokenBalances: [],
    postTokenBalances: [],
    rewards: [],
    loadedAddresses: {
      writable: record.loadedAddresses.writable.map((key) => key.toBase58()),
      readonly: record.loadedAddresses.readonly.map((key) => key.toBase58()),
    },
    computeUnitsConsumed: record.computeUnitsConsumed,
  };
}
