import type { Fetched } from './fetched';
import type { BrokerInstanceInfo } from './instance-mapping';

/** Kafka's "no leader" sentinel in Metadata responses. */
export const NO_LEADER = -1;

export interface LogDirInfo {
  readonly path: string;
  /** Kafka error name for this directory (e.g. KAFKA_STORAGE_ERROR), null when healthy. */
  readonly error: string | null;
  readonly totalBytes: number | null;
  readonly usableBytes: number | null;
  /** Sum of the sizes of the replicas stored in this directory. */
  readonly replicaBytes: number;
  readonly replicaCount: number;
}

export interface BrokerInfo {
  readonly id: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
  /** Registered with the controller but fenced: not serving, not eligible for leadership. */
  readonly fenced: boolean;
  readonly logDirs: Fetched<readonly LogDirInfo[]>;
}

export interface QuorumVoter {
  readonly id: number;
  readonly logEndOffset: number;
  /** Leader's log end offset minus this voter's, as Kafka's metadata-quorum tool reports it. */
  readonly lag: number;
  readonly lastFetchTimestamp: number | null;
  readonly lastCaughtUpTimestamp: number | null;
}

export interface QuorumInfo {
  /** The active controller: the leader of the KRaft metadata quorum (-1 when none is elected). */
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly highWatermark: number;
  readonly voters: readonly QuorumVoter[];
  readonly observers: readonly QuorumVoter[];
}

export interface TopicConfig {
  readonly minInsyncReplicas: number | null;
  readonly retentionMs: number | null;
  readonly retentionBytes: number | null;
  readonly cleanupPolicy: string | null;
}

export interface PartitionOffsets {
  readonly logStartOffset: number;
  readonly highWatermark: number;
}

export interface PartitionInfo {
  readonly partition: number;
  /** Broker id of the leader, NO_LEADER when the partition is offline. */
  readonly leader: number;
  readonly leaderEpoch: number | null;
  /** Assigned replicas in assignment order: the first is the preferred leader. */
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
  /** Kafka error name from Metadata for this partition (e.g. LEADER_NOT_AVAILABLE), null when none. */
  readonly error: string | null;
  readonly offsets: Fetched<PartitionOffsets>;
  /** Size of the leader's replica on disk (from the leader's log dirs). */
  readonly sizeBytes: Fetched<number>;
}

export interface TopicInfo {
  readonly name: string;
  readonly internal: boolean;
  readonly partitions: readonly PartitionInfo[];
  readonly config: Fetched<TopicConfig>;
}

export interface GroupMemberAssignment {
  readonly memberId: string;
  readonly clientId: string;
  readonly clientHost: string;
  readonly assignment: readonly { readonly topic: string; readonly partitions: readonly number[] }[];
}

export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  /** -1 when the group has no committed offset for this partition. */
  readonly offset: number;
}

export interface ConsumerGroupInfo {
  readonly groupId: string;
  readonly state: string;
  readonly protocolType: string;
  readonly members: readonly GroupMemberAssignment[];
  readonly offsets: Fetched<readonly CommittedOffset[]>;
}

/** What went wrong talking to one broker during one poll; the rest of the poll still counts. */
export interface BrokerError {
  readonly brokerId: number;
  readonly operation: string;
  readonly error: string;
}

/**
 * Round trip of one light request (ApiVersions) to one broker, sent on a connection used for
 * nothing else, so it measures the broker and the network rather than the poll's own queue.
 */
export interface BrokerRequestLatency {
  readonly brokerId: number;
  /** Milliseconds; null when the request failed or timed out. */
  readonly rttMs: number | null;
  readonly timedOut: boolean;
  /** Why there is no number: the timeout or the connection error, named. */
  readonly error: string | null;
}

export interface ClusterSnapshot {
  /** The profile's stable key in this app; several clusters are polled side by side. */
  readonly clusterKey: string;
  readonly profileName: string;
  readonly kafkaClusterId: string | null;
  /** Epoch milliseconds when the poll completed. */
  readonly takenAt: number;
  readonly pollDurationMs: number;
  /** Kafka protocol requests sent during the poll. */
  readonly requestCount: number;
  readonly bootstrap: readonly string[];
  readonly brokers: readonly BrokerInfo[];
  /**
   * True when `brokers` lists fenced brokers too (DescribeCluster v2, Kafka 4.0+), so a broker
   * missing from it is not registered at all: under KRaft a stopped broker stays registered, fenced,
   * until it is unregistered. Absent or false when only unfenced brokers could be listed (Kafka 3.x,
   * or DescribeCluster failed): a broker missing from `brokers` may then just be down.
   */
  readonly brokersIncludeFenced?: boolean;
  readonly quorum: Fetched<QuorumInfo>;
  readonly topics: readonly TopicInfo[];
  readonly consumerGroups: Fetched<readonly ConsumerGroupInfo[]>;
  readonly brokerErrors: readonly BrokerError[];
  /** One entry per broker in the cluster metadata; absent from snapshots made without the probe. */
  readonly requestLatency?: readonly BrokerRequestLatency[];
  /** Broker id → cloud instance, from the cluster's instance resolver chain; absent when none is configured. */
  readonly instances?: readonly BrokerInstanceInfo[];
}
