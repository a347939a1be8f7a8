import bs58 from 'bs58';

/** Raised by ByteReader when the data ends before a field or a value is out of range. */
export class ByteLayoutError extends Error {
  override readonly name = 'ByteLayoutError';
}

/**
 * Reads little-endian fixed-size fields, as bincode and borsh lay them out, with a bounds
 * check on every read so that truncated data raises ByteLayoutError instead of reading
 * past the end.
 */
export class ByteReader {
  private readonly view: DataView;
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.position;
  }

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  u8(field: string): number {
    this.require(1, field);
    const value = this.view.getUint8(this.position);
    this.position += 1;
    return value;
  }

  u32(field: string): number {
    this.require(4, field);
    const value = this.view.getUint32(this.position, true);
    this.position += 4;
    return value;
  }

  u64(field: string): bigint {
    this.require(8, field);
    const value = this.view.getBigUint64(this.position, true);
    this.position += 8;
    return value;
  }

  i64(field: string): bigint {
    this.require(8, field);
    const value = this.view.getBigInt64(this.position, true);
    this.position += 8;
    return value;
  }

  f64(field: string): number {
    this.require(8, field);
    const value = this.view.getFloat64(this.position, true);
    this.position += 8;
    return value;
  }

  bool(field: string): boolean {
    const value = this.u8(field);
    if (value > 1) {
      throw new ByteLayoutError(`${field} is ${value}, expected a boolean (0 or 1)`);
    }
    return value === 1;
  }

  /** Reads a 32-byte public key as a base-58 address. */
  address(field: string): string {
    return encodeAddress(this.bytesOf(32, field));
  }

  bytesOf(length: number, field: string): Uint8Array {
    this.require(length, field);
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }

  /** Reads the compact-u16 length prefix that Solana's `short_vec` uses (1 to 3 bytes). */
  shortVecLength(field: string): number {
    let value = 0;
    for (let index = 0; index < 3; index += 1) {
      const byte = this.u8(field);
      value |= (byte & 0x7f) << (7 * index);
      if ((byte & 0x80) === 0) {
        return value;
      }
    }
    throw new ByteLayoutError(`${field} has a compact-u16 length longer than 3 bytes`);
  }

  private require(length: number, field: string): void {
    if (this.position + length > this.bytes.length) {
      throw new ByteLayoutError(
        `data ends at byte ${this.bytes.length} before ${field} (needs ${length} bytes at offset ${this.position})`,
      );
    }
  }
}

/** Entries kept before the address cache is cleared; keys repeat across a person's accounts. */
const ADDRESS_CACHE_LIMIT = 4_096;
const addressCache = new Map<string, string>();

/**
 * Encodes 32 bytes as base 58. Base-58 encoding is quadratic in the input and dominates stake
 * account decoding, while staker, withdrawer, custodian and voter keys repeat across accounts,
 * so results are cached by their bytes.
 */
function encodeAddress(bytes: Uint8Array): string {
  const cacheKey = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const cached = addressCache.get(cacheKey);
  if (cached !== undefined) {
    return cached;
  }

  const address = bs58.encode(bytes);
  if (addressCache.size >= ADDRESS_CACHE_LIMIT) {
    addressCache.clear();
  }
  addressCache.set(cacheKey, address);
  return address;
}
