import { describe, expect, it } from 'vitest';
import { arr, bool, bytes, carr, cstr, i16, i32, i64, i8, str, tags, u16, uvarint } from './testing/wire-bytes';
import { WireFormatError, WireReader } from './wire-reader';
import { WireWriter } from './wire-writer';

describe('WireReader', () => {
  it('reads fixed-width integers big-endian', () => {
    const r = new WireReader(bytes(i8(-2), i16(-300), u16(0xfffe), i32(-5), i64(-7n), i64(2n ** 40n)));
    expect(r.int8()).toBe(-2);
    expect(r.int16()).toBe(-300);
    expect(r.uint16()).toBe(0xfffe);
    expect(r.int32()).toBe(-5);
    expect(r.int64()).toBe(-7n);
    expect(r.int64Number()).toBe(2 ** 40);
    expect(r.remaining).toBe(0);
  });

  it('reads booleans as any non-zero byte', () => {
    const r = new WireReader(bytes(bool(true), bool(false), [2]));
    expect([r.bool(), r.bool(), r.bool()]).toEqual([true, false, true]);
  });

  it.each([0, 1, 127, 128, 300, 16384, 2 ** 31, 0xffffffff])('round-trips uvarint %i', (value) => {
    const r = new WireReader(bytes(uvarint(value)));
    expect(r.uvarint()).toBe(value);
    expect(r.remaining).toBe(0);
  });

  it('rejects over-long or over-wide uvarints', () => {
    expect(() => new WireReader(bytes([0x80, 0x80, 0x80, 0x80, 0x80, 0x01])).uvarint()).toThrow(WireFormatError);
    expect(() => new WireReader(bytes([0xff, 0xff, 0xff, 0xff, 0x1f])).uvarint()).toThrow(/32 bits/);
  });

  it('reads classic and compact strings, nullable or not', () => {
    const r = new WireReader(bytes(str('héllo'), str(null), cstr('kafka'), cstr(null), cstr('')));
    expect(r.string()).toBe('héllo');
    expect(r.nullableString()).toBeNull();
    expect(r.compactString()).toBe('kafka');
    expect(r.compactNullableString()).toBeNull();
    expect(r.compactString()).toBe('');
  });

  it('refuses null where the schema says non-nullable', () => {
    expect(() => new WireReader(bytes(str(null))).string()).toThrow(/unexpected null/);
    expect(() => new WireReader(bytes(cstr(null))).compactString()).toThrow(/unexpected null/);
    expect(() => new WireReader(bytes(carr(null))).compactArray((r) => r.int8())).toThrow(/unexpected null/);
  });

  it('reads classic and compact arrays, including null ones', () => {
    const r = new WireReader(bytes(arr([i32(1), i32(2)]), arr(null), carr([i8(3)]), carr(null)));
    expect(r.array((x) => x.int32())).toEqual([1, 2]);
    expect(r.nullableArray((x) => x.int32())).toBeNull();
    expect(r.compactArray((x) => x.int8())).toEqual([3]);
    expect(r.compactNullableArray((x) => x.int8())).toBeNull();
  });

  it('reads a UUID the way Kafka prints it', () => {
    const r = new WireReader(bytes([...Array(15).fill(0), 1]));
    expect(r.uuid()).toBe('AAAAAAAAAAAAAAAAAAAAAQ');
  });

  it('reads and skips tagged fields, whatever they contain', () => {
    const section = tags({ tag: 0, data: i64(42) }, { tag: 7, data: cstr('future') });
    const r = new WireReader(bytes(section, i8(9)));
    const fields = r.taggedFields();
    expect(fields.map((f) => f.tag)).toEqual([0, 7]);
    expect(Buffer.from(fields[0]?.data ?? []).readBigInt64BE()).toBe(42n);
    expect(r.int8()).toBe(9);

    const skipping = new WireReader(bytes(section, tags(), i8(9)));
    skipping.skipTaggedFields();
    skipping.skipTaggedFields();
    expect(skipping.int8()).toBe(9);
  });

  it('fails cleanly on truncated input', () => {
    expect(() => new WireReader(bytes([0, 0, 1])).int32()).toThrow(WireFormatError);
    expect(() => new WireReader(bytes(i16(5), [0x61])).string()).toThrow(/need 5 bytes/);
    // A corrupt count must not make us loop or allocate wildly.
    expect(() => new WireReader(bytes(i32(1_000_000), [1])).array((r) => r.int8())).toThrow(/exceeds remaining/);
  });

  it('reads what WireWriter writes', () => {
    const written = new WireWriter()
      .compactArray(['a', 'bc'], (w, s) => w.compactString(s).emptyTaggedFields())
      .array([5n], (w, v) => w.int64(v))
      .string(null)
      .toBytes();
    const r = new WireReader(written);
    expect(
      r.compactArray((x) => {
        const s = x.compactString();
        x.skipTaggedFields();
        return s;
      }),
    ).toEqual(['a', 'bc']);
    expect(r.array((x) => x.int64())).toEqual([5n]);
    expect(r.nullableString()).toBeNull();
    expect(r.remaining).toBe(0);
  });

  it('respects the byte offset of a Buffer view', () => {
    const backing = Buffer.from([0xaa, 0xbb, 0, 0, 0, 7]);
    expect(new WireReader(backing.subarray(2)).int32()).toBe(7);
  });
});
