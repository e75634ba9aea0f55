import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { missing, ok } from '../../../shared/fetched';
import { brokerInfo, clusterSnapshot, partitionInfo, topicInfo } from '../../../shared/synthetic-snapshot';

/**
 * A small broken cluster for component tests: broker 3 lags (out of the ISR of partitions it
 * follows), broker 4 is fenced, one partition is offline, broker 2's log dirs did not answer.
 */
export function demoSnapshot(overrides: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return clusterSnapshot({
    clusterKey: 'demo',
    profileName: 'demo',
    takenAt: 1_000,
    brokers: [
      brokerInfo(1, { rack: 'az-a', host: 'kafka-1', port: 9092 }),
      brokerInfo(2, { rack: 'az-b', host: 'kafka-2', port: 9092, logDirs: missing('DescribeLogDirs: request timed out') }),
      brokerInfo(3, { rack: 'az-c', host: 'kafka-3', port: 9092 }),
      brokerInfo(4, { rack: 'az-a', host: 'kafka-4', port: 9092, fenced: true }),
    ],
    topics: [
      topicInfo(
        'orders',
        [
          partitionInfo(0, [1, 2, 3], { isr: [1, 2], sizeBytes: ok(3000) }),
          partitionInfo(1, [2, 3, 1], { isr: [2, 1], sizeBytes: ok(1000) }),
          partitionInfo(2, [3, 1, 2], { sizeBytes: ok(2000) }),
        ],
        2,
      ),
      topicInfo('payments', [partitionInfo(0, [4, 1], { leader: -1, isr: [4], sizeBytes: ok(10) })], 1),
      topicInfo('audit', [partitionInfo(0, [1, 3], { isr: [1], sizeBytes: missing('broker 3: DescribeLogDirs timed out') })], 1),
    ],
    brokerErrors: [{ brokerId: 2, operation: 'DescribeLogDirs', error: 'request timed out' }],
    ...overrides,
  });
}
