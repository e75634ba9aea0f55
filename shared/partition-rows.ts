import { unavailableBrokers } from './broker-availability';
import type { ClusterModel } from './cluster-model';
import type { ClusterSnapshot, PartitionInfo, PartitionOffsets, TopicInfo } from './cluster-snapshot';
import type { Fetched } from './fetched';
import { partitionState, replicaState, type ReplicaState } from './partition-state';
import { rackIndex, rackPlacement, type RackOf, type RackPlacement } from './rack-placement';

export interface ReplicaChip {
  readonly brokerId: number;
  readonly state: ReplicaState;
}

export interface PartitionRow {
  /** `topic/partition`, unique in a snapshot. */
  readonly key: string;
  readonly topic: string;
  readonly partition: number;
  /** Null when the partition has no leader. */
  readonly leader: number | null;
  readonly leaderEpoch: number | null;
  /** In assignment order: the first is the preferred leader. */
  readonly replicas: readonly ReplicaChip[];
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
  readonly preferredLeader: boolean;
  readonly offline: boolean;
  readonly underReplicated: boolean;
  readonly underMinIsr: boolean;
  readonly atMinIsr: boolean;
  readonly rackPlacement: RackPlacement;
  readonly offsets: Fetched<PartitionOffsets>;
  readonly sizeBytes: Fetched<number>;
  readonly error: string | null;
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

const REPLICA_STATES: readonly ReplicaState[] = ['leader', 'in-sync', 'out-of-sync', 'offline'];
/** One chip object per broker and state, shared by every row: a poll's rows are 100,000 and their replicas three times that. */
const chipsByBroker = new Map<number, readonly ReplicaChip[]>();

function replicaChip(brokerId: number, state: ReplicaState): ReplicaChip {
  let chips = chipsByBroker.get(brokerId);
  if (chips === undefined) {
    chips = REPLICA_STATES.map((s) => Object.freeze({ brokerId, state: s }));
    chipsByBroker.set(brokerId, chips);
  }
  return chips[REPLICA_STATES.indexOf(state)] as ReplicaChip;
}

export function partitionRow(
  topic: TopicInfo,
  partition: PartitionInfo,
  rackOf: RackOf,
  unavailable: ReadonlySet<number>,
): PartitionRow {
  const minIsr = topic.config.status === 'ok' ? topic.config.value.minInsyncReplicas : null;
  const state = partitionState(partition, minIsr);
  const replicas = new Array<ReplicaChip>(partition.replicas.length);
  for (let i = 0; i < replicas.length; i += 1) {
    const brokerId = partition.replicas[i] as number;
    replicas[i] = replicaChip(brokerId, replicaState(partition, brokerId, unavailable));
  }
  return {
    key: partitionKey(topic.name, partition.partition),
    topic: topic.name,
    partition: partition.partition,
    leader: state.offline ? null : partition.leader,
    leaderEpoch: partition.leaderEpoch,
    replicas,
    isr: partition.isr,
    offlineReplicas: partition.offlineReplicas,
    preferredLeader: state.preferredLeader,
    offline: state.offline,
    underReplicated: state.underReplicated,
    underMinIsr: state.underMinIsr,
    atMinIsr: state.atMinIsr,
    rackPlacement: rackPlacement(partition.replicas, rackOf),
    offsets: partition.offsets,
    sizeBytes: partition.sizeBytes,
    error: partition.error,
  };
}

/** Rows for the given topics (all by default), topic by topic in partition order. */
export function partitionRows(snapshot: ClusterSnapshot, model: ClusterModel, topics: readonly TopicInfo[] = snapshot.topics): PartitionRow[] {
  const rackOf = rackIndex(snapshot.brokers);
  const unavailable = unavailableBrokers(snapshot, model.missingBrokers);
  const rows: PartitionRow[] = [];
  for (const topic of topics) {
    for (const partition of topic.partitions) rows.push(partitionRow(topic, partition, rackOf, unavailable));
  }
  return rows;
}

/** What makes a partition row flash: leadership and replica states, not its advancing offsets. */
export function samePartitionRowState(a: PartitionRow, b: PartitionRow): boolean {
  if (a.leader !== b.leader || a.replicas.length !== b.replicas.length) return false;
  for (let i = 0; i < a.replicas.length; i += 1) {
    const before = a.replicas[i];
    const after = b.replicas[i];
    if (before?.brokerId !== after?.brokerId || before?.state !== after?.state) return false;
  }
  return true;
}
