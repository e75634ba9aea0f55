/**
 * Test support: spells Kafka wire primitives as bytes, independently of
 * WireWriter, so tests can hand-build responses field by field from the message
 * schemas without trusting the code under test.
 */
export type Bytes = readonly number[];

export const i8 = (v: number): Bytes => [v & 0xff];
export const bool = (v: boolean): Bytes => [v ? 1 : 0];
export const i16 = (v: number): Bytes => [(v >> 8) & 0xff, v & 0xff];
export const u16 = i16;
export const i32 = (v: number): Bytes => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
export const i64 = (v: bigint | number): Bytes => {
  const out: number[] = [];
  let x = BigInt.asUintN(64, BigInt(v));
  for (let i = 0; i < 8; i += 1) {
    out.unshift(Number(x & 0xffn));
    x >>= 8n;
  }
  return out;
};

export const uvarint = (v: number): Bytes => {
  const out: number[] = [];
  let rest = v;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
};

const utf8 = (s: string): Bytes => [...Buffer.from(s, 'utf8')];

/** Classic (NULLABLE_)STRING. */
export const str = (s: string | null): Bytes => (s === null ? i16(-1) : [...i16(utf8(s).length), ...utf8(s)]);
/** COMPACT_(NULLABLE_)STRING. */
export const cstr = (s: string | null): Bytes => (s === null ? [0] : [...uvarint(utf8(s).length + 1), ...utf8(s)]);

/** Classic ARRAY of already-encoded elements; null for a null array. */
export const arr = (items: readonly Bytes[] | null): Bytes => (items === null ? i32(-1) : [...i32(items.length), ...items.flat()]);
/** COMPACT_ARRAY of already-encoded elements; null for a null array. */
export const carr = (items: readonly Bytes[] | null): Bytes => (items === null ? [0] : [...uvarint(items.length + 1), ...items.flat()]);

/** A tagged-fields section; no arguments means the empty section. */
export const tags = (...fields: ReadonlyArray<{ tag: number; data: Bytes }>): Bytes => [
  ...uvarint(fields.length),
  ...fields.flatMap((f) => [...uvarint(f.tag), ...uvarint(f.data.length), ...f.data]),
];

export const uuidBytes = (base64url: string): Bytes => [...Buffer.from(base64url, 'base64url')];

export const bytes = (...parts: Bytes[]): Uint8Array => Uint8Array.from(parts.flat());
export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
