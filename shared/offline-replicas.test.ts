import { describe, expect, it } from 'vitest';
import { offlineReplicaCounts } from './offline-replicas';
import { clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

describe('offlineReplicaCounts', () => {
  const snapshot = clusterSnapshot({
    topics: [
      topicInfo('a', [partitionInfo(0, [1, 2, 3]), partitionInfo(1, [2, 3]), partitionInfo(2, [1, 2])]),
      topicInfo('b', [partitionInfo(0, [3])]),
    ],
  });

  it('counts every replica on a down broker, and the partitions that have one', () => {
    const counts = offlineReplicaCounts(snapshot, new Set([3]));
    expect([...counts.byBroker]).toEqual([[3, 3]]);
    expect(counts.partitions).toBe(3);
  });

  it('counts a partition once even with two down replicas', () => {
    expect(offlineReplicaCounts(snapshot, new Set([2, 3])).partitions).toBe(4);
    expect(offlineReplicaCounts(snapshot, new Set()).partitions).toBe(0);
  });
});
