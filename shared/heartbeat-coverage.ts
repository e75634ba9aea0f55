/**
 * Where the heartbeat topic's partitions sit, and how to make it probe every broker again. The
 * probe writes each broker's path only through the partitions that broker leads, so the topic
 * needs one partition whose preferred leader is each live broker, replicated like real topics
 * (replication factor min(3, brokers)) and spread over racks.
 */
export interface HeartbeatBroker {
  readonly id: number;
  readonly rack: string | null;
  /**
   * False for a broker that belongs to the cluster but is offline or fenced right now. It keeps its
   * partitions (moving data during an outage would only add load) but is not asked to lead.
   */
  readonly available?: boolean;
}

export interface HeartbeatPartitionPlacement {
  readonly partition: number;
  /** Assigned replicas; the first is the preferred leader. */
  readonly replicas: readonly number[];
  /** Current leader, -1 when none. */
  readonly leader: number;
}

export interface HeartbeatCoverage {
  readonly replicationFactor: number;
  /** Live brokers that are the preferred leader of no heartbeat partition: their write path is not probed. */
  readonly uncoveredBrokers: readonly number[];
  /** Available brokers that are some partition's preferred leader but lead none (leadership moved away). */
  readonly notLeadingBrokers: readonly number[];
  /** Partitions with a replica on a broker that is not in the cluster any more, or with the wrong replication factor. */
  readonly misplacedPartitions: readonly number[];
  /** True when a fix (new partitions, reassignment or preferred leader election) would change something. */
  readonly fixNeeded: boolean;
}

export const heartbeatReplicationFactor = (brokerCount: number): number => Math.max(1, Math.min(3, brokerCount));

const byId = (a: HeartbeatBroker, b: HeartbeatBroker): number => a.id - b.id;

/**
 * Replicas for a partition led by `leader`: the leader, then brokers after it in id order, taking
 * racks not used yet first, so the copies land in different zones whenever there are enough.
 */
export function replicasLedBy(leader: number, brokers: readonly HeartbeatBroker[], replicationFactor: number): number[] {
  const sorted = [...brokers].sort(byId);
  const start = sorted.findIndex((b) => b.id === leader);
  const rotated = start < 0 ? sorted : [...sorted.slice(start + 1), ...sorted.slice(0, start)];
  const leaderRack = sorted[start]?.rack ?? null;
  const chosen = [leader];
  const racks = new Set<string | null>([leaderRack]);
  for (const candidate of rotated) {
    if (chosen.length >= replicationFactor) break;
    if (candidate.id !== leader && !racks.has(candidate.rack)) {
      chosen.push(candidate.id);
      racks.add(candidate.rack);
    }
  }
  for (const candidate of rotated) {
    if (chosen.length >= replicationFactor) break;
    if (!chosen.includes(candidate.id)) chosen.push(candidate.id);
  }
  return chosen;
}

/** The assignment of a new heartbeat topic: partition i is led by the i-th broker in id order. */
export function planHeartbeatAssignment(brokers: readonly HeartbeatBroker[]): number[][] {
  const rf = heartbeatReplicationFactor(brokers.length);
  return [...brokers].sort(byId).map((b) => replicasLedBy(b.id, brokers, rf));
}

export function heartbeatCoverage(partitions: readonly HeartbeatPartitionPlacement[], brokers: readonly HeartbeatBroker[]): HeartbeatCoverage {
  const rf = heartbeatReplicationFactor(brokers.length);
  const live = new Set(brokers.map((b) => b.id));
  const preferred = new Set(partitions.map((p) => p.replicas[0]).filter((id): id is number => id !== undefined && live.has(id)));
  const leading = new Set(partitions.map((p) => p.leader));
  const uncoveredBrokers = [...live].filter((id) => !preferred.has(id)).sort((a, b) => a - b);
  const available = new Set(brokers.filter((b) => b.available !== false).map((b) => b.id));
  const notLeadingBrokers = [...preferred].filter((id) => available.has(id) && !leading.has(id)).sort((a, b) => a - b);
  const misplacedPartitions = partitions
    .filter((p) => p.replicas.length !== rf || p.replicas.some((id) => !live.has(id)))
    .map((p) => p.partition)
    .sort((a, b) => a - b);
  const plan = planHeartbeatFix(partitions, brokers);
  const fixNeeded = plan.createPartitions.length > 0 || plan.reassign.length > 0 || plan.electPreferred.length > 0;
  return { replicationFactor: rf, uncoveredBrokers, notLeadingBrokers, misplacedPartitions, fixNeeded };
}

export interface HeartbeatFixPlan {
  /** Replica lists of partitions to add (Kafka cannot remove partitions, only add them). */
  readonly createPartitions: readonly (readonly number[])[];
  readonly reassign: readonly { readonly partition: number; readonly replicas: readonly number[] }[];
  /** Partitions whose preferred leader should be elected once the reassignment is done. */
  readonly electPreferred: readonly number[];
}

/**
 * The smallest change that makes every live broker the preferred leader of one partition: keep
 * partitions that already do that job (one per broker, all replicas live, right replication
 * factor), give the others to uncovered brokers, add partitions only when there are not enough,
 * and repair leftovers that sit on dead brokers. Then elect preferred leaders where they do not lead.
 */
export function planHeartbeatFix(partitions: readonly HeartbeatPartitionPlacement[], brokers: readonly HeartbeatBroker[]): HeartbeatFixPlan {
  if (brokers.length === 0) return { createPartitions: [], reassign: [], electPreferred: [] };
  const rf = heartbeatReplicationFactor(brokers.length);
  const live = new Set(brokers.map((b) => b.id));
  const sorted = [...partitions].sort((a, b) => a.partition - b.partition);
  const claimed = new Set<number>();
  const reusable: HeartbeatPartitionPlacement[] = [];
  const target = new Map<number, readonly number[]>();
  for (const p of sorted) {
    const lead = p.replicas[0];
    const sound = p.replicas.length === rf && p.replicas.every((id) => live.has(id));
    if (lead !== undefined && sound && !claimed.has(lead)) {
      claimed.add(lead);
      target.set(p.partition, p.replicas);
    } else {
      reusable.push(p);
    }
  }
  const uncovered = [...brokers].sort(byId).filter((b) => !claimed.has(b.id));
  const reassign: { partition: number; replicas: readonly number[] }[] = [];
  const createPartitions: number[][] = [];
  for (const broker of uncovered) {
    const replicas = replicasLedBy(broker.id, brokers, rf);
    const spare = reusable.shift();
    if (spare === undefined) createPartitions.push(replicas);
    else {
      reassign.push({ partition: spare.partition, replicas });
      target.set(spare.partition, replicas);
    }
  }
  // Spare partitions beyond one per broker: only moved off dead brokers, never shuffled for looks.
  const ids = [...brokers].sort(byId).map((b) => b.id);
  for (const [i, spare] of reusable.entries()) {
    const sound = spare.replicas.length === rf && spare.replicas.every((id) => live.has(id));
    if (sound) {
      target.set(spare.partition, spare.replicas);
      continue;
    }
    const replicas = replicasLedBy(ids[i % ids.length] ?? ids[0] ?? 0, brokers, rf);
    reassign.push({ partition: spare.partition, replicas });
    target.set(spare.partition, replicas);
  }
  const available = new Set(brokers.filter((b) => b.available !== false).map((b) => b.id));
  const electPreferred = sorted
    .filter((p) => {
      const wanted = target.get(p.partition)?.[0];
      return wanted !== undefined && available.has(wanted) && p.leader !== wanted;
    })
    .map((p) => p.partition);
  return { createPartitions, reassign, electPreferred };
}
