import { brokerLoads, type BrokerLoad } from './broker-load';
import { healthReason, type HealthReason, type PartitionRef } from './cluster-health';
import type { ClusterSnapshot } from './cluster-snapshot';
import { partitionState } from './partition-state';

export interface DeriveOptions {
  /** Below this many partitions, skew is not judged. */
  readonly minPartitionsForSkew: number;
  /** Kafka's leader.imbalance.per.broker.percentage: a broker leading fewer of its preferred partitions is imbalanced. */
  readonly leaderImbalancePct: number;
}

export const DEFAULT_DERIVE_OPTIONS: DeriveOptions = { minPartitionsForSkew: 50, leaderImbalancePct: 10 };

export interface PartitionTotals {
  readonly topics: number;
  readonly partitions: number;
  readonly replicas: number;
  readonly offline: number;
  readonly underReplicated: number;
  readonly underMinIsr: number;
  readonly atMinIsr: number;
  readonly nonPreferredLeader: number;
}

export interface ClusterModel {
  readonly brokerLoads: readonly BrokerLoad[];
  readonly totals: PartitionTotals;
  /** Broker ids referenced by assignments or quorum voters that are not registered. */
  readonly missingBrokers: readonly number[];
  readonly health: readonly HealthReason[];
}

/**
 * Brokers referenced by an assignment or the quorum that are not registered, in id order. In
 * combined mode (controllers are also brokers) a voter with no registered broker is a broker that
 * is gone; with dedicated controller nodes no voter is ever a broker, so none is missing.
 */
function unregistered(snapshot: ClusterSnapshot, referenced: Set<number>, registered: ReadonlySet<number>): number[] {
  if (snapshot.quorum.status === 'ok') {
    const voters = snapshot.quorum.value.voters.map((v) => v.id);
    if (voters.some((id) => registered.has(id))) for (const id of voters) referenced.add(id);
  }
  return [...referenced].filter((id) => !registered.has(id)).sort((a, b) => a - b);
}

/** The missing brokers of a snapshot (ClusterModel.missingBrokers), without deriving the rest of the model. */
export function missingBrokerIds(snapshot: ClusterSnapshot): number[] {
  const referenced = new Set<number>();
  for (const topic of snapshot.topics) for (const partition of topic.partitions) for (const id of partition.replicas) referenced.add(id);
  return unregistered(snapshot, referenced, new Set(snapshot.brokers.map((b) => b.id)));
}

/** Everything the views and the headless command say about a snapshot, computed once per poll. */
export function deriveClusterModel(snapshot: ClusterSnapshot, options: DeriveOptions = DEFAULT_DERIVE_OPTIONS): ClusterModel {
  const registered = new Set(snapshot.brokers.map((b) => b.id));
  const offline: PartitionRef[] = [];
  const underReplicated: PartitionRef[] = [];
  const underMinIsr: PartitionRef[] = [];
  const referenced = new Set<number>();
  let partitions = 0;
  let replicas = 0;
  let atMinIsr = 0;
  let nonPreferredLeader = 0;
  let minIsrUnknown = 0;

  for (const topic of snapshot.topics) {
    const minIsr = topic.config.status === 'ok' ? topic.config.value.minInsyncReplicas : null;
    if (topic.config.status === 'missing' && topic.partitions.length > 0) minIsrUnknown += 1;
    for (const partition of topic.partitions) {
      partitions += 1;
      replicas += partition.replicas.length;
      for (const id of partition.replicas) referenced.add(id);
      const state = partitionState(partition, minIsr);
      if (state.offline || state.underReplicated || state.underMinIsr) {
        const ref = { topic: topic.name, partition: partition.partition };
        if (state.offline) offline.push(ref);
        if (state.underReplicated) underReplicated.push(ref);
        if (state.underMinIsr) underMinIsr.push(ref);
      }
      if (state.atMinIsr) atMinIsr += 1;
      if (!state.offline && !state.preferredLeader) nonPreferredLeader += 1;
    }
  }

  const missingBrokers = unregistered(snapshot, referenced, registered);
  const fenced = snapshot.brokers.filter((b) => b.fenced).map((b) => b.id);
  const loads = brokerLoads(snapshot.brokers, snapshot.topics, options);

  const imbalanced = loads.filter((load) => {
    if (load.preferredLeaders === 0) return false;
    const notLeading = load.preferredLeaders - load.preferredLeading;
    return (notLeading / load.preferredLeaders) * 100 > options.leaderImbalancePct;
  });

  const health: HealthReason[] = [];
  if (snapshot.quorum.status === 'missing') health.push(healthReason('QUORUM_UNKNOWN', 1));
  else if (snapshot.quorum.value.leaderId < 0) health.push(healthReason('NO_QUORUM_LEADER', 1));
  if (missingBrokers.length > 0) health.push(healthReason('BROKERS_MISSING', missingBrokers.length, { brokers: missingBrokers }));
  if (fenced.length > 0) health.push(healthReason('BROKERS_FENCED', fenced.length, { brokers: fenced }));
  if (offline.length > 0) health.push(healthReason('OFFLINE_PARTITIONS', offline.length, { partitions: offline }));
  if (underMinIsr.length > 0) health.push(healthReason('UNDER_MIN_ISR_PARTITIONS', underMinIsr.length, { partitions: underMinIsr }));
  if (minIsrUnknown > 0) health.push(healthReason('MIN_ISR_UNKNOWN', minIsrUnknown));
  if (underReplicated.length > 0) {
    health.push(healthReason('UNDER_REPLICATED_PARTITIONS', underReplicated.length, { partitions: underReplicated }));
  }
  if (imbalanced.length > 0) {
    health.push(healthReason('PREFERRED_LEADER_IMBALANCE', imbalanced.length, { brokers: imbalanced.map((l) => l.brokerId) }));
  }
  if (snapshot.brokerErrors.length > 0) {
    const brokers = [...new Set(snapshot.brokerErrors.map((e) => e.brokerId))].sort((a, b) => a - b);
    health.push(healthReason('INCOMPLETE_POLL', snapshot.brokerErrors.length, { brokers }));
  }

  return {
    brokerLoads: loads,
    totals: {
      topics: snapshot.topics.length,
      partitions,
      replicas,
      offline: offline.length,
      underReplicated: underReplicated.length,
      underMinIsr: underMinIsr.length,
      atMinIsr,
      nonPreferredLeader,
    },
    missingBrokers,
    health,
  };
}
