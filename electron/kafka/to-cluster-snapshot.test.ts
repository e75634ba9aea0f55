import { describe, expect, it } from 'vitest';
import { missing, ok } from '../../shared/fetched';
import { partitionKey, type PollResponses } from './poll-responses';
import type { DescribeLogDirsResult } from './protocol/describe-log-dirs';
import type { MetadataResult } from './protocol/metadata';
import { toClusterSnapshot } from './to-cluster-snapshot';

const metadata: MetadataResult = {
  apiVersion: 12,
  clusterId: 'c1',
  controllerId: 2,
  brokers: [1, 2].map((id) => ({ nodeId: id, host: '127.0.0.1', port: 19091 + id, rack: `rack-${id}` })),
  topics: [
    {
      error: null,
      name: 'orders',
      topicId: null,
      isInternal: false,
      partitions: [
        { error: null, partitionIndex: 1, leaderId: 2, leaderEpoch: 4, replicaNodes: [2, 1], isrNodes: [2], offlineReplicas: [] },
        { error: null, partitionIndex: 0, leaderId: 1, leaderEpoch: 3, replicaNodes: [1, 2], isrNodes: [1, 2], offlineReplicas: [] },
      ],
    },
  ],
};

const logDirs = (sizes: Record<number, number>): DescribeLogDirsResult => ({
  apiVersion: 4,
  logDirs: [
    {
      errorCode: 0,
      errorName: 'NONE',
      path: '/data',
      totalBytes: 1_000,
      usableBytes: 400,
      isCordoned: false,
      topics: [{ topic: 'orders', partitions: Object.entries(sizes).map(([p, size]) => ({ partitionIndex: Number(p), size, offsetLag: 0, isFutureKey: false })) }],
    },
  ],
});

function responses(overrides: Partial<PollResponses> = {}): PollResponses {
  return {
    clusterKey: 'k',
    profileName: 'prod',
    bootstrap: ['127.0.0.1:19092'],
    takenAt: 10,
    pollDurationMs: 5,
    requestCount: 12,
    metadata,
    describeCluster: ok({
      apiVersion: 2,
      clusterId: 'c1',
      controllerId: 2,
      brokers: [
        { brokerId: 2, host: '127.0.0.1', port: 19093, rack: 'rack-2', isFenced: false },
        { brokerId: 1, host: '127.0.0.1', port: 19092, rack: 'rack-1', isFenced: false },
        { brokerId: 3, host: '127.0.0.1', port: 19094, rack: 'rack-3', isFenced: true },
      ],
    }),
    quorum: ok({
      apiVersion: 2,
      topicName: '__cluster_metadata',
      partitionIndex: 0,
      leaderId: 2,
      leaderEpoch: 9,
      highWatermark: 100,
      voters: [
        { replicaId: 2, replicaDirectoryId: null, logEndOffset: 120, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 },
        { replicaId: 1, replicaDirectoryId: null, logEndOffset: 115, lastFetchTimestamp: 50, lastCaughtUpTimestamp: 40 },
        { replicaId: 3, replicaDirectoryId: null, logEndOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1 },
      ],
      observers: [],
      nodes: [],
    }),
    topicConfigs: ok(new Map([['orders', ok({ minInsyncReplicas: 2, retentionMs: 1000, retentionBytes: -1, cleanupPolicy: 'delete' })]])),
    offsetsByBroker: new Map([
      [1, ok(new Map([[partitionKey('orders', 0), { logStartOffset: 5, highWatermark: 50 }]]))],
      [2, missing('Request timed out after 5000 ms')],
    ]),
    logDirsByBroker: new Map([
      [1, ok(logDirs({ 0: 300, 1: 100 }))],
      [2, ok(logDirs({ 0: 290, 1: 110 }))],
    ]),
    consumerGroups: ok([]),
    brokerErrors: [{ brokerId: 2, operation: 'ListOffsets', error: 'Request timed out after 5000 ms' }],
    ...overrides,
  };
}

describe('toClusterSnapshot', () => {
  it('keeps fenced brokers from DescribeCluster, sorted by id, with their log dirs or why they are missing', () => {
    const snapshot = toClusterSnapshot(responses());
    expect(snapshot.brokers.map((b) => [b.id, b.rack, b.fenced])).toEqual([
      [1, 'rack-1', false],
      [2, 'rack-2', false],
      [3, 'rack-3', true],
    ]);
    expect(snapshot.brokers[0]?.logDirs).toEqual(ok([{ path: '/data', error: null, totalBytes: 1_000, usableBytes: 400, replicaBytes: 400, replicaCount: 2 }]));
    expect(snapshot.brokers[2]?.logDirs).toEqual(missing('broker is fenced: not asked for its log dirs'));
    expect(snapshot.brokersIncludeFenced).toBe(true);
  });

  it('says when the broker list cannot include fenced brokers (DescribeCluster before v2, Kafka 3.x)', () => {
    const described = responses().describeCluster;
    if (described.status !== 'ok') throw new Error('fixture');
    const v1 = { ...described.value, apiVersion: 1, brokers: described.value.brokers.filter((b) => b.brokerId !== 3).map((b) => ({ ...b, isFenced: null })) };
    const snapshot = toClusterSnapshot(responses({ describeCluster: ok(v1) }));
    expect(snapshot.brokers.map((b) => [b.id, b.fenced])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect(snapshot.brokersIncludeFenced).toBe(false);
  });

  it("takes offsets and size from each partition's leader and says which leader failed", () => {
    const [topic] = toClusterSnapshot(responses()).topics;
    const [p0, p1] = topic?.partitions ?? [];
    expect(p0).toMatchObject({ partition: 0, leader: 1, leaderEpoch: 3, offsets: ok({ logStartOffset: 5, highWatermark: 50 }), sizeBytes: ok(300) });
    expect(p1).toMatchObject({ partition: 1, leader: 2, offsets: missing('leader broker 2: Request timed out after 5000 ms'), sizeBytes: ok(110) });
  });

  it('falls back to Metadata brokers when DescribeCluster failed', () => {
    const snapshot = toClusterSnapshot(responses({ describeCluster: missing('UNSUPPORTED_VERSION') }));
    expect(snapshot.brokers.map((b) => b.id)).toEqual([1, 2]);
    expect(snapshot.brokersIncludeFenced).toBe(false);
  });

  it("computes voter lag from the leader's log end offset, as kafka-metadata-quorum does", () => {
    const snapshot = toClusterSnapshot(responses());
    expect(snapshot.quorum.status === 'ok' && snapshot.quorum.value.voters.map((v) => [v.id, v.lag])).toEqual([
      [1, 5],
      [2, 0],
      [3, 120],
    ]);
  });
});
