import { PublicKey } from '@solana/web3.js';

/** Raised when bytes end early or hold a value the reader does not accept. */
export class MalformedBytesError extends Error {
  override readonly name = 'MalformedBytesError';
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) {
    throw new MalformedBytesError(`Invalid hex string: ${hex.slice(0, 16)}…`);
  }
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Base58 text of any 32-byte value (public keys, hashes, off-chain application domains). */
export function encodeBase58Key(bytes: Uint8Array): string {
  return new PublicKey(bytes).toBase58();
}

export function u16BigEndian(value: number): Uint8Array {
  return Uint8Array.of((value >> 8) & 0xff, value & 0xff);
}

/**
 * Sequential little-endian reader with the decoding rules of the Solana app's parser: the
 * compact length ("shortvec") takes at most three bytes, options are a 0/1 tag, and strings
 * carry a u64 length.
 */
export class ByteReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  get position(): number {
    return this.offset;
  }

  readBytes(length: number): Uint8Array {
    if (length > this.remaining) {
      throw new MalformedBytesError(`Expected ${length} bytes, ${this.remaining} left`);
    }
    const slice = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  readRest(): Uint8Array {
    return this.readBytes(this.remaining);
  }

  readU8(): number {
    const [value] = this.readBytes(1);
    return value ?? 0;
  }

  readU16Le(): number {
    const bytes = this.readBytes(2);
    return Buffer.from(bytes).readUInt16LE(0);
  }

  readU16Be(): number {
    const bytes = this.readBytes(2);
    return Buffer.from(bytes).readUInt16BE(0);
  }

  readU32Le(): number {
    const bytes = this.readBytes(4);
    return Buffer.from(bytes).readUInt32LE(0);
  }

  readU32Be(): number {
    const bytes = this.readBytes(4);
    return Buffer.from(bytes).readUInt32BE(0);
  }

  readU64Le(): bigint {
    const bytes = this.readBytes(8);
    return Buffer.from(bytes).readBigUInt64LE(0);
  }

  readI64Le(): bigint {
    const bytes = this.readBytes(8);
    return Buffer.from(bytes).readBigInt64LE(0);
  }

  readPubkey(): Uint8Array {
    return this.readBytes(32);
  }

  /** Compact-u16 length as the app reads it: 7 bits per byte, at most three bytes. */
  readShortVecLength(): number {
    let value = this.readU8();
    const first = value;
    value &= 0x7f;
    if (first & 0x80) {
      const second = this.readU8();
      value |= (second & 0x7f) << 7;
      if (second & 0x80) {
        const third = this.readU8();
        value |= (third & 0x7f) << 14;
      }
    }
    return value;
  }

  /** Bincode `Option` tag: returns whether a value follows. */
  readOptionTag(): boolean {
    const tag = this.readU8();
    if (tag !== 0 && tag !== 1) {
      throw new MalformedBytesError(`Invalid option tag ${tag}`);
    }
    return tag === 1;
  }

  /** Bincode string: u64 little-endian length, then the bytes. */
  readSizedBytes(): Uint8Array {
    const length = this.readU64Le();
    if (length > BigInt(this.remaining)) {
      throw new MalformedBytesError(`String of ${length} bytes, ${this.remaining} left`);
    }
    return this.readBytes(Number(length));
  }
}
