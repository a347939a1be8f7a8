import { ByteReader, MalformedBytesError, encodeBase58Key } from '../bytes';

/**
 * The part of a Solana message the app reads before any review: version, signer counts,
 * account keys, blockhash and the instruction count. A failure here is `0x6A80`.
 */
export interface MessageHeader {
  readonly versioned: boolean;
  /** Version number of a versioned message (0 for "v0"); 0 for a legacy message too. */
  readonly version: number;
  readonly numRequiredSignatures: number;
  readonly numReadonlySignedAccounts: number;
  readonly numReadonlyUnsignedAccounts: number;
  /** Account keys in base58, in message order. */
  readonly accountKeys: readonly string[];
  readonly recentBlockhash: Uint8Array;
  readonly instructionCount: number;
  /** Bytes after the instruction count: the instructions, then (v0) the lookup tables. */
  readonly body: Uint8Array;
}

export interface CompiledInstruction {
  readonly programIdIndex: number;
  readonly accountIndexes: readonly number[];
  readonly data: Uint8Array;
}

export interface MessageBody {
  readonly instructions: readonly CompiledInstruction[];
  /** Number of address lookup tables of a v0 message; 0 for a legacy message. */
  readonly addressTableLookupCount: number;
}

/** Raised when a message cannot be parsed the way the app parses it. */
export class MessageParseError extends Error {
  override readonly name = 'MessageParseError';
}

/** Parses the header the way the app's `parse_message_header` does, with the same checks. */
export function parseMessageHeader(message: Uint8Array): MessageHeader {
  const reader = new ByteReader(message);

  try {
    const first = reader.remaining > 0 ? (message[0] ?? 0) : 0;
    const versioned = (first & 0x80) !== 0;
    const version = versioned ? reader.readU8() & 0x7f : 0;

    const numRequiredSignatures = reader.readU8();
    const numReadonlySignedAccounts = reader.readU8();
    const numReadonlyUnsignedAccounts = reader.readU8();
    const keyCount = reader.readShortVecLength();

    if (numRequiredSignatures > keyCount) {
      throw new MessageParseError('More required signatures than account keys');
    }
    if (numReadonlySignedAccounts > numRequiredSignatures) {
      throw new MessageParseError('More read-only signers than signers');
    }
    if (numReadonlyUnsignedAccounts > keyCount - numRequiredSignatures) {
      throw new MessageParseError('More read-only non-signers than non-signers');
    }

    const accountKeys: string[] = [];
    for (let index = 0; index < keyCount; index++) {
      accountKeys.push(encodeBase58Key(reader.readPubkey()));
    }
    const recentBlockhash = reader.readBytes(32);
    const instructionCount = reader.readShortVecLength();

    return {
      versioned,
      version,
      numRequiredSignatures,
      numReadonlySignedAccounts,
      numReadonlyUnsignedAccounts,
      accountKeys,
      recentBlockhash,
      instructionCount,
      body: reader.readRest(),
    };
  } catch (error) {
    if (error instanceof MalformedBytesError) {
      throw new MessageParseError(`Truncated message header: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Parses the instructions and, for a v0 message, the lookup-table count. Every program and
 * account index must point into the static account keys, and no byte may be left over.
 * The lookup tables themselves are not parsed: the app refuses any message that has one.
 */
export function parseMessageBody(header: MessageHeader): MessageBody {
  const reader = new ByteReader(header.body);
  const keyCount = header.accountKeys.length;

  try {
    const instructions: CompiledInstruction[] = [];
    for (let index = 0; index < header.instructionCount; index++) {
      const programIdIndex = reader.readU8();
      const accountIndexes = Array.from(reader.readBytes(reader.readShortVecLength()));
      const data = reader.readBytes(reader.readShortVecLength());

      if (programIdIndex >= keyCount || accountIndexes.some((account) => account >= keyCount)) {
        throw new MessageParseError(`Instruction ${index} refers to an account outside the keys`);
      }
      instructions.push({ programIdIndex, accountIndexes, data });
    }

    const addressTableLookupCount = header.versioned ? reader.readShortVecLength() : 0;
    if (addressTableLookupCount === 0 && reader.remaining > 0) {
      throw new MessageParseError(`${reader.remaining} bytes left after the message`);
    }

    return { instructions, addressTableLookupCount };
  } catch (error) {
    if (error instanceof MalformedBytesError) {
      throw new MessageParseError(`Truncated message body: ${error.message}`);
    }
    throw error;
  }
}
