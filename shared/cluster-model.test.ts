import { describe, expect, it } from 'vitest';
import { brokerLoads } from './broker-load';
import { deriveClusterModel, missingBrokerIds } from './cluster-model';
import { missing } from './fetched';
import { partitionState, replicaState } from './partition-state';
import { brokerInfo, clusterSnapshot, partitionInfo, syntheticCluster, topicInfo } from './synthetic-snapshot';

describe('partitionState', () => {
  it('flags a partition whose follower fell out of the ISR as under-replicated but not under min ISR', () => {
    const state = partitionState(partitionInfo(0, [1, 2, 3], { isr: [1, 2] }), 2);
    expect(state).toMatchObject({ offline: false, underReplicated: true, underMinIsr: false, atMinIsr: true, preferredLeader: true });
  });

  it('treats a leaderless partition as offline and under min ISR, as kafka-topics does', () => {
    const state = partitionState(partitionInfo(0, [1, 2], { leader: -1, isr: [1] }), 1);
    expect(state.offline).toBe(true);
    expect(state.underMinIsr).toBe(true);
    expect(state.preferredLeader).toBe(false);
  });

  it('does not guess min ISR when the topic config is unknown', () => {
    expect(partitionState(partitionInfo(0, [1, 2, 3], { isr: [1] }), null).underMinIsr).toBe(false);
  });

  it('notices a leader that is not the preferred replica', () => {
    expect(partitionState(partitionInfo(0, [1, 2, 3], { leader: 2 }), 1).preferredLeader).toBe(false);
  });
});

describe('replicaState', () => {
  it('colours each replica by leadership, ISR membership and broker availability', () => {
    const partition = partitionInfo(0, [1, 2, 3], { leader: 1, isr: [1, 2], offlineReplicas: [] });
    const fenced = new Set([4]);
    expect(replicaState(partition, 1, fenced)).toBe('leader');
    expect(replicaState(partition, 2, fenced)).toBe('in-sync');
    expect(replicaState(partition, 3, fenced)).toBe('out-of-sync');
    expect(replicaState(partitionInfo(0, [1, 4]), 4, fenced)).toBe('offline');
    expect(replicaState(partitionInfo(0, [1, 2], { offlineReplicas: [2], isr: [1] }), 2, new Set())).toBe('offline');
  });
});

describe('brokerLoads', () => {
  const topics = [
    topicInfo('a', [partitionInfo(0, [1, 2]), partitionInfo(1, [2, 3]), partitionInfo(2, [3, 1]), partitionInfo(3, [1, 2])]),
  ];

  it('counts leaders, replicas and followers per broker', () => {
    const loads = brokerLoads([brokerInfo(1), brokerInfo(2), brokerInfo(3)], topics, { minPartitionsForSkew: 50 });
    expect(loads.map((l) => [l.brokerId, l.leaders, l.replicas, l.followers])).toEqual([
      [1, 2, 3, 1],
      [2, 1, 3, 2],
      [3, 1, 2, 1],
    ]);
  });

  it('skips skew below the partition threshold and computes it above', () => {
    const small = brokerLoads([brokerInfo(1), brokerInfo(2), brokerInfo(3)], topics, { minPartitionsForSkew: 50 });
    expect(small[0]?.leaderSkewPct).toBeNull();
    const judged = brokerLoads([brokerInfo(1), brokerInfo(2), brokerInfo(3)], topics, { minPartitionsForSkew: 4 });
    // 4 leaders over 3 brokers: average 4/3; broker 1 leads 2 → +50 %.
    expect(judged[0]?.leaderSkewPct).toBeCloseTo(50);
    expect(judged[2]?.replicaSkewPct).toBeCloseTo(-25);
  });

  it('measures skew against the brokers that can carry load, not a fenced one', () => {
    const many = topicInfo(
      't',
      Array.from({ length: 60 }, (_, i) => partitionInfo(i, [(i % 3) + 1, ((i + 1) % 3) + 1])),
    );
    const loads = brokerLoads([brokerInfo(1), brokerInfo(2), brokerInfo(3, { fenced: true })], [many], { minPartitionsForSkew: 50 });
    // Brokers 1 and 2 carry 40 replicas each; the fenced broker's 40 do not lower their average.
    expect(loads[0]?.replicaSkewPct).toBeCloseTo(0);
    expect(loads[1]?.replicaSkewPct).toBeCloseTo(0);
  });

  it('gives a row to a broker that only appears in assignments', () => {
    const loads = brokerLoads([brokerInfo(1)], [topicInfo('t', [partitionInfo(0, [1, 9], { isr: [1] })])]);
    expect(loads.find((l) => l.brokerId === 9)).toMatchObject({ replicas: 1, outOfSyncReplicas: 1, leaders: 0 });
  });
});

