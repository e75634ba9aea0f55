import type { PartitionRef } from './cluster-health';
import type { ClusterSnapshot } from './cluster-snapshot';
import { partitionState } from './partition-state';

/**
 * What would break if one broker died now, assuming Kafka's defaults: the controller removes it
 * from every ISR and elects a new leader from the remaining ISR (no unclean election).
 * Each partition is counted once, under the worst thing that would newly happen to it; partitions
 * already in that state are not counted again.
 */
export interface BlastRadius {
  readonly brokerId: number;
  /** It leads them and no other replica is in sync: they would have no leader. */
  readonly offline: readonly PartitionRef[];
  /** They would drop below min.insync.replicas: acks=all producers would fail. */
  readonly underMinIsr: readonly PartitionRef[];
  /**
   * They would lose an in-sync replica, and their topic's min.insync.replicas could not be read:
   * they may drop below it or merely be under-replicated; the snapshot cannot say which.
   */
  readonly minIsrUnknown: readonly PartitionRef[];
  /** They would lose an in-sync replica and no longer be fully replicated. */
  readonly underReplicated: readonly PartitionRef[];
  /** Leadership would move to another in-sync replica. */
  readonly leadershipMoves: readonly PartitionRef[];
  /** Partitions hosting a replica on the broker. */
  readonly hosted: number;
}

/** The lists of a blast radius, each a list of partitions a table can show. */
export type BlastEffect = 'offline' | 'underMinIsr' | 'minIsrUnknown' | 'underReplicated' | 'leadershipMoves';
export const BLAST_EFFECTS: readonly BlastEffect[] = ['offline', 'underMinIsr', 'minIsrUnknown', 'underReplicated', 'leadershipMoves'];

export function blastRadius(snapshot: ClusterSnapshot, brokerId: number): BlastRadius {
  const offline: PartitionRef[] = [];
  const underMinIsr: PartitionRef[] = [];
  const minIsrUnknown: PartitionRef[] = [];
  const underReplicated: PartitionRef[] = [];
  const leadershipMoves: PartitionRef[] = [];
  let hosted = 0;

  for (const topic of snapshot.topics) {
    const minIsr = topic.config.status === 'ok' ? topic.config.value.minInsyncReplicas : null;
    for (const partition of topic.partitions) {
      if (!partition.replicas.includes(brokerId)) continue;
      hosted += 1;
      const before = partitionState(partition, minIsr);
      if (before.offline || !partition.isr.includes(brokerId)) continue;

      const ref = { topic: topic.name, partition: partition.partition };
      const isrAfter = partition.isr.filter((id) => id !== brokerId);
      const leads = partition.leader === brokerId;
      if (leads && isrAfter.length === 0) {
        offline.push(ref);
        continue;
      }
      if (leads) leadershipMoves.push(ref);
      // Against an unknown minimum any lost in-sync replica may be the one that crosses it.
      if (minIsr === null) minIsrUnknown.push(ref);
      else if (!before.underMinIsr && isrAfter.length < minIsr) underMinIsr.push(ref);
      else if (!before.underReplicated) underReplicated.push(ref);
    }
  }
  return { brokerId, offline, underMinIsr, minIsrUnknown, underReplicated, leadershipMoves, hosted };
}
