import { NO_LEADER, type PartitionInfo } from './cluster-snapshot';

/** The replication state of one partition, with the same meanings as Kafka's own topic-describe flags. */
export interface PartitionState {
  /** No leader: nobody can produce to or consume from it. */
  readonly offline: boolean;
  /** Fewer in-sync replicas than assigned replicas (`--under-replicated-partitions`). */
  readonly underReplicated: boolean;
  /** Fewer in-sync replicas than min.insync.replicas, or no leader (`--under-min-isr-partitions`); acks=all writes fail. */
  readonly underMinIsr: boolean;
  /** Exactly min.insync.replicas in sync (`--at-min-isr-partitions`): one more loss blocks acks=all writes. */
  readonly atMinIsr: boolean;
  /** The leader is the first assigned replica. */
  readonly preferredLeader: boolean;
}

export function partitionState(partition: PartitionInfo, minInsyncReplicas: number | null): PartitionState {
  const hasLeader = partition.leader !== NO_LEADER;
  const isrSize = partition.isr.length;
  return {
    offline: !hasLeader,
    underReplicated: isrSize < partition.replicas.length,
    underMinIsr: !hasLeader || (minInsyncReplicas !== null && isrSize < minInsyncReplicas),
    atMinIsr: minInsyncReplicas !== null && isrSize === minInsyncReplicas,
    preferredLeader: hasLeader && partition.replicas[0] === partition.leader,
  };
}

/** How one replica of a partition is doing; the renderer colours chips by this and nothing else. */
export type ReplicaState = 'leader' | 'in-sync' | 'out-of-sync' | 'offline';

export function replicaState(partition: PartitionInfo, brokerId: number, unavailableBrokers: ReadonlySet<number>): ReplicaState {
  if (partition.offlineReplicas.includes(brokerId) || unavailableBrokers.has(brokerId)) return 'offline';
  if (partition.leader === brokerId) return 'leader';
  return partition.isr.includes(brokerId) ? 'in-sync' : 'out-of-sync';
}
