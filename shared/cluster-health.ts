/** Why a cluster is not healthy. A list of these, never a boolean (Redpanda Console's health model). */
export type HealthReasonCode =
  | 'NO_QUORUM_LEADER'
  | 'QUORUM_UNKNOWN'
  | 'BROKERS_MISSING'
  | 'BROKERS_FENCED'
  | 'OFFLINE_PARTITIONS'
  | 'UNDER_MIN_ISR_PARTITIONS'
  | 'MIN_ISR_UNKNOWN'
  | 'UNDER_REPLICATED_PARTITIONS'
  | 'PREFERRED_LEADER_IMBALANCE'
  | 'INCOMPLETE_POLL'
  // From the deployment rules, checked on the page against the user's thresholds:
  | 'DEPLOYMENT_RULES_FAILED'
  // From history across polls (brokerHealth), not from one snapshot:
  | 'BROKERS_OFFLINE'
  | 'BROKERS_RECOVERING'
  | 'SLOW_BROKER'
  | 'FLAPPING_ISR'
  | 'HEARTBEAT_FAILING'
  | 'HEARTBEAT_MESSAGES_LOST'
  | 'HEARTBEAT_MESSAGES_LATE'
  | 'HEARTBEAT_COVERAGE_GAP'
  | 'HEARTBEAT_ERROR';

export type HealthSeverity = 'critical' | 'warning';

export interface PartitionRef {
  readonly topic: string;
  readonly partition: number;
}

export interface HealthReason {
  readonly code: HealthReasonCode;
  readonly severity: HealthSeverity;
  /** How many things the reason is about (partitions, brokers, errors). */
  readonly count: number;
  readonly brokers: readonly number[];
  readonly partitions: readonly PartitionRef[];
  /** What else the count is about, named (the rules that fail). */
  readonly notes: readonly string[];
}

export const HEALTH_REASON_LABELS: Record<HealthReasonCode, string> = {
  NO_QUORUM_LEADER: 'No active controller: the metadata quorum has no leader',
  QUORUM_UNKNOWN: 'Metadata quorum could not be described',
  BROKERS_MISSING: 'Brokers missing: assigned replicas or quorum voters with no registered broker',
  BROKERS_FENCED: 'Brokers fenced by the controller',
  OFFLINE_PARTITIONS: 'Offline partitions: no leader',
  UNDER_MIN_ISR_PARTITIONS: 'Partitions under min.insync.replicas: acks=all writes fail',
  MIN_ISR_UNKNOWN: 'Topics whose min.insync.replicas could not be read: their partitions under it are not counted',
  UNDER_REPLICATED_PARTITIONS: 'Under-replicated partitions',
  PREFERRED_LEADER_IMBALANCE: 'Brokers leading too few of their preferred partitions',
  INCOMPLETE_POLL: 'Some brokers did not answer every request: parts of this view are missing',
  DEPLOYMENT_RULES_FAILED: 'Deployment rules failed',
  BROKERS_OFFLINE: 'Brokers offline: part of the cluster before, now gone or not answering',
  BROKERS_RECOVERING: 'Brokers back online but not yet in sync with every partition they host',
  SLOW_BROKER: 'Brokers answering far slower than their peers',
  FLAPPING_ISR: 'Brokers repeatedly dropping out of ISRs',
  HEARTBEAT_FAILING: 'Heartbeat writes failing: brokers not accepting acks=all writes',
  HEARTBEAT_MESSAGES_LOST: 'Heartbeat messages acknowledged but never delivered',
  HEARTBEAT_MESSAGES_LATE: 'Heartbeat messages delivered late',
  HEARTBEAT_COVERAGE_GAP: 'Heartbeat topic does not probe every broker',
  HEARTBEAT_ERROR: 'Heartbeat probe stopped by an error',
};

export const HEALTH_REASON_SEVERITY: Record<HealthReasonCode, HealthSeverity> = {
  NO_QUORUM_LEADER: 'critical',
  QUORUM_UNKNOWN: 'warning',
  BROKERS_MISSING: 'critical',
  BROKERS_FENCED: 'critical',
  OFFLINE_PARTITIONS: 'critical',
  UNDER_MIN_ISR_PARTITIONS: 'critical',
  MIN_ISR_UNKNOWN: 'warning',
  UNDER_REPLICATED_PARTITIONS: 'warning',
  PREFERRED_LEADER_IMBALANCE: 'warning',
  INCOMPLETE_POLL: 'warning',
  DEPLOYMENT_RULES_FAILED: 'warning',
  BROKERS_OFFLINE: 'critical',
  BROKERS_RECOVERING: 'warning',
  SLOW_BROKER: 'warning',
  FLAPPING_ISR: 'warning',
  HEARTBEAT_FAILING: 'critical',
  HEARTBEAT_MESSAGES_LOST: 'critical',
  HEARTBEAT_MESSAGES_LATE: 'warning',
  HEARTBEAT_COVERAGE_GAP: 'warning',
  HEARTBEAT_ERROR: 'warning',
};

export function healthReason(
  code: HealthReasonCode,
  count: number,
  subjects: { brokers?: readonly number[]; partitions?: readonly PartitionRef[]; notes?: readonly string[] } = {},
): HealthReason {
  return {
    code,
    severity: HEALTH_REASON_SEVERITY[code],
    count,
    brokers: subjects.brokers ?? [],
    partitions: subjects.partitions ?? [],
    notes: subjects.notes ?? [],
  };
}
