import { describe, expect, it } from 'vitest';
import { missing } from './fetched';
import { plainSnapshot, snapshotFromBytes, snapshotToBytes } from './snapshot-wire';
import { clusterSnapshot, partitionInfo, syntheticCluster, topicInfo } from './synthetic-snapshot';

// Compared as plain data: read partitions keep their offsets and sizes in the message until asked.
describe('the snapshot on the wire', () => {
  it('gives back a generated cluster exactly', () => {
    const snapshot = syntheticCluster({ brokers: 12, partitions: 2_000, partitionsPerTopic: 70, replicationFactor: 3, outOfSyncRatio: 0.2, seed: 5 });
    expect(plainSnapshot(snapshotFromBytes(snapshotToBytes(snapshot)))).toEqual(plainSnapshot(snapshot));
  });

  it('keeps what is missing and why, errors, offline replicas, an unknown leader epoch, large offsets and empty topics', () => {
    const odd = partitionInfo(3, [4, 5, 6], {
      leader: -1,
      leaderEpoch: null,
      isr: [],
      offlineReplicas: [4, 6],
      error: 'LEADER_NOT_AVAILABLE',
      offsets: missing('broker 4 did not answer ListOffsets'),
      sizeBytes: missing('no log dir reported it'),
    });
    const big = partitionInfo(1, [2], { offsets: { status: 'ok', value: { logStartOffset: 2 ** 40 + 3, highWatermark: 2 ** 52 + 1 } }, sizeBytes: { status: 'ok', value: 7.5e12 } });
    const snapshot = clusterSnapshot({
      brokerErrors: [{ brokerId: 4, operation: 'ListOffsets', error: 'timed out' }],
      topics: [topicInfo('empty', []), topicInfo('t', [odd, partitionInfo(0, [1], { sizeBytes: missing('gone') }), big]), topicInfo('ünïcode-主题', [partitionInfo(0, [1, 2])])],
    });
    expect(plainSnapshot(snapshotFromBytes(snapshotToBytes(snapshot)))).toEqual(plainSnapshot(snapshot));
  });

  it('reads a message that does not start on an 8-byte boundary, as a Node Buffer may not', () => {
    const snapshot = clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2, 3], { isr: [1] })])] });
    const bytes = snapshotToBytes(snapshot);
    const shifted = Buffer.concat([Buffer.alloc(3), Buffer.from(bytes)]).subarray(3);
    expect(shifted.byteOffset % 8).not.toBe(0);
    expect(plainSnapshot(snapshotFromBytes(shifted))).toEqual(plainSnapshot(snapshot));
  });

  it('says why it refuses a message that is not a whole snapshot', () => {
    const bytes = snapshotToBytes(clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2])])] }));
    expect(() => snapshotFromBytes(new Uint8Array(4))).toThrow('Not a snapshot message: 4 bytes is too short');
    expect(() => snapshotFromBytes(new TextEncoder().encode('{"kind":"event","event":"snapshot"}'))).toThrow('does not start with the snapshot marker');
    expect(() => snapshotFromBytes(bytes.subarray(0, bytes.byteLength - 8))).toThrow(/1 partitions need \d+ bytes, it has \d+/);
  });

  it('refuses to send what its columns cannot hold, naming the topic and partition', () => {
    const snapshot = clusterSnapshot({ topics: [topicInfo('orders', [partitionInfo(7, [1, 2], { leaderEpoch: 2 ** 33 })])] });
    expect(() => snapshotToBytes(snapshot)).toThrow('Cannot send topic "orders" partition 7: its leader epoch (8589934592) is not a 32-bit integer');
  });
});
