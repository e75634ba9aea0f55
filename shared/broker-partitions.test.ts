import { describe, expect, it } from 'vitest';
import { brokerTopicGroups } from './broker-partitions';
import { deriveClusterModel } from './cluster-model';
import { clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

describe('brokerTopicGroups', () => {
  it('groups the partitions a broker leads and follows by topic, with its out-of-sync ones', () => {
    const snapshot = clusterSnapshot({
      topics: [
        topicInfo('a', [partitionInfo(0, [1, 2]), partitionInfo(1, [2, 1], { isr: [2] }), partitionInfo(2, [2, 3])]),
        topicInfo('b', [partitionInfo(0, [3, 2])]),
      ],
    });
    expect(brokerTopicGroups(snapshot, deriveClusterModel(snapshot), 1)).toEqual([
      { topic: 'a', led: [0], followed: [1], outOfSync: [1], offline: [] },
    ]);
    expect(brokerTopicGroups(snapshot, deriveClusterModel(snapshot), 2).map((g) => [g.topic, g.led, g.followed])).toEqual([
      ['a', [1, 2], [0]],
      ['b', [], [0]],
    ]);
  });
});