describe('deriveClusterModel', () => {
  it('is healthy for a healthy cluster', () => {
    const snapshot = clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2, 3]), partitionInfo(1, [2, 3, 1])], 2)] });
    expect(deriveClusterModel(snapshot).health).toEqual([]);
  });

  it('lists every reason with its count and the rows behind it after a broker dies', () => {
    const brokers = [brokerInfo(1), brokerInfo(2)];
    const snapshot = clusterSnapshot({
      brokers,
      topics: [
        topicInfo(
          'orders',
          [
            partitionInfo(0, [3, 1, 2], { leader: 1, isr: [1, 2] }),
            partitionInfo(1, [1, 2, 3], { isr: [1, 2] }),
            partitionInfo(2, [3], { leader: -1, isr: [3] }),
          ],
          2,
        ),
      ],
    });
    const model = deriveClusterModel(snapshot);
    const byCode = Object.fromEntries(model.health.map((r) => [r.code, r]));
    expect(Object.keys(byCode).sort()).toEqual(
      ['BROKERS_MISSING', 'OFFLINE_PARTITIONS', 'PREFERRED_LEADER_IMBALANCE', 'UNDER_MIN_ISR_PARTITIONS', 'UNDER_REPLICATED_PARTITIONS'].sort(),
    );
    expect(byCode.BROKERS_MISSING?.brokers).toEqual([3]);
    expect(missingBrokerIds(snapshot)).toEqual(model.missingBrokers);
    expect(byCode.OFFLINE_PARTITIONS?.partitions).toEqual([{ topic: 'orders', partition: 2 }]);
    expect(byCode.UNDER_REPLICATED_PARTITIONS?.count).toBe(2);
    expect(byCode.UNDER_MIN_ISR_PARTITIONS?.count).toBe(1);
    expect(model.totals).toMatchObject({ partitions: 3, replicas: 7, offline: 1, underReplicated: 2, nonPreferredLeader: 1 });
  });

  it('does not count partitions under an unknown min.insync.replicas as fine: it says the setting is unknown', () => {
    const dark = topicInfo('dark', [partitionInfo(0, [1, 2, 3], { isr: [1] }), partitionInfo(1, [2, 3, 1], { leader: -1, isr: [2] })], 2);
    const snapshot = clusterSnapshot({
      topics: [
        topicInfo('known', [partitionInfo(0, [1, 2, 3], { isr: [1] }), partitionInfo(1, [2, 3, 1])], 2),
        { ...dark, config: missing('DescribeConfigs on broker 1: Request timed out after 3000 ms') },
      ],
    });
    const model = deriveClusterModel(snapshot);
    const byCode = Object.fromEntries(model.health.map((r) => [r.code, r]));
    // known-0 is under its min ISR of 2; of dark only the leaderless partition is known to be under it.
    expect(byCode.UNDER_MIN_ISR_PARTITIONS?.partitions).toEqual([
      { topic: 'known', partition: 0 },
      { topic: 'dark', partition: 1 },
    ]);
    expect(byCode.MIN_ISR_UNKNOWN).toMatchObject({ severity: 'warning', count: 1 });
    expect(deriveClusterModel(clusterSnapshot({ topics: [topicInfo('known', [partitionInfo(0, [1, 2, 3])], 2)] })).health).toEqual([]);
  });

  it('reports a fenced broker, a quorum without leader and an incomplete poll', () => {
    const snapshot = clusterSnapshot({
      brokers: [brokerInfo(1), brokerInfo(2, { fenced: true })],
      quorum: { status: 'ok', value: { leaderId: -1, leaderEpoch: 3, highWatermark: 0, voters: [], observers: [] } },
      brokerErrors: [{ brokerId: 2, operation: 'DescribeLogDirs', error: 'Request timed out after 3000 ms' }],
    });
    const codes = deriveClusterModel(snapshot).health.map((r) => r.code);
    expect(codes).toEqual(['NO_QUORUM_LEADER', 'BROKERS_FENCED', 'INCOMPLETE_POLL']);
  });

  it('says the quorum is unknown rather than leaderless when it could not be described', () => {
    const snapshot = clusterSnapshot({ quorum: missing('UNSUPPORTED_VERSION from broker 1') });
    expect(deriveClusterModel(snapshot).health.map((r) => r.code)).toEqual(['QUORUM_UNKNOWN']);
  });

  it('does not count dedicated controller nodes as missing brokers', () => {
    const brokers = [brokerInfo(1), brokerInfo(2), brokerInfo(3)];
    const voters = [3000, 3001, 3002].map((id) => ({ id, logEndOffset: 10, lag: 0, lastFetchTimestamp: 0, lastCaughtUpTimestamp: 0 }));
    const snapshot = clusterSnapshot({ brokers, quorum: { status: 'ok', value: { leaderId: 3000, leaderEpoch: 1, highWatermark: 10, voters, observers: [] } } });
    expect(deriveClusterModel(snapshot).missingBrokers).toEqual([]);
    expect(missingBrokerIds(snapshot)).toEqual([]);
    // Combined mode: a voter that is also a broker makes the unregistered voters missing brokers.
    const combined = clusterSnapshot({
      brokers: [brokerInfo(1), brokerInfo(2)],
      quorum: { status: 'ok', value: { leaderId: 1, leaderEpoch: 1, highWatermark: 10, voters: [1, 2, 3].map((id) => ({ id, logEndOffset: 10, lag: 0, lastFetchTimestamp: 0, lastCaughtUpTimestamp: 0 })), observers: [] } },
    });
    expect(missingBrokerIds(combined)).toEqual([3]);
    expect(deriveClusterModel(combined).missingBrokers).toEqual([3]);
  });

  it('derives a generated 200-broker cluster consistently', () => {
    const snapshot = syntheticCluster({ brokers: 200, partitions: 20_000, partitionsPerTopic: 40, replicationFactor: 3, outOfSyncRatio: 0.01, seed: 7 });
    const model = deriveClusterModel(snapshot);
    expect(model.totals.partitions).toBe(20_000);
    expect(model.brokerLoads.reduce((sum, l) => sum + l.leaders, 0)).toBe(20_000);
    expect(model.brokerLoads.reduce((sum, l) => sum + l.replicas, 0)).toBe(60_000);
  });
});
