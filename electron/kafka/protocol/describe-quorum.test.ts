import { describe, expect, it } from 'vitest';
import { describeQuorumApi } from './describe-quorum';
import { KafkaProtocolError } from './protocol-error';
import { decodeResponsePayload, encodeRequestPayload } from './raw-broker';
import { bytes, carr, cstr, hex, i16, i32, i64, tags, u16, uuidBytes, type Bytes } from './testing/wire-bytes';

interface Replica {
  id: number;
  dir?: string;
  leo: number;
  lastFetch?: number;
  caughtUp?: number;
}

const DIR_A = 'q1w2e3r4t5y6u7i8o9p0aQ';

/** ReplicaState per DescribeQuorumResponse.json's commonStructs. */
const replica = (version: number, r: Replica): Bytes => [
  ...i32(r.id),
  ...(version >= 2 ? uuidBytes(r.dir ?? 'AAAAAAAAAAAAAAAAAAAAAA') : []),
  ...i64(r.leo),
  ...(version >= 1 ? [...i64(r.lastFetch ?? -1), ...i64(r.caughtUp ?? -1)] : []),
  ...tags(),
];

function responseBody(
  version: number,
  p: {
    errorCode?: number;
    errorMessage?: string | null;
    partitionErrorCode?: number;
    partitionErrorMessage?: string | null;
    voters?: Replica[];
    observers?: Replica[];
    partitionTags?: Bytes;
  } = {},
): Bytes {
  const partition: Bytes = [
    ...i32(0), // PartitionIndex
    ...i16(p.partitionErrorCode ?? 0),
    ...(version >= 2 ? cstr(p.partitionErrorMessage ?? null) : []),
    ...i32(3), // LeaderId
    ...i32(7), // LeaderEpoch
    ...i64(1234), // HighWatermark
    ...carr((p.voters ?? []).map((r) => replica(version, r))),
    ...carr((p.observers ?? []).map((r) => replica(version, r))),
    ...(p.partitionTags ?? tags()),
  ];
  return [
    ...i16(p.errorCode ?? 0),
    ...(version >= 2 ? cstr(p.errorMessage ?? null) : []),
    ...carr([[...cstr('__cluster_metadata'), ...carr([partition]), ...tags()]]),
    ...(version >= 2
      ? carr([
          [...i32(3), ...carr([[...cstr('CONTROLLER'), ...cstr('127.0.0.1'), ...u16(19095), ...tags()]]), ...tags()],
        ])
      : []),
    ...tags(),
  ];
}

describe('DescribeQuorum request', () => {
  it('asks for __cluster_metadata partition 0 after the header tagged fields', () => {
    const expected =
      '00' + // request header v2 tagged fields
      '02' + // Topics: 1 element
      '13' + Buffer.from('__cluster_metadata').toString('hex') + // TopicName (18 + 1)
      '02' + '00000000' + '00' + // Partitions: [PartitionIndex 0, tags]
      '00' + // topic tags
      '00'; // body tags
    for (const version of [0, 1, 2]) expect(hex(encodeRequestPayload(describeQuorumApi, version))).toBe(expected);
  });
});

describe('DescribeQuorum response', () => {
  it('decodes v2 with directory ids, timestamps and controller endpoints', () => {
    const payload = bytes(
      tags({ tag: 1, data: [0xde, 0xad] }), // a non-empty response header tagged field to skip
      responseBody(2, {
        voters: [
          { id: 3, dir: DIR_A, leo: 1240, lastFetch: -1, caughtUp: 1_700_000_000_000 },
          { id: 1, leo: 1200, lastFetch: 1_699_999_999_000, caughtUp: 1_699_999_998_000 },
        ],
        observers: [{ id: 2, leo: 1239, lastFetch: 5, caughtUp: 6 }],
        partitionTags: tags({ tag: 0, data: i64(99) }), // e.g. a tagged field added by a later release
      }),
    );
    expect(decodeResponsePayload(describeQuorumApi, 2, payload)).toEqual({
      apiVersion: 2,
      topicName: '__cluster_metadata',
      partitionIndex: 0,
      leaderId: 3,
      leaderEpoch: 7,
      highWatermark: 1234,
      voters: [
        { replicaId: 3, replicaDirectoryId: DIR_A, logEndOffset: 1240, lastFetchTimestamp: -1, lastCaughtUpTimestamp: 1_700_000_000_000 },
        {
          replicaId: 1,
          replicaDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA',
          logEndOffset: 1200,
          lastFetchTimestamp: 1_699_999_999_000,
          lastCaughtUpTimestamp: 1_699_999_998_000,
        },
      ],
      observers: [{ replicaId: 2, replicaDirectoryId: 'AAAAAAAAAAAAAAAAAAAAAA', logEndOffset: 1239, lastFetchTimestamp: 5, lastCaughtUpTimestamp: 6 }],
      nodes: [{ nodeId: 3, listeners: [{ name: 'CONTROLLER', host: '127.0.0.1', port: 19095 }] }],
    });
  });

  it('decodes v1 (timestamps, no directory ids or nodes) and v0 (schema defaults)', () => {
    const v1 = decodeResponsePayload(describeQuorumApi, 1, bytes(tags(), responseBody(1, { voters: [{ id: 3, leo: 10, lastFetch: 8, caughtUp: 9 }] })));
    expect(v1.voters).toEqual([{ replicaId: 3, replicaDirectoryId: null, logEndOffset: 10, lastFetchTimestamp: 8, lastCaughtUpTimestamp: 9 }]);
    expect(v1.nodes).toEqual([]);

    const v0 = decodeResponsePayload(describeQuorumApi, 0, bytes(tags(), responseBody(0, { voters: [{ id: 3, leo: 10 }] })));
    expect(v0.voters).toEqual([{ replicaId: 3, replicaDirectoryId: null, logEndOffset: 10, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 }]);
  });

  it('throws the top-level error code with its message', () => {
    const payload = bytes(tags(), responseBody(2, { errorCode: 31, errorMessage: 'no DESCRIBE on CLUSTER' }));
    expect(() => decodeResponsePayload(describeQuorumApi, 2, payload)).toThrow(KafkaProtocolError);
    expect(() => decodeResponsePayload(describeQuorumApi, 2, payload)).toThrow(/CLUSTER_AUTHORIZATION_FAILED \[31\]: no DESCRIBE on CLUSTER/);
  });

  it('throws the partition error code, naming the partition', () => {
    const payload = bytes(tags(), responseBody(1, { partitionErrorCode: 6 }));
    let caught: unknown;
    try {
      decodeResponsePayload(describeQuorumApi, 1, payload);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: 'KafkaProtocolError', code: 6, retriable: true });
    expect(String(caught)).toContain('DescribeQuorum (__cluster_metadata-0) failed');
  });
});
