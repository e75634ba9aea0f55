import { describe, expect, it } from 'vitest';
import { missing } from './fetched';
import { packBuffers, packPartitions, topicStarts, unpackPartition } from './partition-pack';
import { clusterSnapshot, partitionInfo, syntheticCluster, topicInfo } from './synthetic-snapshot';

describe('packPartitions', () => {
  it('gives back every partition of a generated cluster exactly as the snapshot had it', () => {
    const snapshot = syntheticCluster({ brokers: 12, partitions: 3_000, partitionsPerTopic: 70, replicationFactor: 3, outOfSyncRatio: 0.2, seed: 7 });
    const pack = packPartitions(snapshot.topics);
    const partitions = snapshot.topics.flatMap((topic) => topic.partitions);
    expect(pack.count).toBe(3_000);
    expect(partitions.map((_, i) => unpackPartition(pack, i))).toEqual(partitions);
  });

  it('keeps what is missing, errors, offline replicas and an unknown leader epoch', () => {
    const odd = partitionInfo(3, [4, 5, 6], {
      leader: -1,
      leaderEpoch: null,
      isr: [],
      offlineReplicas: [4, 6],
      error: 'LEADER_NOT_AVAILABLE',
      offsets: missing('broker 4 did not answer ListOffsets'),
      sizeBytes: missing('no log dir reported it'),
    });
    const other = partitionInfo(0, [1], { error: 'LEADER_NOT_AVAILABLE', sizeBytes: missing('no log dir reported it') });
    const pack = packPartitions(clusterSnapshot({ topics: [topicInfo('a', []), topicInfo('b', [odd, other]), topicInfo('c', [])] }).topics);
    expect(unpackPartition(pack, 0)).toEqual(odd);
    expect(unpackPartition(pack, 1)).toEqual(other);
    // Each distinct text once.
    expect(pack.texts).toEqual(['LEADER_NOT_AVAILABLE', 'broker 4 did not answer ListOffsets', 'no log dir reported it']);
    expect(Array.from(pack.topic)).toEqual([1, 1]);
    expect(Array.from(topicStarts(pack, 3))).toEqual([0, 0, 2, 2]);
  });

  it('names a distinct buffer for every array, so the whole pack can be transferred', () => {
    const pack = packPartitions([topicInfo('t', [partitionInfo(0, [1, 2])])]);
    const buffers = packBuffers(pack);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(12);
  });
});
