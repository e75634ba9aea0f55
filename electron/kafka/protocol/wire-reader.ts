/**
 * Bounds-checked big-endian reader for Kafka response bodies.
 *
 * Every read checks the remaining length so a truncated or mis-versioned response
 * fails with a clear `WireFormatError` instead of yielding garbage numbers.
 */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

/** A tagged field we did not interpret: its tag and raw bytes. */
export interface RawTaggedField {
  readonly tag: number;
  readonly data: Uint8Array;
}

export class WireReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  int8(): number {
    this.need(1);
    const value = this.view.getInt8(this.offset);
    this.offset += 1;
    return value;
  }

  /** Kafka BOOLEAN: any non-zero byte is true. */
  bool(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    this.need(2);
    const value = this.view.getInt16(this.offset);
    this.offset += 2;
    return value;
  }

  uint16(): number {
    this.need(2);
    const value = this.view.getUint16(this.offset);
    this.offset += 2;
    return value;
  }

  int32(): number {
    this.need(4);
    const value = this.view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }

  int64(): bigint {
    this.need(8);
    const value = this.view.getBigInt64(this.offset);
    this.offset += 8;
    return value;
  }

  /**
   * INT64 as a JS number. Offsets, byte sizes and epoch-millisecond timestamps
   * are far below 2^53 in practice, and plain numbers serialise to JSON for the
   * renderer; values beyond that range lose precision rather than failing.
   */
  int64Number(): number {
    return Number(this.int64());
  }

  /** Unsigned LEB128 varint, at most 5 bytes (Kafka's 32-bit "uvarint"). */
  uvarint(): number {
    let result = 0;
    let multiplier = 1;
    for (let i = 0; i < 5; i += 1) {
      const byte = this.byte();
      result += (byte & 0x7f) * multiplier;
      if ((byte & 0x80) === 0) {
        if (result > 0xffffffff) throw new WireFormatError('uvarint exceeds 32 bits');
        return result;
      }
      multiplier *= 128;
    }
    throw new WireFormatError('uvarint longer than 5 bytes');
  }

  raw(length: number): Uint8Array {
    this.need(length);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  /** Classic NULLABLE_STRING: int16 length, -1 for null. */
  nullableString(): string | null {
    const length = this.int16();
    if (length === -1) return null;
    if (length < 0) throw new WireFormatError(`invalid string length ${length}`);
    return decodeUtf8(this.raw(length));
  }

  /** Classic STRING (non-nullable). */
  string(): string {
    return required(this.nullableString(), 'string');
  }

  /** COMPACT_NULLABLE_STRING: uvarint(length + 1), 0 for null. */
  compactNullableString(): string | null {
    const lengthPlusOne = this.uvarint();
    if (lengthPlusOne === 0) return null;
    return decodeUtf8(this.raw(lengthPlusOne - 1));
  }

  /** COMPACT_STRING (non-nullable). */
  compactString(): string {
    return required(this.compactNullableString(), 'compact string');
  }

  /** Classic ARRAY: int32 count, -1 for null. */
  nullableArray<T>(readItem: (reader: WireReader) => T): T[] | null {
    const count = this.int32();
    if (count === -1) return null;
    return this.items(count, readItem);
  }

  array<T>(readItem: (reader: WireReader) => T): T[] {
    return required(this.nullableArray(readItem), 'array');
  }

  /** COMPACT_ARRAY: uvarint(count + 1), 0 for null. */
  compactNullableArray<T>(readItem: (reader: WireReader) => T): T[] | null {
    const countPlusOne = this.uvarint();
    if (countPlusOne === 0) return null;
    return this.items(countPlusOne - 1, readItem);
  }

  compactArray<T>(readItem: (reader: WireReader) => T): T[] {
    return required(this.compactNullableArray(readItem), 'compact array');
  }

  /** UUID rendered the way Kafka prints one (Uuid.toString): URL-safe base64, unpadded. */
  uuid(): string {
    return Buffer.from(this.raw(16)).toString('base64url');
  }

  /**
   * Reads a tagged-fields section (uvarint count, then per field uvarint tag,
   * uvarint size, bytes). Returned raw so callers can ignore unknown tags —
   * which is the point of tagged fields: newer brokers may add them at will.
   */
  taggedFields(): RawTaggedField[] {
    const count = this.uvarint();
    const fields: RawTaggedField[] = [];
    for (let i = 0; i < count; i += 1) {
      const tag = this.uvarint();
      const size = this.uvarint();
      fields.push({ tag, data: this.raw(size) });
    }
    return fields;
  }

  /** Skips a tagged-fields section whose contents we do not use. */
  skipTaggedFields(): void {
    this.taggedFields();
  }

  private items<T>(count: number, readItem: (reader: WireReader) => T): T[] {
    if (count < 0) throw new WireFormatError(`invalid array length ${count}`);
    // Every element takes at least one byte: a huge count on a short buffer is corruption,
    // caught here before we allocate for it.
    if (count > this.remaining) throw new WireFormatError(`array length ${count} exceeds remaining ${this.remaining} bytes`);
    const result: T[] = [];
    for (let i = 0; i < count; i += 1) result.push(readItem(this));
    return result;
  }

  private byte(): number {
    this.need(1);
    const value = this.view.getUint8(this.offset);
    this.offset += 1;
    return value;
  }

  private need(length: number): void {
    if (length > this.remaining) {
      throw new WireFormatError(`need ${length} bytes at offset ${this.offset}, only ${this.remaining} left`);
    }
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new WireFormatError(`unexpected null ${what}`);
  return value;
}
