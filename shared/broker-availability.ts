import type { ClusterSnapshot } from './cluster-snapshot';

/**
 * Brokers that cannot serve a replica right now: fenced by the controller, or referenced by an
 * assignment without being registered at all. Replicas on them are shown as offline even before
 * Kafka moves them to offlineReplicas.
 */
export function unavailableBrokers(snapshot: ClusterSnapshot, missingBrokers: readonly number[]): ReadonlySet<number> {
  const ids = new Set<number>(missingBrokers);
  for (const broker of snapshot.brokers) if (broker.fenced) ids.add(broker.id);
  return ids;
}
