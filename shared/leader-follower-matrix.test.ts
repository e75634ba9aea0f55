import { describe, expect, it } from 'vitest';
import { axisOrder, cellPartitions, followersOf, leaderFollowerMatrix, leadersOf, matrixCell } from './leader-follower-matrix';
import { clusterSnapshot, partitionInfo, syntheticCluster, topicInfo } from './synthetic-snapshot';

describe('leaderFollowerMatrix', () => {
  const snapshot = clusterSnapshot({
    topics: [
      topicInfo('a', [
        partitionInfo(0, [1, 2, 3]),
        partitionInfo(1, [1, 3], { isr: [1] }),
        partitionInfo(2, [2, 3, 1], { isr: [2, 1] }),
        partitionInfo(3, [3, 4], { leader: -1, isr: [] }),
      ]),
    ],
  });
  const matrix = leaderFollowerMatrix(snapshot);

  it('counts, per leader and follower, the partitions replicated and those out of sync', () => {
    expect(matrix.brokerIds).toEqual([1, 2, 3, 4]);
    expect(matrixCell(matrix, 1, 2)).toEqual({ replicated: 1, outOfSync: 0 });
    expect(matrixCell(matrix, 1, 3)).toEqual({ replicated: 2, outOfSync: 1 });
    expect(matrixCell(matrix, 2, 3)).toEqual({ replicated: 1, outOfSync: 1 });
    expect(matrixCell(matrix, 2, 1)).toEqual({ replicated: 1, outOfSync: 0 });
    expect(matrixCell(matrix, 1, 1)).toEqual({ replicated: 0, outOfSync: 0 });
    expect(matrix.maxReplicated).toBe(2);
  });

  it('skips leaderless partitions: nobody replicates from no one', () => {
    expect(matrixCell(matrix, 3, 4)).toEqual({ replicated: 0, outOfSync: 0 });
  });

  it('lists who follows a broker and whom it follows', () => {
    expect(followersOf(matrix, 1)).toEqual([
      { brokerId: 3, replicated: 2, outOfSync: 1 },
      { brokerId: 2, replicated: 1, outOfSync: 0 },
    ]);
    expect(leadersOf(matrix, 3)).toEqual([
      { brokerId: 1, replicated: 2, outOfSync: 1 },
      { brokerId: 2, replicated: 1, outOfSync: 1 },
    ]);
  });

  it('orders an axis by id or by totals', () => {
    expect(axisOrder(matrix, 'follower', 'out-of-sync', true)).toEqual([3, 1, 2, 4]);
    expect(axisOrder(matrix, 'leader', 'replicated', true)).toEqual([1, 2, 3, 4]);
    expect(axisOrder(matrix, 'leader', 'id', true)).toEqual([4, 3, 2, 1]);
  });

  it('finds the partitions behind a cell', () => {
    expect(cellPartitions(snapshot, 1, 3)).toEqual([
      { topic: 'a', partition: 0, followerInSync: true },
      { topic: 'a', partition: 1, followerInSync: false },
    ]);
  });

  it('handles 200 brokers', () => {
    const big = leaderFollowerMatrix(syntheticCluster({ brokers: 200, partitions: 20_000, partitionsPerTopic: 50, replicationFactor: 3, outOfSyncRatio: 0.01, seed: 7 }));
    expect(big.brokerIds).toHaveLength(200);
    expect(big.replicated.reduce((a, b) => a + b, 0)).toBe(40_000);
  });
});
