import { describe, expect, it } from 'vitest';
import { apiVersionsApi } from './api-versions';
import { electLeadersApi } from './elect-leaders';
import { KafkaProtocolError } from './protocol-error';
import { decodeResponsePayload, encodeRequestPayload } from './raw-broker';
import { arr, bytes, carr, cstr, hex, i16, i32, i8, str, tags } from './testing/wire-bytes';

const request = { topic: 'hb', partitions: [0, 2], timeoutMs: 5_000 };

describe('ElectLeaders', () => {
  it('encodes a preferred election for v2 (flexible) and v1', () => {
    const v2 = bytes(tags(), i8(0), carr([[...cstr('hb'), ...carr([i32(0), i32(2)]), ...tags()]]), i32(5_000), tags());
    expect(hex(encodeRequestPayload(electLeadersApi(request), 2))).toBe(hex(v2));
    const v1 = bytes(i8(0), arr([[...str('hb'), ...arr([i32(0), i32(2)])]]), i32(5_000));
    expect(hex(encodeRequestPayload(electLeadersApi(request), 1))).toBe(hex(v1));
  });

  it('decodes per-partition results, treating ELECTION_NOT_NEEDED as success', () => {
    const payload = bytes(
      tags(),
      i32(0),
      i16(0),
      carr([[...cstr('hb'), ...carr([[...i32(0), ...i16(0), ...cstr(null), ...tags()], [...i32(2), ...i16(84), ...cstr('not needed'), ...tags()], [...i32(1), ...i16(80), ...cstr('down'), ...tags()]]), ...tags()]]),
      tags(),
    );
    expect(decodeResponsePayload(electLeadersApi(request), 2, payload)).toEqual([
      { topic: 'hb', partition: 0, error: null, message: null },
      { topic: 'hb', partition: 2, error: null, message: 'not needed' },
      { topic: 'hb', partition: 1, error: 'PREFERRED_LEADER_NOT_AVAILABLE', message: 'down' },
    ]);
  });

  it('throws a top-level error', () => {
    const payload = bytes(i32(0), i16(41), arr([]));
    expect(() => decodeResponsePayload(electLeadersApi(request), 1, payload)).toThrow(KafkaProtocolError);
  });
});

describe('ApiVersions v0–v2', () => {
  it('sends an empty body and reads the key ranges and the throttle time', () => {
    expect(hex(encodeRequestPayload(apiVersionsApi, 2))).toBe('');
    const payload = bytes(i16(0), arr([[...i16(18), ...i16(0), ...i16(4)], [...i16(3), ...i16(0), ...i16(12)]]), i32(0));
    expect(decodeResponsePayload(apiVersionsApi, 2, payload)).toEqual({
      apiVersion: 2,
      apiKeys: [
        { apiKey: 18, minVersion: 0, maxVersion: 4 },
        { apiKey: 3, minVersion: 0, maxVersion: 12 },
      ],
    });
    expect(decodeResponsePayload(apiVersionsApi, 0, bytes(i16(0), arr([])))).toEqual({ apiVersion: 0, apiKeys: [] });
  });
});
