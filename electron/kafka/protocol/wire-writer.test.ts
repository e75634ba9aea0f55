import { describe, expect, it } from 'vitest';
import { WireWriter } from './wire-writer';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('WireWriter', () => {
  it('writes fixed-width integers big-endian', () => {
    const bytes = new WireWriter().int8(-1).int16(0x0102).uint16(0xfffe).int32(-2).int64(0x0102030405060708n).toBytes();
    expect(hex(bytes)).toBe('ff' + '0102' + 'fffe' + 'fffffffe' + '0102030405060708');
  });

  it('writes int64 from a number, including negatives', () => {
    expect(hex(new WireWriter().int64(-1).toBytes())).toBe('ffffffffffffffff');
    expect(hex(new WireWriter().int64(300).toBytes())).toBe('000000000000012c');
  });

  it.each([
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'],
    [16384, '808001'],
    [0xffffffff, 'ffffffff0f'],
  ])('writes uvarint %i as %s', (value, expected) => {
    expect(hex(new WireWriter().uvarint(value).toBytes())).toBe(expected);
  });

  it('rejects uvarints outside 32 unsigned bits', () => {
    expect(() => new WireWriter().uvarint(-1)).toThrow(RangeError);
    expect(() => new WireWriter().uvarint(2 ** 32)).toThrow(RangeError);
    expect(() => new WireWriter().uvarint(1.5)).toThrow(RangeError);
  });

  it('writes classic strings with an int16 length and -1 for null', () => {
    expect(hex(new WireWriter().string('ab').toBytes())).toBe('0002' + '6162');
    expect(hex(new WireWriter().string(null).toBytes())).toBe('ffff');
    expect(hex(new WireWriter().string('é').toBytes())).toBe('0002' + 'c3a9'); // byte length, not char count
  });

  it('writes compact strings as uvarint(length + 1), 0 for null', () => {
    expect(hex(new WireWriter().compactString('ab').toBytes())).toBe('03' + '6162');
    expect(hex(new WireWriter().compactString('').toBytes())).toBe('01');
    expect(hex(new WireWriter().compactString(null).toBytes())).toBe('00');
  });

  it('writes classic and compact arrays, including null ones', () => {
    expect(hex(new WireWriter().array([1, 2], (w, v) => w.int32(v)).toBytes())).toBe('00000002' + '00000001' + '00000002');
    expect(hex(new WireWriter().array(null, (w, v: number) => w.int32(v)).toBytes())).toBe('ffffffff');
    expect(hex(new WireWriter().compactArray([7], (w, v) => w.int8(v)).toBytes())).toBe('02' + '07');
    expect(hex(new WireWriter().compactArray(null, (w, v: number) => w.int8(v)).toBytes())).toBe('00');
  });

  it('writes an empty tagged-fields section as a single zero byte', () => {
    expect(hex(new WireWriter().emptyTaggedFields().toBytes())).toBe('00');
  });

  it('grows past its initial capacity', () => {
    const writer = new WireWriter(1);
    const long = 'x'.repeat(1000);
    const bytes = writer.compactString(long).int32(5).toBytes();
    expect(bytes.length).toBe(2 + 1000 + 4);
    expect(writer.size).toBe(bytes.length);
    expect(hex(bytes.subarray(0, 2))).toBe('e907'); // 1001 as uvarint
  });
});
