import type { BrokerError, BrokerRequestLatency, ConsumerGroupInfo, PartitionOffsets, TopicConfig } from '../../shared/cluster-snapshot';
import type { Fetched } from '../../shared/fetched';
import type { DescribeClusterResult } from './protocol/describe-cluster';
import type { DescribeLogDirsResult } from './protocol/describe-log-dirs';
import type { DescribeQuorumResult } from './protocol/describe-quorum';
import type { MetadataResult } from './protocol/metadata';

/** Groups need no translation: the gateway builds them in the snapshot's own shape. */
export type RawConsumerGroup = ConsumerGroupInfo;

/** Everything one poll gathered, still in the protocol's shapes; `to-cluster-snapshot.ts` turns it into a snapshot. */
export interface PollResponses {
  readonly clusterKey: string;
  readonly profileName: string;
  readonly bootstrap: readonly string[];
  readonly takenAt: number;
  readonly pollDurationMs: number;
  readonly requestCount: number;
  readonly metadata: MetadataResult;
  readonly describeCluster: Fetched<DescribeClusterResult>;
  readonly quorum: Fetched<DescribeQuorumResult>;
  readonly topicConfigs: Fetched<ReadonlyMap<string, Fetched<TopicConfig>>>;
  /** Keyed by the leader broker that answered; a broker that failed has a missing entry. */
  readonly offsetsByBroker: ReadonlyMap<number, Fetched<ReadonlyMap<string, PartitionOffsets>>>;
  readonly logDirsByBroker: ReadonlyMap<number, Fetched<DescribeLogDirsResult>>;
  readonly consumerGroups: Fetched<readonly RawConsumerGroup[]>;
  readonly brokerErrors: readonly BrokerError[];
  /** Absent when the poll ran without the latency probe. */
  readonly requestLatency?: readonly BrokerRequestLatency[];
}

/** Key of a partition in per-broker maps. */
export const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;
