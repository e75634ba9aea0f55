import { describe, expect, it } from 'vitest';
import { allTopicsMetadataApi } from './metadata';
import { decodeResponsePayload, encodeRequestPayload } from './raw-broker';
import { bool, bytes, carr, cstr, hex, i16, i32, tags, uuidBytes } from './testing/wire-bytes';

const TOPIC_ID = 'AAECAwQFBgcICQoLDA0ODw';

function partition(index: number, leader: number, replicas: number[], isr: number[], offline: number[], error = 0) {
  return [...i16(error), ...i32(index), ...i32(leader), ...i32(7), ...carr(replicas.map(i32)), ...carr(isr.map(i32)), ...carr(offline.map(i32)), ...tags()];
}

function response(version: number) {
  return bytes(
    tags(), // response header v1
    i32(0), // throttle
    carr([[...i32(1), ...cstr('127.0.0.1'), ...i32(19092), ...cstr('rack-a'), ...tags()]]),
    cstr('cluster-xyz'),
    i32(1),
    carr([
      [
        ...i16(0),
        ...cstr('orders'),
        ...(version >= 10 ? uuidBytes(TOPIC_ID) : []),
        ...bool(false),
        carr([partition(0, 1, [1, 2, 3], [1, 2], []), partition(1, -1, [3], [3], [3], 5)]),
        ...i32(-2147483648),
        ...tags({ tag: 0, data: [1, 2] }),
      ].flat(),
    ]),
    version <= 10 ? i32(-2147483648) : [],
    tags(),
  );
}

describe('Metadata (all topics)', () => {
  it('asks for every topic without creating any', () => {
    // header tagged fields, null topics, allowAutoTopicCreation=false, includeTopicAuthorizedOperations=false, tagged fields
    expect(hex(encodeRequestPayload(allTopicsMetadataApi, 12))).toBe('0000000000');
    expect(hex(encodeRequestPayload(allTopicsMetadataApi, 10))).toBe('000000000000');
  });

  it.each([9, 10, 11, 12])('decodes v%i with leader epochs, offline replicas and partition errors', (version) => {
    const result = decodeResponsePayload(allTopicsMetadataApi, version, response(version));
    expect(result.clusterId).toBe('cluster-xyz');
    expect(result.brokers).toEqual([{ nodeId: 1, host: '127.0.0.1', port: 19092, rack: 'rack-a' }]);
    const [topic] = result.topics;
    expect(topic).toMatchObject({ name: 'orders', isInternal: false, error: null, topicId: version >= 10 ? TOPIC_ID : null });
    expect(topic?.partitions).toEqual([
      { error: null, partitionIndex: 0, leaderId: 1, leaderEpoch: 7, replicaNodes: [1, 2, 3], isrNodes: [1, 2], offlineReplicas: [] },
      { error: 'LEADER_NOT_AVAILABLE', partitionIndex: 1, leaderId: -1, leaderEpoch: 7, replicaNodes: [3], isrNodes: [3], offlineReplicas: [3] },
    ]);
  });
});
