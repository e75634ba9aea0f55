/**
 * Growable big-endian byte writer for the Kafka wire format.
 *
 * kafkajs's own Encoder has no compact (uvarint-length) strings/arrays nor tagged
 * fields in the shapes the flexible request versions need, so we write payloads
 * with this and hand the finished bytes to kafkajs (see `kafkajs-internals.ts`).
 *
 * Naming follows Kafka's message-schema types: "compact" means the KIP-482
 * flexible-version encoding (unsigned varint of length + 1, 0 meaning null).
 */
export class WireWriter {
  private buf: Uint8Array;
  private view: DataView;
  private length = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  /** A copy of exactly the bytes written so far. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  get size(): number {
    return this.length;
  }

  int8(value: number): this {
    this.reserve(1);
    this.view.setInt8(this.length, value);
    this.length += 1;
    return this;
  }

  bool(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  int16(value: number): this {
    this.reserve(2);
    this.view.setInt16(this.length, value);
    this.length += 2;
    return this;
  }

  uint16(value: number): this {
    this.reserve(2);
    this.view.setUint16(this.length, value);
    this.length += 2;
    return this;
  }

  int32(value: number): this {
    this.reserve(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
    return this;
  }

  int64(value: bigint | number): this {
    this.reserve(8);
    this.view.setBigInt64(this.length, typeof value === 'bigint' ? value : BigInt(value));
    this.length += 8;
    return this;
  }

  /** Unsigned LEB128 varint of a 32-bit value (Kafka's "uvarint"). */
  uvarint(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new RangeError(`uvarint out of range: ${value}`);
    }
    let rest = value;
    while (rest >= 0x80) {
      this.pushByte((rest & 0x7f) | 0x80);
      // Division, not >>>, so values above 2^31 stay positive.
      rest = Math.floor(rest / 128);
    }
    this.pushByte(rest);
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** Classic STRING / NULLABLE_STRING: int16 byte length, -1 for null. */
  string(value: string | null): this {
    if (value === null) return this.int16(-1);
    const bytes = utf8(value);
    if (bytes.length > 0x7fff) throw new RangeError('string longer than 32767 bytes');
    return this.int16(bytes.length).raw(bytes);
  }

  /** COMPACT_STRING / COMPACT_NULLABLE_STRING: uvarint(length + 1), 0 for null. */
  compactString(value: string | null): this {
    if (value === null) return this.uvarint(0);
    const bytes = utf8(value);
    return this.uvarint(bytes.length + 1).raw(bytes);
  }

  /** Classic ARRAY: int32 count (-1 for a null array), then each element. */
  array<T>(items: ReadonlyArray<T> | null, writeItem: (writer: this, item: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) writeItem(this, item);
    return this;
  }

  /** COMPACT_ARRAY: uvarint(count + 1), 0 for a null array, then each element. */
  compactArray<T>(items: ReadonlyArray<T> | null, writeItem: (writer: this, item: T) => void): this {
    if (items === null) return this.uvarint(0);
    this.uvarint(items.length + 1);
    for (const item of items) writeItem(this, item);
    return this;
  }

  /**
   * The tagged-fields section closing every struct in a flexible version. We never
   * send optional tagged fields, so this is always the empty section: count 0.
   */
  emptyTaggedFields(): this {
    return this.uvarint(0);
  }

  private pushByte(byte: number): void {
    this.reserve(1);
    this.buf[this.length] = byte;
    this.length += 1;
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buf.length) return;
    let capacity = Math.max(this.buf.length * 2, 64);
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }
}

const encoder = new TextEncoder();
function utf8(value: string): Uint8Array {
  return encoder.encode(value);
}
