import { WalletError } from '../../shared/errors';

const U64_MAX = 0xffff_ffff_ffff_ffffn;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

/** Appends little-endian integers and raw bytes, the layout of Solana instruction data. */
export class ByteWriter {
  private readonly chunks: number[] = [];

  u8(value: number): this {
    this.assertInteger(value, 0xff, 'u8');
    this.chunks.push(value);
    return this;
  }

  u32(value: number): this {
    this.assertInteger(value, 0xffff_ffff, 'u32');
    for (let shift = 0; shift < 32; shift += 8) {
      this.chunks.push((value >>> shift) & 0xff);
    }
    return this;
  }

  u64(value: bigint): this {
    if (value < 0n || value > U64_MAX) {
      throw new RangeError(`u64 value ${value} is out of range`);
    }
    return this.uint64Bits(value);
  }

  i64(value: bigint): this {
    if (value < I64_MIN || value > I64_MAX) {
      throw new RangeError(`i64 value ${value} is out of range`);
    }
    return this.uint64Bits(BigInt.asUintN(64, value));
  }

  bytes(value: Uint8Array): this {
    for (const byte of value) {
      this.chunks.push(byte);
    }
    return this;
  }

  /** Writes a bincode string: u64 little-endian byte length, then the UTF-8 bytes. */
  string(value: string): this {
    const encoded = new TextEncoder().encode(value);
    this.u64(BigInt(encoded.length));
    return this.bytes(encoded);
  }

  toBuffer(): Buffer {
    return Buffer.from(this.chunks);
  }

  private uint64Bits(value: bigint): this {
    for (let shift = 0n; shift < 64n; shift += 8n) {
      this.chunks.push(Number((value >> shift) & 0xffn));
    }
    return this;
  }

  private assertInteger(value: number, max: number, type: string): void {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new RangeError(`${type} value ${value} is out of range`);
    }
  }
}

/** Raised by ByteReader when the data ends early or contains an invalid value. */
export class ByteReadError extends Error {
  override readonly name = 'ByteReadError';

  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Reads little-endian integers, short-vec lengths and bincode strings from a byte array. */
export class ByteReader {
  private position = 0;

  constructor(private readonly data: Uint8Array) {}

  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.data.length - this.position;
  }

  u8(field: string): number {
    return this.take(1, field)[0] as number;
  }

  /** Returns the next byte without consuming it. */
  peekU8(field: string): number {
    if (this.remaining < 1) {
      throw new ByteReadError(`${field} needs 1 byte, 0 remain`, this.position);
    }
    return this.data[this.position] as number;
  }

  u32(field: string): number {
    const bytes = this.take(4, field);
    return (
      ((bytes[0] as number) | ((bytes[1] as number) << 8) | ((bytes[2] as number) << 16)) +
      (bytes[3] as number) * 0x100_0000
    );
  }

  u64(field: string): bigint {
    const bytes = this.take(8, field);
    let value = 0n;
    for (let index = 7; index >= 0; index -= 1) {
      value = (value << 8n) | BigInt(bytes[index] as number);
    }
    return value;
  }

  i64(field: string): bigint {
    return BigInt.asIntN(64, this.u64(field));
  }

  bytes(length: number, field: string): Uint8Array {
    return this.take(length, field);
  }

  /** Reads a bincode string (u64 length, then UTF-8 bytes). Invalid UTF-8 is rejected. */
  string(field: string): string {
    const length = this.u64(`${field} length`);
    if (length > BigInt(this.remaining)) {
      throw new ByteReadError(
        `${field} length ${length} exceeds the remaining data`,
        this.position,
      );
    }
    const bytes = this.take(Number(length), field);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ByteReadError(`${field} is not valid UTF-8`, this.position);
    }
  }

  /** Reads a bincode `Option` tag: 0 for None, 1 for Some. */
  option(field: string): boolean {
    const tag = this.u8(`${field} option tag`);
    if (tag > 1) {
      throw new ByteReadError(`${field} option tag is ${tag}, expected 0 or 1`, this.position - 1);
    }
    return tag === 1;
  }

  /** Reads a Solana short-vec length: 7 bits per byte, at most 3 bytes, no trailing zero byte. */
  shortVec(field: string): number {
    let value = 0;
    for (let size = 0; size < 3; size += 1) {
      const byte = this.u8(field);
      value |= (byte & 0x7f) << (7 * size);
      if ((byte & 0x80) === 0) {
        if (byte === 0 && size > 0) {
          throw new ByteReadError(
            `${field} short-vec has a redundant zero byte`,
            this.position - 1,
          );
        }
        return value;
      }
    }
    throw new ByteReadError(`${field} short-vec is longer than 3 bytes`, this.position);
  }

  private take(length: number, field: string): Uint8Array {
    if (length > this.remaining) {
      throw new ByteReadError(
        `${field} needs ${length} bytes, ${this.remaining} remain`,
        this.position,
      );
    }
    const slice = this.data.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }
}

/** Encodes a length as a Solana short-vec. */
export function encodeShortVec(length: number): number[] {
  const out: number[] = [];
  let rest = length;
  for (;;) {
    const low = rest & 0x7f;
    rest >>>= 7;
    if (rest === 0) {
      out.push(low);
      return out;
    }
    out.push(low | 0x80);
  }
}

/** Converts a ByteReadError into the stake domain's MESSAGE_DECODE_FAILED error. */
export function toMessageDecodeError(error: ByteReadError): WalletError<'MESSAGE_DECODE_FAILED'> {
  return new WalletError(
    'MESSAGE_DECODE_FAILED',
    { reason: error.message, offset: error.offset },
    `The transaction message could not be decoded at byte ${error.offset}: ${error.message}`,
    { cause: error },
  );
}
