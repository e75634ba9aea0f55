import { describe, expect, it } from 'vitest';
import { describeLogDirsApi } from './describe-log-dirs';
import { decodeResponsePayload, encodeRequestPayload } from './raw-broker';
import { arr, bool, bytes, carr, cstr, hex, i16, i32, i64, str, tags, type Bytes } from './testing/wire-bytes';

interface Dir {
  error?: number;
  path: string;
  topics: Array<{ name: string; partitions: Array<[index: number, size: number, lag: number, future: boolean]> }>;
  total?: number;
  usable?: number;
  cordoned?: boolean;
}

/** DescribeLogDirsResponse body per DescribeLogDirsResponse.json, classic (v1) or flexible (v2+). */
function responseBody(version: number, dirs: Dir[], topLevelError = 0): Bytes {
  const flexible = version >= 2;
  const s = flexible ? cstr : str;
  const a = flexible ? carr : arr;
  const t = flexible ? tags() : [];
  return [
    ...i32(0), // ThrottleTimeMs
    ...(version >= 3 ? i16(topLevelError) : []),
    ...a(
      dirs.map((d) => [
        ...i16(d.error ?? 0),
        ...s(d.path),
        ...a(
          d.topics.map((topic) => [
            ...s(topic.name),
            ...a(topic.partitions.map(([index, size, lag, future]) => [...i32(index), ...i64(size), ...i64(lag), ...bool(future), ...t])),
            ...t,
          ]),
        ),
        ...(version >= 4 ? [...i64(d.total ?? -1), ...i64(d.usable ?? -1)] : []),
        ...(version >= 5 ? bool(d.cordoned ?? false) : []),
        ...t,
      ]),
    ),
    ...t,
  ];
}

const DIRS: Dir[] = [
  { path: '/data/kafka-1', topics: [{ name: 'orders', partitions: [[0, 4096, 0, false], [2, 10, 3, true]] }], total: 1e12, usable: 4e11 },
  { error: 56, path: '/data/broken', topics: [], cordoned: true },
];

describe('DescribeLogDirs request', () => {
  it('v1 (non-flexible): null topics means all, no header tagged fields', () => {
    expect(hex(encodeRequestPayload(describeLogDirsApi(null), 1))).toBe('ffffffff');
  });

  it('v1 lists topics with classic strings and arrays', () => {
    const payload = encodeRequestPayload(describeLogDirsApi([{ topic: 'ab', partitions: [0, 5] }]), 1);
    expect(hex(payload)).toBe('00000001' + '0002' + '6162' + '00000002' + '00000000' + '00000005');
  });

  it('v2+ (flexible): header tags, compact null, body tags', () => {
    expect(hex(encodeRequestPayload(describeLogDirsApi(null), 5))).toBe('00' + '00' + '00');
    const payload = encodeRequestPayload(describeLogDirsApi([{ topic: 'ab', partitions: [1] }]), 3);
    expect(hex(payload)).toBe('00' + '02' + '03' + '6162' + '02' + '00000001' + '00' + '00');
  });

  it('an empty topic list stays empty (dirs only), not null', () => {
    expect(hex(encodeRequestPayload(describeLogDirsApi([]), 1))).toBe('00000000');
    expect(hex(encodeRequestPayload(describeLogDirsApi([]), 2))).toBe('00' + '01' + '00');
  });
});

describe('DescribeLogDirs response', () => {
  const expectedDirs = (withVolumes: boolean, withCordon = false) => [
    {
      errorCode: 0,
      errorName: 'NONE',
      path: '/data/kafka-1',
      topics: [
        {
          topic: 'orders',
          partitions: [
            { partitionIndex: 0, size: 4096, offsetLag: 0, isFutureKey: false },
            { partitionIndex: 2, size: 10, offsetLag: 3, isFutureKey: true },
          ],
        },
      ],
      totalBytes: withVolumes ? 1e12 : -1,
      usableBytes: withVolumes ? 4e11 : -1,
      isCordoned: false,
    },
    // A per-dir error is reported, not thrown: an offline dir is something to show.
    { errorCode: 56, errorName: 'KAFKA_STORAGE_ERROR', path: '/data/broken', topics: [], totalBytes: -1, usableBytes: -1, isCordoned: withCordon },
  ];

  it('decodes v1: classic encoding and no response header tagged fields', () => {
    const body = decodeResponsePayload(describeLogDirsApi(null), 1, bytes(responseBody(1, DIRS)));
    expect(body.logDirs).toEqual(expectedDirs(false));
  });

  it('decodes v4 with volume sizes, skipping a non-empty header tagged field', () => {
    const payload = bytes(tags({ tag: 5, data: cstr('x') }), responseBody(4, DIRS));
    const body = decodeResponsePayload(describeLogDirsApi(null), 4, payload);
    expect(body.apiVersion).toBe(4);
    expect(body.logDirs).toEqual(expectedDirs(true));
  });

  it('decodes v5 with the cordoned flag', () => {
    const body = decodeResponsePayload(describeLogDirsApi(null), 5, bytes(tags(), responseBody(5, DIRS)));
    expect(body.logDirs).toEqual(expectedDirs(true, true));
  });

  it('decodes v2 and v3 without volume sizes', () => {
    for (const version of [2, 3]) {
      const body = decodeResponsePayload(describeLogDirsApi(null), version, bytes(tags(), responseBody(version, DIRS)));
      expect(body.logDirs).toEqual(expectedDirs(false));
    }
  });

  it('throws the v3+ top-level error code', () => {
    const payload = bytes(tags(), responseBody(3, [], 31));
    expect(() => decodeResponsePayload(describeLogDirsApi(null), 3, payload)).toThrow(/DescribeLogDirs failed with CLUSTER_AUTHORIZATION_FAILED \[31\]/);
  });

  it('asks kafkajs to throttle client-side by the returned throttle time (KIP-219)', () => {
    const api = describeLogDirsApi(null);
    const body = decodeResponsePayload(api, 1, bytes([0, 0, 0x01, 0xf4], arr([])));
    expect(api.clientSideThrottleMs?.(body, 1)).toBe(500);
  });
});
