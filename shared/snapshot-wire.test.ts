import { describe, expect, it } from 'vitest';
import { missing } from './fetched';
import { eventFromWire, eventToWire, snapshotFromJson, snapshotToWire } from './snapshot-wire';
import { clusterSnapshot, partitionInfo, syntheticCluster, topicInfo } from './synthetic-snapshot';

describe('the snapshot on the wire', () => {
  it('gives back a generated cluster exactly, through JSON', () => {
    const snapshot = syntheticCluster({ brokers: 12, partitions: 2_000, partitionsPerTopic: 70, replicationFactor: 3, outOfSyncRatio: 0.2, seed: 5 });
    expect(snapshotFromJson(JSON.stringify(snapshotToWire(snapshot)))).toEqual(snapshot);
  });

  it('keeps what is missing and why, errors, offline replicas, an unknown leader epoch and empty topics', () => {
    const odd = partitionInfo(3, [4, 5, 6], {
      leader: -1,
      leaderEpoch: null,
      isr: [],
      offlineReplicas: [4, 6],
      error: 'LEADER_NOT_AVAILABLE',
      offsets: missing('broker 4 did not answer ListOffsets'),
      sizeBytes: missing('no log dir reported it'),
    });
    const snapshot = clusterSnapshot({ topics: [topicInfo('empty', []), topicInfo('t', [odd, partitionInfo(0, [1], { sizeBytes: missing('gone') })])] });
    expect(snapshotFromJson(JSON.stringify(snapshotToWire(snapshot)))).toEqual(snapshot);
  });

  it('changes only snapshot events', () => {
    const status = { clusterKey: 'a', state: 'ok' };
    expect(eventToWire('clusterStatus', status)).toBe(status);
    expect(eventFromWire('clusterStatus', status)).toBe(status);
    const snapshot = clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2])])] });
    expect(eventToWire('snapshot', snapshot)).not.toEqual(snapshot);
    expect(eventFromWire('snapshot', eventToWire('snapshot', snapshot))).toEqual(snapshot);
  });
});
