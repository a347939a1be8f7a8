import bs58 from 'bs58';

import { ByteReadError, ByteReader, toMessageDecodeError } from '../bytes';

export interface MessageHeader {
  numRequiredSignatures: number;
  numReadonlySignedAccounts: number;
  numReadonlyUnsignedAccounts: number;
}

export interface CompiledInstructionBytes {
  programIdIndex: number;
  accountIndexes: number[];
  data: Uint8Array;
}

export interface LookupTableReference {
  table: string;
  writableIndexes: number[];
  readonlyIndexes: number[];
}

/** A Solana message decoded from its wire bytes, with nothing taken from its builder. */
export interface ParsedMessage {
  version: 'legacy' | 'v0';
  header: MessageHeader;
  staticKeys: string[];
  recentBlockhash: string;
  instructions: CompiledInstructionBytes[];
  lookupTables: LookupTableReference[];
}

const PUBKEY_BYTES = 32;
const VERSION_PREFIX_MASK = 0x80;

/**
 * Parses legacy and v0 message bytes: optional version prefix, header, static keys, recent
 * blockhash, instructions and (v0) address table lookups. Rejects what the runtime would:
 * unknown versions, indexes past the account list, program ids outside the static keys and
 * trailing bytes.
 *
 * @throws WalletError MESSAGE_DECODE_FAILED naming the field and byte offset.
 */
export function parseMessage(bytes: Uint8Array): ParsedMessage {
  try {
    return readMessage(new ByteReader(bytes));
  } catch (error) {
    if (error instanceof ByteReadError) {
      throw toMessageDecodeError(error);
    }
    throw error;
  }
}

function readMessage(reader: ByteReader): ParsedMessage {
  const version = readVersion(reader);
  const header: MessageHeader = {
    numRequiredSignatures: reader.u8('header.numRequiredSignatures'),
    numReadonlySignedAccounts: reader.u8('header.numReadonlySignedAccounts'),
    numReadonlyUnsignedAccounts: reader.u8('header.numReadonlyUnsignedAccounts'),
  };

  const keyCount = reader.shortVec('account key count');
  const staticKeys: string[] = [];
  for (let index = 0; index < keyCount; index += 1) {
    staticKeys.push(bs58.encode(reader.bytes(PUBKEY_BYTES, `account key ${index}`)));
  }
  assertHeaderFits(header, keyCount, reader.offset);

  const recentBlockhash = bs58.encode(reader.bytes(PUBKEY_BYTES, 'recent blockhash'));
  const instructions = readInstructions(reader);
  const lookupTables = version === 'v0' ? readLookupTables(reader) : [];

  if (reader.remaining > 0) {
    throw new ByteReadError(
      `${reader.remaining} bytes follow the end of the message`,
      reader.offset,
    );
  }

  const accountCount =
    keyCount +
    lookupTables.reduce(
      (sum, table) => sum + table.writableIndexes.length + table.readonlyIndexes.length,
      0,
    );
  assertIndexes(instructions, keyCount, accountCount);

  return { version, header, staticKeys, recentBlockhash, instructions, lookupTables };
}

function readVersion(reader: ByteReader): 'legacy' | 'v0' {
  // A legacy message starts with its header, whose first byte (signature count) is below 128.
  const first = reader.peekU8('version prefix');
  if ((first & VERSION_PREFIX_MASK) === 0) {
    return 'legacy';
  }

  reader.u8('version prefix');
  const version = first & ~VERSION_PREFIX_MASK;
  if (version !== 0) {
    throw new ByteReadError(`message version ${version} is not supported`, 0);
  }
  return 'v0';
}

function readInstructions(reader: ByteReader): CompiledInstructionBytes[] {
  const count = reader.shortVec('instruction count');
  const instructions: CompiledInstructionBytes[] = [];

  for (let index = 0; index < count; index += 1) {
    const programIdIndex = reader.u8(`instruction ${index} program index`);
    const accountCount = reader.shortVec(`instruction ${index} account count`);
    const accountIndexes: number[] = [];
    for (let position = 0; position < accountCount; position += 1) {
      accountIndexes.push(reader.u8(`instruction ${index} account ${position}`));
    }
    const dataLength = reader.shortVec(`instruction ${index} data length`);
    const data = reader.bytes(dataLength, `instruction ${index} data`);
    instructions.push({ programIdIndex, accountIndexes, data: Uint8Array.from(data) });
  }
  return instructions;
}

function readLookupTables(reader: ByteReader): LookupTableReference[] {
  const count = reader.shortVec('address table lookup count');
  const tables: LookupTableReference[] = [];

  for (let index = 0; index < count; index += 1) {
    const table = bs58.encode(reader.bytes(PUBKEY_BYTES, `lookup ${index} table`));
    const writableIndexes = readIndexList(reader, `lookup ${index} writable indexes`);
    const readonlyIndexes = readIndexList(reader, `lookup ${index} readonly indexes`);
    tables.push({ table, writableIndexes, readonlyIndexes });
  }
  return tables;
}

function readIndexList(reader: ByteReader, field: string): number[] {
  const count = reader.shortVec(field);
  const indexes: number[] = [];
  for (let position = 0; position < count; position += 1) {
    indexes.push(reader.u8(field));
  }
  return indexes;
}

function assertHeaderFits(header: MessageHeader, keyCount: number, offset: number): void {
  const signed = header.numRequiredSignatures;
  if (signed === 0 || signed > keyCount) {
    throw new ByteReadError(
      `header requires ${signed} signatures but the message has ${keyCount} keys`,
      offset,
    );
  }
  if (header.numReadonlySignedAccounts >= signed && signed > 0) {
    throw new ByteReadError(
      'header marks every signer read-only, so there is no fee payer',
      offset,
    );
  }
  if (header.numReadonlyUnsignedAccounts > keyCount - signed) {
    throw new ByteReadError('header marks more unsigned read-only keys than exist', offset);
  }
}

function assertIndexes(
  instructions: CompiledInstructionBytes[],
  staticCount: number,
  accountCount: number,
): void {
  instructions.forEach((instruction, index) => {
    if (instruction.programIdIndex >= staticCount) {
      throw new ByteReadError(
        `instruction ${index} program index ${instruction.programIdIndex} is not a static key`,
        0,
      );
    }
    for (const accountIndex of instruction.accountIndexes) {
      if (accountIndex >= accountCount) {
        throw new ByteReadError(
          `instruction ${index} account index ${accountIndex} is past the ${accountCount} accounts`,
          0,
        );
      }
    }
  });
}
