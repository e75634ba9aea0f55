import type { ClusterSnapshot } from './cluster-snapshot';

export interface OfflineReplicaCounts {
  /** Per down broker, the replicas it hosts: all of them count as offline while it is down. */
  readonly byBroker: ReadonlyMap<number, number>;
  /** Partitions with at least one replica on a down broker: under-replicated, or offline if it led alone. */
  readonly partitions: number;
}

/**
 * Replicas on brokers the status history knows are down (offline or fenced). This is the app's
 * own, earlier view: it holds from the first poll whose probe is refused, seconds before the
 * controller fences the broker and shrinks the ISRs that Kafka's under-replicated count is built on.
 */
export function offlineReplicaCounts(snapshot: ClusterSnapshot, downBrokers: ReadonlySet<number>): OfflineReplicaCounts {
  const byBroker = new Map<number, number>();
  let partitions = 0;
  if (downBrokers.size === 0) return { byBroker, partitions };
  for (const topic of snapshot.topics) {
    for (const partition of topic.partitions) {
      let touched = false;
      for (const id of partition.replicas) {
        if (!downBrokers.has(id)) continue;
        byBroker.set(id, (byBroker.get(id) ?? 0) + 1);
        touched = true;
      }
      if (touched) partitions += 1;
    }
  }
  return { byBroker, partitions };
}
