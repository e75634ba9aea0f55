/**
 * What Kafka's own tools say about the e2e cluster, and the few plain facts the tests derive from
 * that output (counts, who leads what, who follows whom). The app's numbers are compared with these.
 */
import { readClusterState, resolveClusterDir, runKafkaTool } from '../../sandbox/kraft-cluster.js';
import {
  describeBrokerEndpoints,
  describeLogDirs,
  describeQuorumReplication,
  describeQuorumStatus,
  describeTopics,
  type BrokerEndpointTruth,
  type DescribedPartition,
  type LogDirTruth,
  type QuorumReplicaTruth,
  type QuorumTruth,
} from '../../sandbox/tool-truth.js';
import { bootstrap, sandboxName } from './e2e-env';

export type { BrokerEndpointTruth, DescribedPartition };

const options = (): { cluster: string } => ({ cluster: sandboxName() });

/** `kafka-topics --describe` for every topic, internal ones included (as the app shows them). */
export const kafkaPartitions = (extra: string[] = []): Promise<DescribedPartition[]> => describeTopics(bootstrap(), options(), extra);
/** `kafka-topics --describe --under-replicated-partitions`. */
export const kafkaUnderReplicated = (): Promise<DescribedPartition[]> => kafkaPartitions(['--under-replicated-partitions']);
/** `kafka-topics --describe --under-min-isr-partitions`: fewer in-sync replicas than the topic's min.insync.replicas, or no leader. */
export const kafkaUnderMinIsr = (): Promise<DescribedPartition[]> => kafkaPartitions(['--under-min-isr-partitions']);
/** `kafka-topics --describe --unavailable-partitions`: no leader, or a leader that is not a live broker. */
export const kafkaUnavailable = (): Promise<DescribedPartition[]> => kafkaPartitions(['--unavailable-partitions']);
/** `kafka-metadata-quorum describe --status`. */
export const kafkaQuorum = (): Promise<QuorumTruth> => describeQuorumStatus(bootstrap(), options());
/** `kafka-metadata-quorum describe --replication`: each voter's and observer's log end offset and lag. */
export const kafkaQuorumReplication = (): Promise<QuorumReplicaTruth[]> => describeQuorumReplication(bootstrap(), options());
/** `kafka-log-dirs --describe` for these brokers. */
export const kafkaLogDirs = (brokerIds: readonly number[]): Promise<LogDirTruth[]> => describeLogDirs(bootstrap(), brokerIds, options());
/** `kafka-cluster list-endpoints --include-fenced-brokers`: every registered broker, its rack and whether it is fenced. */
export const kafkaBrokers = (): Promise<BrokerEndpointTruth[]> => describeBrokerEndpoints(bootstrap(), options());

/** Creates a topic with an explicit assignment (leader first per partition) unless it exists. */
export async function createTopic(name: string, assignment: readonly (readonly number[])[]): Promise<void> {
  const args = ['--bootstrap-server', bootstrap(), '--create', '--if-not-exists', '--topic', name];
  args.push('--replica-assignment', assignment.map((replicas) => replicas.join(':')).join(','));
  const result = await runKafkaTool('topics', args, options());
  if (result.code !== 0) throw new Error(`creating ${name} failed: ${result.stderr.slice(-1000)}`);
}

/** Moves leadership back to each partition's first replica (`kafka-leader-election --election-type preferred`). */
export async function electPreferredLeaders(): Promise<void> {
  const result = await runKafkaTool('leader-election', ['--bootstrap-server', bootstrap(), '--election-type', 'preferred', '--all-topic-partitions'], options());
  // Exit code 1 only says some partitions were already led by their preferred replica.
  if (result.code !== 0 && !/already|ElectionNotNeeded/i.test(result.stdout + result.stderr)) {
    throw new Error(`preferred leader election failed: ${result.stderr.slice(-1000)}`);
  }
}

export interface SandboxBroker {
  readonly id: number;
  readonly rack: string;
  readonly address: string;
}

/** The brokers as the sandbox configured them (node id, broker.rack, PLAINTEXT listener). */
export function sandboxBrokers(): SandboxBroker[] {
  const state = readClusterState(resolveClusterDir(sandboxName()));
  if (state === undefined) throw new Error(`No sandbox state for cluster "${sandboxName()}"`);
  return state.nodes.map((node) => ({ id: node.id, rack: node.rack, address: `${node.host}:${node.port}` }));
}

export const partitionKey = (p: { topic: string; partition: number }): string => `${p.topic}/${p.partition}`;

export interface TopicFacts {
  readonly partitions: number;
  readonly replicationFactor: number;
}

export function topicFacts(partitions: readonly DescribedPartition[]): Map<string, TopicFacts> {
  const topics = new Map<string, TopicFacts>();
  for (const p of partitions) {
    const before = topics.get(p.topic) ?? { partitions: 0, replicationFactor: 0 };
    topics.set(p.topic, { partitions: before.partitions + 1, replicationFactor: Math.max(before.replicationFactor, p.replicas.length) });
  }
  return topics;
}

