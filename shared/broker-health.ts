import type { BrokerLiveness } from './broker-status-history';
import type { HealthReason } from './cluster-health';
import type { HeartbeatCounts } from './heartbeat-ledger';
import type { HeartbeatCoverage, HeartbeatFixPlan } from './heartbeat-coverage';
import type { LatencySummary } from './latency-stats';

/**
 * What the main process pushes about each cluster's brokers after every poll (`brokerHealth`):
 * status with since-when, request latency, heartbeat figures and outlier flags per broker, and a
 * bounded chart series. Everything in it is derived in shared/ and computed in the main process;
 * the renderer sorts and draws it.
 */

/** Heartbeat figures for the broker that led the partitions when the messages were sent. */
export interface HeartbeatBrokerStats {
  readonly brokerId: number;
  /** Heartbeat partitions it leads now. */
  readonly partitions: readonly number[];
  /** Produce request to acks=all acknowledgement, over the stats window. */
  readonly ackLatency: LatencySummary;
  /** Send to read back by the probe's consumer, over the stats window. */
  readonly endToEndLatency: LatencySummary;
  /** Over the stats window. */
  readonly window: HeartbeatCounts;
  /** Since the heartbeat was turned on. */
  readonly total: HeartbeatCounts;
  /** acknowledged / (acknowledged + failed) over the window; null when no send ended in the window. */
  readonly availability: number | null;
  /** Sends still waiting for an answer. */
  readonly inFlight: number;
}

export type HeartbeatRunState = 'off' | 'starting' | 'running' | 'stopping' | 'error';

export const HEARTBEAT_RUN_STATE_LABELS: Record<HeartbeatRunState, string> = {
  off: 'off',
  starting: 'starting',
  running: 'running',
  stopping: 'stopping',
  error: 'error',
};

export interface HeartbeatStatus {
  readonly clusterKey: string;
  /** What the user asked for; writes happen only while this is true. */
  readonly enabled: boolean;
  readonly topic: string;
  readonly state: HeartbeatRunState;
  /** Epoch ms the state was entered. */
  readonly since: number | null;
  /** Why it is in `error`, or the last error that made a cycle fail. */
  readonly error: string | null;
  /** Null when the topic does not exist, or before the first poll that saw it. */
  readonly coverage: HeartbeatCoverage | null;
  /** Whether the last poll saw the topic; null before any poll. */
  readonly topicExists: boolean | null;
  readonly intervalMs: number;
}

export interface BrokerOutlierFlags {
  /** Request latency far above its peers' median (median absolute deviation rule). */
  readonly slowRequests: boolean;
  /** Heartbeat acknowledgement latency far above its peers' median. */
  readonly slowHeartbeat: boolean;
  /** Dropped out of ISRs repeatedly within the flapping window. */
  readonly flappingIsr: boolean;
  /** Modified z-scores behind the flags; null when not judged (too few peers, offline, timed out). */
  readonly requestScore: number | null;
  readonly heartbeatScore: number | null;
  /** Polls within the flapping window at which it left an ISR. */
  readonly isrShrinks: number;
}

export interface BrokerHealthRow {
  readonly brokerId: number;
  readonly status: BrokerLiveness;
  readonly since: number;
  readonly downSince: number | null;
  readonly lastSeenAt: number | null;
  readonly detail: string;
  /** Replicas it hosts that count as offline because it is down (all of them while offline or fenced). */
  readonly offlineReplicas: number;
  /** ApiVersions round trip on a dedicated connection, over the latency window. */
  readonly requestLatency: LatencySummary;
  /** Null while the heartbeat is off for this cluster. */
  readonly heartbeat: HeartbeatBrokerStats | null;
  readonly outlier: BrokerOutlierFlags;
}

/** One chart point per poll. Null where there was nothing to measure or the attempt failed. */
export interface LatencyPoint {
  /** Epoch ms of the poll. */
  readonly t: number;
  readonly requestMs: number | null;
  readonly requestTimedOut: boolean;
  /** Median acknowledgement latency of the heartbeats acknowledged since the previous point. */
  readonly heartbeatAckMs: number | null;
  readonly heartbeatEndToEndMs: number | null;
  /** acknowledged / (acknowledged + failed) since the previous point. */
  readonly heartbeatAvailability: number | null;
}

export interface BrokerLatencySeries {
  readonly brokerId: number;
  readonly points: readonly LatencyPoint[];
}

export interface BrokerHealthReport {
  readonly clusterKey: string;
  /** The poll this report belongs to (its snapshot's takenAt). */
  readonly takenAt: number;
  readonly latencyWindowMs: number;
  readonly heartbeatWindowMs: number;
  readonly brokers: readonly BrokerHealthRow[];
  /** Partitions with a replica on a down broker: under-replicated (or offline) by the app's own, earlier account. */
  readonly partitionsWithOfflineReplicas: number;
  readonly heartbeat: HeartbeatStatus;
  /** Reasons only history can give (offline, recovering, slow, flapping, heartbeat); the snapshot's own are in deriveClusterModel. */
  readonly health: readonly HealthReason[];
  /** At most `maxSeriesBrokers` brokers (the flagged and slowest first) over the last `seriesWindowMs`. */
  readonly series: readonly BrokerLatencySeries[];
  /** True when brokers were left out of `series`; getLatencyHistory has them all. */
  readonly seriesTruncated: boolean;
}

/** The answer to getLatencyHistory: every broker's kept points, oldest first. */
export interface LatencyHistory {
  readonly clusterKey: string;
  readonly historyMs: number;
  readonly series: readonly BrokerLatencySeries[];
}

/** The answer to fixHeartbeatCoverage: what was changed, and the heartbeat's state after it. */
export interface HeartbeatFixResult {
  readonly plan: HeartbeatFixPlan;
  readonly status: HeartbeatStatus;
}

/** The answer to deleteHeartbeatTopic. */
export interface HeartbeatTopicDeletion {
  readonly clusterKey: string;
  readonly topic: string;
  readonly deleted: boolean;
}
