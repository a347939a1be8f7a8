import { PublicKey } from '@solana/web3.js';

/**
 * Little-endian reader for the bincode layouts the Solana runtime stores in account data.
 * Every read checks bounds, so a truncated account raises instead of returning garbage.
 */
export class BincodeReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  u8(): number {
    this.require(1);
    const value = this.view.getUint8(this.offset);
    this.offset += 1;
    return value;
  }

  u32(): number {
    this.require(4);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  u64(): bigint {
    this.require(8);
    const value = this.view.getBigUint64(this.offset, true);
    this.offset += 8;
    return value;
  }

  i64(): bigint {
    this.require(8);
    const value = this.view.getBigInt64(this.offset, true);
    this.offset += 8;
    return value;
  }

  f64(): number {
    this.require(8);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  bool(): boolean {
    return this.u8() !== 0;
  }

  pubkey(): PublicKey {
    this.require(32);
    const key = new PublicKey(this.bytes.subarray(this.offset, this.offset + 32));
    this.offset += 32;
    return key;
  }

  /** Reads a bincode sequence length (u64) and checks it fits in a JS array. */
  length(): number {
    const length = this.u64();
    if (length > BigInt(this.bytes.length)) {
      throw new RangeError(
        `sequence length ${length} exceeds the ${this.bytes.length}-byte buffer`,
      );
    }
    return Number(length);
  }

  skip(byteCount: number): void {
    this.require(byteCount);
    this.offset += byteCount;
  }

  private require(byteCount: number): void {
    if (this.offset + byteCount > this.bytes.length) {
      throw new RangeError(
        `read of ${byteCount} bytes at offset ${this.offset} passes the end (${this.bytes.length} bytes)`,
      );
    }
  }
}

/** Little-endian writer into a fixed-size buffer whose unwritten bytes stay zero. */
export class BincodeWriter {
  private offset = 0;
  private readonly view: DataView;
  readonly bytes: Uint8Array;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  get position(): number {
    return this.offset;
  }

  u8(value: number): this {
    this.view.setUint8(this.offset, value);
    this.offset += 1;
    return this;
  }

  u32(value: number): this {
    this.view.setUint32(this.offset, value, true);
    this.offset += 4;
    return this;
  }

  u64(value: bigint): this {
    this.view.setBigUint64(this.offset, value, true);
    this.offset += 8;
    return this;
  }

  i64(value: bigint): this {
    this.view.setBigInt64(this.offset, value, true);
    this.offset += 8;
    return this;
  }

  f64(value: number): this {
    this.view.setFloat64(this.offset, value, true);
    this.offset += 8;
    return this;
  }

  bool(value: boolean): this {
    return this.u8(value ? 1 : 0);
  }

  raw(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.offset);
    this.offset += bytes.length;
    return this;
  }

  pubkey(key: PublicKey): this {
    return this.raw(key.toBytes());
  }

  skip(byteCount: number): this {
    this.offset += byteCount;
    return this;
  }
}
