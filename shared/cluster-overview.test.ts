import { describe, expect, it } from 'vitest';
import { deriveClusterModel } from './cluster-model';
import { clusterOverview } from './cluster-overview';
import { missing, ok } from './fetched';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

describe('clusterOverview', () => {
  it('counts live, fenced and missing brokers, topics, partitions, replicas and leaders', () => {
    const snapshot = clusterSnapshot({
      brokers: [brokerInfo(1), brokerInfo(2), brokerInfo(3, { fenced: true })],
      topics: [
        topicInfo('a', [partitionInfo(0, [1, 2]), partitionInfo(1, [2, 4], { leader: -1, isr: [] })]),
        topicInfo('b', [partitionInfo(0, [1, 2, 3])]),
      ],
    });
    const overview = clusterOverview(snapshot, deriveClusterModel(snapshot));
    expect(overview.brokers).toEqual({ live: 2, fenced: 1, missing: 1 });
    expect(overview).toMatchObject({ topics: 2, partitions: 3, replicas: 7, leaders: 2 });
  });

  it('names the active controller and lists the voters with their lag', () => {
    const snapshot = clusterSnapshot({
      quorum: ok({
        leaderId: 2,
        leaderEpoch: 7,
        highWatermark: 100,
        voters: [
          { id: 3, logEndOffset: 90, lag: 10, lastFetchTimestamp: 1, lastCaughtUpTimestamp: 1 },
          { id: 2, logEndOffset: 100, lag: 0, lastFetchTimestamp: 1, lastCaughtUpTimestamp: 1 },
        ],
        observers: [],
      }),
    });
    const quorum = clusterOverview(snapshot, deriveClusterModel(snapshot)).quorum;
    expect(quorum.status).toBe('ok');
    if (quorum.status !== 'ok') return;
    expect(quorum.value.leaderId).toBe(2);
    expect(quorum.value.voters.map((v) => [v.id, v.lag, v.isLeader])).toEqual([
      [2, 0, true],
      [3, 10, false],
    ]);
  });

  it('reports no controller rather than broker -1 when the quorum has no leader', () => {
    const base = clusterSnapshot();
    const snapshot = clusterSnapshot({
      quorum: base.quorum.status === 'ok' ? ok({ ...base.quorum.value, leaderId: -1 }) : base.quorum,
    });
    const quorum = clusterOverview(snapshot, deriveClusterModel(snapshot)).quorum;
    expect(quorum.status === 'ok' && quorum.value.leaderId).toBeNull();
  });

  it('passes an undescribed quorum through with its error', () => {
    const snapshot = clusterSnapshot({ quorum: missing('DescribeQuorum: UNSUPPORTED_VERSION') });
    expect(clusterOverview(snapshot, deriveClusterModel(snapshot)).quorum).toEqual({ status: 'missing', error: 'DescribeQuorum: UNSUPPORTED_VERSION' });
  });
});
