/** Why a cluster is not healthy. A list of these, never a boolean (Redpanda Console's health model). */
export type HealthReasonCode =
  | 'NO_QUORUM_LEADER'
  | 'QUORUM_UNKNOWN'
  | 'BROKERS_MISSING'
  | 'BROKERS_FENCED'
  | 'OFFLINE_PARTITIONS'
  | 'UNDER_MIN_ISR_PARTITIONS'
  | 'UNDER_REPLICATED_PARTITIONS'
  | 'PREFERRED_LEADER_IMBALANCE'
  | 'INCOMPLETE_POLL';

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
}

export const HEALTH_REASON_LABELS: Record<HealthReasonCode, string> = {
  NO_QUORUM_LEADER: 'No active controller: the metadata quorum has no leader',
  QUORUM_UNKNOWN: 'Metadata quorum could not be described',
  BROKERS_MISSING: 'Brokers missing: assigned replicas or quorum voters with no registered broker',
  BROKERS_FENCED: 'Brokers fenced by the controller',
  OFFLINE_PARTITIONS: 'Offline partitions: no leader',
  UNDER_MIN_ISR_PARTITIONS: 'Partitions under min.insync.replicas: acks=all writes fail',
  UNDER_REPLICATED_PARTITIONS: 'Under-replicated partitions',
  PREFERRED_LEADER_IMBALANCE: 'Brokers leading too few of their preferred partitions',
  INCOMPLETE_POLL: 'Some brokers did not answer every request: parts of this view are missing',
};

export const HEALTH_REASON_SEVERITY: Record<HealthReasonCode, HealthSeverity> = {
  NO_QUORUM_LEADER: 'critical',
  QUORUM_UNKNOWN: 'warning',
  BROKERS_MISSING: 'critical',
  BROKERS_FENCED: 'critical',
  OFFLINE_PARTITIONS: 'critical',
  UNDER_MIN_ISR_PARTITIONS: 'critical',
  UNDER_REPLICATED_PARTITIONS: 'warning',
  PREFERRED_LEADER_IMBALANCE: 'warning',
  INCOMPLETE_POLL: 'warning',
};

export function healthReason(
  code: HealthReasonCode,
  count: number,
  subjects: { brokers?: readonly number[]; partitions?: readonly PartitionRef[] } = {},
): HealthReason {
  return {
    code,
    severity: HEALTH_REASON_SEVERITY[code],
    count,
    brokers: subjects.brokers ?? [],
    partitions: subjects.partitions ?? [],
  };
}
