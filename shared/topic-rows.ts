import type { ClusterSnapshot, TopicInfo } from './cluster-snapshot';
import { missing, ok, type Fetched } from './fetched';
import { partitionState } from './partition-state';
import { rackIndex, rackPlacement, type RackOf } from './rack-placement';

export interface TopicRow {
  readonly name: string;
  readonly internal: boolean;
  readonly partitions: number;
  /** The largest replica count of the topic's partitions; rfMin differs when a reassignment is half done. */
  readonly replicationFactor: number;
  readonly replicationFactorMin: number;
  readonly underReplicated: number;
  readonly underMinIsr: number;
  readonly atMinIsr: number;
  readonly offline: number;
  /** Null inside ok: the config was described but did not say. */
  readonly minInsyncReplicas: Fetched<number | null>;
  /** Sum of the leaders' replica sizes; unknown if any partition's size is. */
  readonly sizeBytes: Fetched<number>;
  /** How far the busiest broker is above an even spread of this topic's replicas; null when not judged. */
  readonly replicaSkewPct: number | null;
  /** Partitions with two replicas in one rack. */
  readonly rackViolations: number;
  readonly preferredLeaderPct: number | null;
  readonly retentionMs: Fetched<number | null>;
  readonly retentionBytes: Fetched<number | null>;
  /** Partitions for which Metadata returned an error. */
  readonly partitionErrors: number;
}

/**
 * Spread of one topic's replicas over the brokers that can hold them: the busiest broker's count
 * against the fewest an even assignment would put on any broker (ceil(replicas / brokers)).
 * 0 % is as even as possible; unlike (value − mean) / mean it does not call a 3-partition topic on a
 * 200-broker cluster skewed.
 */
export function topicReplicaSkewPct(replicasPerBroker: ReadonlyMap<number, number>, capableBrokers: number): number | null {
  let total = 0;
  let max = 0;
  for (const count of replicasPerBroker.values()) {
    total += count;
    if (count > max) max = count;
  }
  if (total === 0 || capableBrokers <= 0) return null;
  const idealMax = Math.ceil(total / capableBrokers);
  return ((max - idealMax) / idealMax) * 100;
}

function sumSizes(topic: TopicInfo): Fetched<number> {
  let sum = 0;
  let unknown = 0;
  let firstError: string | null = null;
  for (const partition of topic.partitions) {
    const size = partition.sizeBytes;
    if (size.status === 'ok') sum += size.value;
    else {
      unknown += 1;
      firstError ??= size.error;
    }
  }
  if (unknown > 0) return missing(`size of ${unknown} of ${topic.partitions.length} partitions unknown: ${firstError ?? ''}`);
  return ok(sum);
}

export function topicRow(topic: TopicInfo, rackOf: RackOf, capableBrokers: number): TopicRow {
  const minIsr = topic.config.status === 'ok' ? topic.config.value.minInsyncReplicas : null;
  const perBroker = new Map<number, number>();
  let rfMax = 0;
  let rfMin = Number.POSITIVE_INFINITY;
  let underReplicated = 0;
  let underMinIsr = 0;
  let atMinIsr = 0;
  let offline = 0;
  let preferred = 0;
  let rackViolations = 0;
  let partitionErrors = 0;
  for (const partition of topic.partitions) {
    const state = partitionState(partition, minIsr);
    if (state.underReplicated) underReplicated += 1;
    if (state.underMinIsr) underMinIsr += 1;
    if (state.atMinIsr) atMinIsr += 1;
    if (state.offline) offline += 1;
    if (state.preferredLeader) preferred += 1;
    if (partition.error !== null) partitionErrors += 1;
    if (rackPlacement(partition.replicas, rackOf) === 'shared') rackViolations += 1;
    rfMax = Math.max(rfMax, partition.replicas.length);
    rfMin = Math.min(rfMin, partition.replicas.length);
    for (const id of partition.replicas) perBroker.set(id, (perBroker.get(id) ?? 0) + 1);
  }
  const count = topic.partitions.length;
  const config = topic.config;
  return {
    name: topic.name,
    internal: topic.internal,
    partitions: count,
    replicationFactor: rfMax,
    replicationFactorMin: count === 0 ? 0 : rfMin,
    underReplicated,
    underMinIsr,
    atMinIsr,
    offline,
    minInsyncReplicas: config.status === 'ok' ? ok(config.value.minInsyncReplicas) : config,
    sizeBytes: sumSizes(topic),
    replicaSkewPct: topicReplicaSkewPct(perBroker, capableBrokers),
    rackViolations,
    preferredLeaderPct: count === 0 ? null : (preferred / count) * 100,
    retentionMs: config.status === 'ok' ? ok(config.value.retentionMs) : config,
    retentionBytes: config.status === 'ok' ? ok(config.value.retentionBytes) : config,
    partitionErrors,
  };
}

/** One row per topic, in the snapshot's order. */
export function topicRows(snapshot: ClusterSnapshot): TopicRow[] {
  const rackOf = rackIndex(snapshot.brokers);
  const capable = snapshot.brokers.filter((b) => !b.fenced).length;
  return snapshot.topics.map((topic) => topicRow(topic, rackOf, capable));
}

/**
 * The topic's partitions under min.insync.replicas, or null when its min.insync.replicas is unknown
 * (its config could not be read): then only its offline partitions are known to be under it, and a
 * count would pass for "none".
 */
export function knownUnderMinIsr(row: TopicRow): number | null {
  return row.minInsyncReplicas.status === 'ok' ? row.underMinIsr : null;
}

/** What makes a topic row flash: its partition count and replication health, not its growing size. */
export function sameTopicRowState(a: TopicRow, b: TopicRow): boolean {
  return (
    a.partitions === b.partitions &&
    a.replicationFactor === b.replicationFactor &&
    a.underReplicated === b.underReplicated &&
    a.underMinIsr === b.underMinIsr &&
    a.offline === b.offline &&
    a.preferredLeaderPct === b.preferredLeaderPct
  );
}
