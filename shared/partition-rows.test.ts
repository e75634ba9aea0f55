import { describe, expect, it } from 'vitest';
import { deriveClusterModel } from './cluster-model';
import { partitionRows } from './partition-rows';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

describe('partitionRows', () => {
  const snapshot = clusterSnapshot({
    brokers: [brokerInfo(1), brokerInfo(2), brokerInfo(3), brokerInfo(4, { fenced: true })],
    topics: [
      topicInfo('t', [
        partitionInfo(0, [1, 2, 3], { isr: [1, 3] }),
        partitionInfo(1, [2, 4, 9], { isr: [2] }),
        partitionInfo(2, [3, 1], { leader: -1, isr: [3], offlineReplicas: [3] }),
      ], 2),
    ],
  });
  const rows = partitionRows(snapshot, deriveClusterModel(snapshot));

  it('gives each replica its state, in assignment order', () => {
    expect(rows[0]?.replicas).toEqual([
      { brokerId: 1, state: 'leader' },
      { brokerId: 2, state: 'out-of-sync' },
      { brokerId: 3, state: 'in-sync' },
    ]);
  });

  it('shows replicas on fenced and unregistered brokers as offline', () => {
    expect(rows[1]?.replicas.map((r) => r.state)).toEqual(['leader', 'offline', 'offline']);
  });

  it('has no leader for an offline partition and carries the partition flags', () => {
    expect(rows[2]).toMatchObject({ key: 't/2', leader: null, offline: true, underMinIsr: true, preferredLeader: false });
    expect(rows[2]?.replicas.map((r) => r.state)).toEqual(['offline', 'out-of-sync']);
    expect(rows[0]).toMatchObject({ underReplicated: true, atMinIsr: true, underMinIsr: false, preferredLeader: true });
  });
});
