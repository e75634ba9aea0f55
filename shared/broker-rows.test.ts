import { describe, expect, it } from 'vitest';
import { brokerRows } from './broker-rows';
import { deriveClusterModel } from './cluster-model';
import { missing, ok } from './fetched';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

function rowsOf(snapshot: ReturnType<typeof clusterSnapshot>) {
  return brokerRows(snapshot, deriveClusterModel(snapshot));
}

describe('brokerRows', () => {
  const dir = (replicaBytes: number, error: string | null = null) => ({
    path: '/data',
    error,
    totalBytes: null,
    usableBytes: null,
    replicaBytes,
    replicaCount: 1,
  });

  it('gives every registered and every referenced broker a row with its status', () => {
    const snapshot = clusterSnapshot({
      brokers: [brokerInfo(1), brokerInfo(2, { fenced: true })],
      topics: [topicInfo('t', [partitionInfo(0, [1, 2, 9], { isr: [1] })])],
    });
    const rows = rowsOf(snapshot);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [1, 'ok'],
      [2, 'fenced'],
      [9, 'missing'],
    ]);
    expect(rows[2]).toMatchObject({ host: null, rack: null, replicas: 1, outOfSyncReplicas: 1 });
  });

  it('marks the active controller and the other voters', () => {
    const rows = rowsOf(clusterSnapshot());
    expect(rows.map((r) => r.role)).toEqual(['active-controller', 'voter', 'voter']);
  });

  it('says every role is unknown, not none, when the quorum could not be described', () => {
    const rows = rowsOf(clusterSnapshot({ quorum: missing('DescribeQuorum on broker 1: Request timed out after 3000 ms') }));
    expect(rows.map((r) => r.role)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('sums replica bytes over log dirs and says unknown, not zero, when they were not described', () => {
    const snapshot = clusterSnapshot({
      brokers: [
        brokerInfo(1, { logDirs: ok([dir(100), dir(50, 'KAFKA_STORAGE_ERROR')]) }),
        brokerInfo(2, { logDirs: missing('DescribeLogDirs: request timed out') }),
      ],
    });
    const rows = rowsOf(snapshot);
    expect(rows[0]?.diskUsed).toEqual(ok(150));
    expect(rows[0]?.logDirErrors).toBe(1);
    expect(rows[1]?.diskUsed).toEqual(missing('DescribeLogDirs: request timed out'));
  });

  it('attaches per-broker poll errors and instance ids', () => {
    const snapshot = clusterSnapshot({ brokerErrors: [{ brokerId: 2, operation: 'DescribeLogDirs', error: 'timeout' }] });
    const instance = { instanceId: 'i-0abc', zone: 'eu-west-1a', instanceType: 'm7g.xlarge', source: 'static' } as const;
    const rows = brokerRows(snapshot, deriveClusterModel(snapshot), new Map([[1, instance]]));
    expect(rows[0]?.instance).toEqual(instance);
    expect(rows[1]?.errors).toHaveLength(1);
    expect(rows[2]?.instance).toBeNull();
  });
});
