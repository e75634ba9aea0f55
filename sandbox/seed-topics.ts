import { bootstrapServers, type ClusterState, type NodeState } from "./cluster-state.js";
import { runKafkaTool } from "./kafka-tool.js";
import { lastLines } from "./run-process.js";
import { SandboxError } from "./sandbox-error.js";

export interface TopicPlan {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs: Readonly<Record<string, string>>;
  /** Replica lists per partition, leader first; overrides partitions/replicationFactor. */
  readonly replicaAssignment?: readonly (readonly number[])[];
  readonly why: string;
}

/**
 * Two brokers sharing a rack, if any: with the default 3 nodes in 3 racks
 * there is none, with 4+ nodes node 4 shares rack-a with node 1.
 */
function sameRackPair(nodes: readonly NodeState[]): readonly [number, number] | undefined {
  for (const [i, a] of nodes.entries()) {
    const partner = nodes.slice(i + 1).find((b) => b.rack === a.rack);
    if (partner !== undefined) return [a.id, partner.id];
  }
  return undefined;
}

/**
 * `lopsided`: 4 partitions that all lead on the first broker, so leadership
 * is visibly unbalanced. If two brokers share a rack, every partition also has
 * two replicas in that rack (rack-unsafe); with the default 3 nodes in 3 racks
 * that is impossible, so it is "only" skewed: replicas [1,2],[1,3],[1,2],[1,3].
 */
function lopsidedAssignment(nodes: readonly NodeState[]): number[][] {
  const ids = nodes.map((node) => node.id);
  const first = ids[0] ?? 1;
  const pair = sameRackPair(nodes);
  const others = ids.filter((id) => id !== first);
  return Array.from({ length: 4 }, (_, partition) => {
    if (pair !== undefined) {
      const rest = ids.filter((id) => id !== pair[0] && id !== pair[1]);
      const third = rest[partition % Math.max(1, rest.length)];
      return third === undefined ? [pair[0], pair[1]] : [pair[0], pair[1], third];
    }
    const follower = others[partition % Math.max(1, others.length)];
    return follower === undefined ? [first] : [first, follower];
  });
}

/**
 * What the seed creates (replication factors and min.insync.replicas are
 * capped at the node count, so 1- and 2-node clusters still seed):
 *   orders               12p rf3  busy topic: perf producer ~20 msg/s + group sandbox-consumers
 *   payments              6p rf3  min.insync.replicas=2; producer ~10 msg/s, throttled group sandbox-slow lags
 *   audit-log             3p rf3  min.insync.replicas=3: unwritable as soon as one replica is out of the ISR
 *   clickstream          50p rf2  many partitions
 *   scratch               1p rf1  unreplicated: offline when its broker dies
 *   inventory-compacted   8p rf3  cleanup.policy=compact
 *   lopsided              4p      hand-made assignment, see lopsidedAssignment()
 */
export function planSeedTopics(nodes: readonly NodeState[]): TopicPlan[] {
  const rf = (wanted: number): number => Math.min(wanted, nodes.length);
  const minIsr = (wanted: number, replicas: number): string => String(Math.min(wanted, replicas));
  return [
    { name: "orders", partitions: 12, replicationFactor: rf(3), configs: {}, why: "steady traffic" },
    {
      name: "payments",
      partitions: 6,
      replicationFactor: rf(3),
      configs: { "min.insync.replicas": minIsr(2, rf(3)) },
      why: "consumer lag",
    },
    {
      name: "audit-log",
      partitions: 3,
      replicationFactor: rf(3),
      configs: { "min.insync.replicas": minIsr(3, rf(3)) },
      why: "strict durability",
    },
    { name: "clickstream", partitions: 50, replicationFactor: rf(2), configs: {}, why: "many partitions" },
    { name: "scratch", partitions: 1, replicationFactor: 1, configs: {}, why: "no redundancy" },
    {
      name: "inventory-compacted",
      partitions: 8,
      replicationFactor: rf(3),
      configs: { "cleanup.policy": "compact" },
      why: "compaction",
    },
    {
      name: "lopsided",
      partitions: 4,
      replicationFactor: lopsidedAssignment(nodes)[0]?.length ?? 1,
      configs: {},
      replicaAssignment: lopsidedAssignment(nodes),
      why: "skewed leaders / shared rack",
    },
  ];
}

function createArgs(state: ClusterState, topic: TopicPlan): string[] {
  const args = ["--bootstrap-server", bootstrapServers(state), "--create", "--if-not-exists", "--topic", topic.name];
  if (topic.replicaAssignment !== undefined) {
    args.push("--replica-assignment", topic.replicaAssignment.map((replicas) => replicas.join(":")).join(","));
  } else {
    args.push("--partitions", String(topic.partitions), "--replication-factor", String(topic.replicationFactor));
  }
  for (const [key, value] of Object.entries(topic.configs)) args.push("--config", `${key}=${value}`);
  return args;
}

export interface SeedTopicsResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
}

/** Creates the planned topics that do not exist yet; existing ones are left exactly as they are. */
export async function seedTopics(state: ClusterState, log: (line: string) => void): Promise<SeedTopicsResult> {
  const listed = await runKafkaTool("topics", ["--bootstrap-server", bootstrapServers(state), "--list"], { cluster: state });
  if (listed.code !== 0) {
    throw new SandboxError("Could not list topics before seeding", bootstrapServers(state), lastLines(listed.stderr, 10));
  }
  const present = new Set(listed.stdout.split("\n").map((line) => line.trim()));
  const created: string[] = [];
  const existing: string[] = [];
  for (const topic of planSeedTopics(state.nodes)) {
    if (present.has(topic.name)) {
      existing.push(topic.name);
      continue;
    }
    log(`Creating topic ${topic.name} (${topic.why})...`);
    const result = await runKafkaTool("topics", createArgs(state, topic), { cluster: state });
    if (result.code !== 0) {
      throw new SandboxError(
        `Could not create topic ${topic.name}`,
        `topics ${createArgs(state, topic).join(" ")}`,
        `exit ${result.code}: ${lastLines(`${result.stdout}\n${result.stderr}`, 10)}`,
      );
    }
    created.push(topic.name);
  }
  return { created, existing };
}
