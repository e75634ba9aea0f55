import { describe, expect, it } from 'vitest';
import type { TopicInfo } from './cluster-snapshot';
import { missing, ok } from './fetched';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';
import { topicReplicaSkewPct, topicRows } from './topic-rows';

describe('topicRows', () => {
  const brokers = [brokerInfo(1, { rack: 'a' }), brokerInfo(2, { rack: 'b' }), brokerInfo(3, { rack: 'b' })];

  it('counts partition states, rack violations and preferred leaders per topic', () => {
    const snapshot = clusterSnapshot({
      brokers,
      topics: [
        topicInfo(
          'orders',
          [
            partitionInfo(0, [1, 2, 3], { isr: [1, 2] }),
            partitionInfo(1, [2, 1, 3], { leader: 1 }),
            partitionInfo(2, [3, 1], { leader: -1, isr: [] }),
            partitionInfo(3, [1, 2]),
          ],
          2,
        ),
      ],
    });
    const [row] = topicRows(snapshot);
    expect(row).toMatchObject({
      name: 'orders',
      partitions: 4,
      replicationFactor: 3,
      replicationFactorMin: 2,
      underReplicated: 2,
      underMinIsr: 1,
      // partitions 0 and 3 have exactly two in sync
      atMinIsr: 2,
      offline: 1,
      rackViolations: 2,
      preferredLeaderPct: 50,
      minInsyncReplicas: ok(2),
    });
  });

  it('sums sizes, and says unknown with the reason when any partition size is missing', () => {
    const known = topicInfo('a', [partitionInfo(0, [1], { sizeBytes: ok(100) }), partitionInfo(1, [2], { sizeBytes: ok(50) })]);
    const partial = topicInfo('b', [partitionInfo(0, [1], { sizeBytes: ok(100) }), partitionInfo(1, [2], { sizeBytes: missing('broker 2: DescribeLogDirs timed out') })]);
    const rows = topicRows(clusterSnapshot({ brokers, topics: [known, partial] }));
    expect(rows[0]?.sizeBytes).toEqual(ok(150));
    expect(rows[1]?.sizeBytes.status).toBe('missing');
    expect(rows[1]?.sizeBytes.status === 'missing' && rows[1].sizeBytes.error).toContain('1 of 2 partitions');
  });

  it('carries an undescribed config as unknown, not as defaults', () => {
    const topic: TopicInfo = { ...topicInfo('c', [partitionInfo(0, [1])]), config: missing('DescribeConfigs: TOPIC_AUTHORIZATION_FAILED') };
    const [row] = topicRows(clusterSnapshot({ brokers, topics: [topic] }));
    expect(row?.minInsyncReplicas.status).toBe('missing');
    expect(row?.retentionMs.status).toBe('missing');
  });
});

describe('topicReplicaSkewPct', () => {
  it('is zero for the most even spread possible, even when a topic is smaller than the cluster', () => {
    expect(topicReplicaSkewPct(new Map([[1, 1], [2, 1], [3, 1]]), 200)).toBe(0);
    expect(topicReplicaSkewPct(new Map([[1, 2], [2, 2], [3, 1]]), 3)).toBe(0);
  });

  it('measures the busiest broker above the even share', () => {
    expect(topicReplicaSkewPct(new Map([[1, 4], [2, 1], [3, 1]]), 3)).toBe(100);
  });

  it('does not judge an empty topic', () => {
    expect(topicReplicaSkewPct(new Map(), 3)).toBeNull();
  });
});