export interface BrokerLoadFacts {
  readonly leaders: number;
  readonly replicas: number;
}

export function brokerLoadFacts(partitions: readonly DescribedPartition[], brokerIds: readonly number[]): Map<number, BrokerLoadFacts> {
  const loads = new Map(brokerIds.map((id) => [id, { leaders: 0, replicas: 0 }]));
  for (const p of partitions) {
    for (const id of p.replicas) {
      const load = loads.get(id) ?? { leaders: 0, replicas: 0 };
      load.replicas += 1;
      if (id === p.leader) load.leaders += 1;
      loads.set(id, load);
    }
  }
  return loads;
}

/** Leaders and replicas per rack: the sums of its brokers' loads. */
export function rackLoadFacts(partitions: readonly DescribedPartition[], rackOf: ReadonlyMap<number, string | null>): Map<string | null, BrokerLoadFacts> {
  const racks = new Map<string | null, BrokerLoadFacts>();
  for (const [id, load] of brokerLoadFacts(partitions, [...rackOf.keys()])) {
    const rack = rackOf.get(id) ?? null;
    const sum = racks.get(rack) ?? { leaders: 0, replicas: 0 };
    racks.set(rack, { leaders: sum.leaders + load.leaders, replicas: sum.replicas + load.replicas });
  }
  return racks;
}

/**
 * Brokers that lead fewer of the partitions they are the preferred (first) replica of than Kafka's
 * leader.imbalance.per.broker.percentage allows: the share they do not lead is above `maxPct`.
 */
export function preferredLeaderImbalance(partitions: readonly DescribedPartition[], maxPct: number): number[] {
  const preferred = new Map<number, { of: number; leading: number }>();
  for (const p of partitions) {
    const first = p.replicas[0];
    if (first === undefined) continue;
    const count = preferred.get(first) ?? { of: 0, leading: 0 };
    count.of += 1;
    if (p.leader === first) count.leading += 1;
    preferred.set(first, count);
  }
  return [...preferred.entries()]
    .filter(([, c]) => ((c.of - c.leading) / c.of) * 100 > maxPct)
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

/** Partitions led by `leader` that `follower` replicates, as `topic/partition`, sorted. */
export function ledAndReplicated(partitions: readonly DescribedPartition[], leader: number, follower: number): string[] {
  return partitions
    .filter((p) => p.leader === leader && leader !== follower && p.replicas.includes(follower))
    .map(partitionKey)
    .sort();
}

export interface MatrixCellFacts {
  readonly replicated: number;
  /** Of those, the ones where the follower is not in the ISR. */
  readonly outOfSync: number;
}

/** Every leader → follower pair of distinct brokers, keyed `L>F`. */
export function leaderFollowerFacts(partitions: readonly DescribedPartition[], brokerIds: readonly number[]): Map<string, MatrixCellFacts> {
  const cells = new Map<string, MatrixCellFacts>();
  for (const leader of brokerIds) {
    for (const follower of brokerIds) {
      if (leader === follower) continue;
      const led = partitions.filter((p) => p.leader === leader && p.replicas.includes(follower));
      cells.set(`${leader}>${follower}`, { replicated: led.length, outOfSync: led.filter((p) => !p.isr.includes(follower)).length });
    }
  }
  return cells;
}

/** Each broker's row total (as leader) or column total (as follower) of the leader → follower cells. */
export function matrixAxisFacts(cells: ReadonlyMap<string, MatrixCellFacts>, brokerIds: readonly number[], axis: 'leader' | 'follower'): Map<number, MatrixCellFacts> {
  return new Map(
    brokerIds.map((id) => {
      let replicated = 0;
      let outOfSync = 0;
      for (const other of brokerIds) {
        const cell = cells.get(axis === 'leader' ? `${id}>${other}` : `${other}>${id}`);
        replicated += cell?.replicated ?? 0;
        outOfSync += cell?.outOfSync ?? 0;
      }
      return [id, { replicated, outOfSync }];
    }),
  );
}

export type ChipState = 'leader' | 'in-sync' | 'out-of-sync' | 'offline';

/**
 * The colour a replica chip must have given Kafka's leader and ISR for its partition, and which
 * brokers are known to be down (a replica on a dead broker is offline whatever the ISR still says).
 */
export function expectedChipState(p: DescribedPartition, brokerId: number, downBrokers: ReadonlySet<number>): ChipState {
  if (downBrokers.has(brokerId)) return 'offline';
  if (p.leader === brokerId) return 'leader';
  return p.isr.includes(brokerId) ? 'in-sync' : 'out-of-sync';
}

/** The replica chips a partition row must show, in assignment order. */
export function expectedChips(p: DescribedPartition, downBrokers: ReadonlySet<number> = new Set()): { broker: number; state: ChipState }[] {
  return p.replicas.map((broker) => ({ broker, state: expectedChipState(p, broker, downBrokers) }));
}
