import { describe, expect, it } from 'vitest';
import { decodeResponsePayload, encodeRequestPayload } from './raw-broker';
import { bool, bytes, carr, cstr, hex, i16, i32, tags, uuidBytes } from './testing/wire-bytes';
import { topicMetadataApi } from './topic-metadata';

describe('Metadata for named topics', () => {
  it('asks by name, with a zero topic id from v10', () => {
    const v12 = bytes(tags(), carr([[...new Array<number>(16).fill(0), ...cstr('hb'), ...tags()]]), bool(false), bool(false), tags());
    expect(hex(encodeRequestPayload(topicMetadataApi(['hb']), 12))).toBe(hex(v12));
    const v9 = bytes(tags(), carr([[...cstr('hb'), ...tags()]]), bool(false), bool(false), bool(false), tags());
    expect(hex(encodeRequestPayload(topicMetadataApi(['hb']), 9))).toBe(hex(v9));
  });

  it('decodes an unknown topic without throwing', () => {
    const payload = bytes(
      tags(),
      i32(0),
      carr([[...i32(1), ...cstr('127.0.0.1'), ...i32(19092), ...cstr('rack-a'), ...tags()]]),
      cstr('cid'),
      i32(1),
      carr([[...i16(3), ...cstr('hb'), ...uuidBytes('AAAAAAAAAAAAAAAAAAAAAA'), ...bool(false), ...carr([]), ...i32(0), ...tags()]]),
      tags(),
    );
    const result = decodeResponsePayload(topicMetadataApi(['hb']), 12, payload);
    expect(result.topics[0]).toMatchObject({ name: 'hb', error: 'UNKNOWN_TOPIC_OR_PARTITION', partitions: [] });
    expect(result.brokers).toEqual([{ nodeId: 1, host: '127.0.0.1', port: 19092, rack: 'rack-a' }]);
  });
});
