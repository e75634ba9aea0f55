/**
 * Reads Kafka's own command-line tools' output into plain data, so tests can compare what the app
 * shows with what Kafka itself reports on the same cluster state.
 */
import { runKafkaTool, type KafkaToolOptions } from './kraft-cluster.js';

export interface DescribedPartition {
  readonly topic: string;
  readonly partition: number;
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

const idList = (text: string | undefined): number[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);

/** Parses `kafka-topics --describe` partition lines ("Topic: t\tPartition: 0\tLeader: 1\tReplicas: 1,2\tIsr: 1,2"). */
export function parseTopicDescribe(output: string): DescribedPartition[] {
  const partitions: DescribedPartition[] = [];
  for (const line of output.split('\n')) {
    const match = /Topic:\s*(\S+)\s+Partition:\s*(\d+)\s+Leader:\s*(\S+)\s+Replicas:\s*([\d,]*)\s+Isr:\s*([\d,]*)/.exec(line);
    if (match === null) continue;
    const leader = match[3] === 'none' ? -1 : Number(match[3]);
    partitions.push({ topic: match[1] ?? '', partition: Number(match[2]), leader, replicas: idList(match[4]), isr: idList(match[5]) });
  }
  return partitions;
}

async function tool(name: Parameters<typeof runKafkaTool>[0], args: string[], options: KafkaToolOptions): Promise<string> {
  const result = await runKafkaTool(name, args, options);
  if (result.code !== 0) throw new Error(`kafka ${name} ${args.join(' ')} exited ${result.code}: ${result.stderr.slice(-2000)}`);
  return result.stdout;
}

export async function describeTopics(bootstrap: string, options: KafkaToolOptions, extra: string[] = []): Promise<DescribedPartition[]> {
  return parseTopicDescribe(await tool('topics', ['--bootstrap-server', bootstrap, '--describe', ...extra], options));
}

export interface QuorumTruth {
  readonly leaderId: number;
  readonly voterIds: readonly number[];
}

/** Parses `kafka-metadata-quorum describe --status` (LeaderId, CurrentVoters). */
export function parseQuorumStatus(output: string): QuorumTruth {
  const leader = /LeaderId:\s*(-?\d+)/.exec(output);
  const voters = /CurrentVoters:\s*(.*)/.exec(output);
  if (leader === null || voters === null) throw new Error(`Unexpected metadata-quorum output: ${output}`);
  const voterText = voters[1] ?? '';
  // 3.9+ prints [{"id": 1, "directoryId": …, "endpoints": […]}]; older releases printed [1,2,3].
  const ids = /"id"/.test(voterText) ? [...voterText.matchAll(/"id":\s*(\d+)/g)].map((m) => Number(m[1])) : idList(voterText.replace(/[[\]]/g, ''));
  return { leaderId: Number(leader[1]), voterIds: ids.sort((a, b) => a - b) };
}

export async function describeQuorumStatus(bootstrap: string, options: KafkaToolOptions): Promise<QuorumTruth> {
  return parseQuorumStatus(await tool('metadata-quorum', ['--bootstrap-server', bootstrap, 'describe', '--status'], options));
}

/**
 * A tool's table of space-padded columns: the line whose first cell is `firstColumn` names the
 * columns of the lines after it. Columns are found by name, not place, so a release that adds or
 * moves one (metadata-quorum's DirectoryId) is read correctly, and one that drops a column is refused.
 */
function alignedTable(output: string, firstColumn: string, tool: string) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.split(/\s+/));
  const headerAt = lines.findIndex((cells) => cells[0] === firstColumn);
  const header = lines[headerAt];
  if (header === undefined) throw new Error(`Unexpected ${tool} output: ${output}`);
  return {
    rows: lines.slice(headerAt + 1),
    width: header.length,
    column: (name: string): number => {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`${tool} output has no ${name} column: ${output}`);
      return index;
    },
  };
}

export interface QuorumReplicaTruth {
  readonly nodeId: number;
  readonly logEndOffset: number;
  /** The leader's log end offset minus this replica's. */
  readonly lag: number;
  readonly status: 'Leader' | 'Follower' | 'Observer';
}

const REPLICA_STATUSES = ['Leader', 'Follower', 'Observer'] as const;

/** Parses `kafka-metadata-quorum describe --replication`: a header line, then one line per voter (Leader, Follower) and observer. */
export function parseQuorumReplication(output: string): QuorumReplicaTruth[] {
  const table = alignedTable(output, 'NodeId', 'metadata-quorum');
  const [id, end, lag, status] = ['NodeId', 'LogEndOffset', 'Lag', 'Status'].map(table.column) as [number, number, number, number];
  return table.rows.flatMap((cells) => {
    const replicaStatus = REPLICA_STATUSES.find((s) => s === cells[status]);
    if (cells.length !== table.width || replicaStatus === undefined) return [];
    return [{ nodeId: Number(cells[id]), logEndOffset: Number(cells[end]), lag: Number(cells[lag]), status: replicaStatus }];
  });
}

export async function describeQuorumReplication(bootstrap: string, options: KafkaToolOptions): Promise<QuorumReplicaTruth[]> {
  return parseQuorumReplication(await tool('metadata-quorum', ['--bootstrap-server', bootstrap, 'describe', '--replication'], options));
}

/** The value of `broker.rack` as the broker itself reports its static config. */
export async function brokerRack(bootstrap: string, brokerId: number, options: KafkaToolOptions): Promise<string | null> {
  const output = await tool('configs', ['--bootstrap-server', bootstrap, '--entity-type', 'brokers', '--entity-name', String(brokerId), '--describe', '--all'], options);
  const match = /^\s*broker\.rack=(\S*)/m.exec(output);
  return match ? match[1] ?? null : null;
}

export interface LogDirTruth {
  readonly broker: number;
  /** The broker's log directories, as it names them. */
  readonly paths: readonly string[];
  readonly totalReplicaBytes: number;
  readonly replicaCount: number;
}

/** Parses `kafka-log-dirs --describe` (a JSON line after a status line). */
export function parseLogDirs(output: string): LogDirTruth[] {
  const jsonLine = output.split('\n').find((l) => l.trim().startsWith('{'));
  if (jsonLine === undefined) throw new Error(`Unexpected log-dirs output: ${output}`);
  const parsed = JSON.parse(jsonLine) as { brokers: { broker: number; logDirs: { logDir: string; partitions: { size: number }[] }[] }[] };
  return parsed.brokers.map((b) => {
    const partitions = b.logDirs.flatMap((d) => d.partitions);
    return {
      broker: b.broker,
      paths: b.logDirs.map((d) => d.logDir),
      totalReplicaBytes: partitions.reduce((s, p) => s + p.size, 0),
      replicaCount: partitions.length,
    };
  });
}

export async function describeLogDirs(bootstrap: string, brokerIds: readonly number[], options: KafkaToolOptions): Promise<LogDirTruth[]> {
  return parseLogDirs(await tool('log-dirs', ['--bootstrap-server', bootstrap, '--describe', '--broker-list', brokerIds.join(',')], options));
}

export type BrokerEndpointState = 'fenced' | 'unfenced';

export interface BrokerEndpointTruth {
  readonly id: number;
  /** broker.rack as the controller registered it; null when the broker has none. */
  readonly rack: string | null;
  readonly state: BrokerEndpointState;
}

/** Parses `kafka-cluster list-endpoints --include-fenced-brokers` (Kafka 4.0+): "ID HOST PORT RACK STATE ENDPOINT_TYPE", then one line per broker. */
export function parseBrokerEndpoints(output: string): BrokerEndpointTruth[] {
  const table = alignedTable(output, 'ID', 'cluster list-endpoints');
  const [id, rack, state] = ['ID', 'RACK', 'STATE'].map(table.column) as [number, number, number];
  return table.rows.map((cells) => {
    const stateText = cells[state];
    if (stateText !== 'fenced' && stateText !== 'unfenced') throw new Error(`Unexpected broker state in: ${cells.join(' ')}`);
    // The tool prints a missing rack as Java's "null".
    const rackText = cells[rack];
    return { id: Number(cells[id]), rack: rackText === undefined || rackText === 'null' ? null : rackText, state: stateText };
  });
}

/** Every registered broker with its rack and whether the controller has fenced it. */
export async function describeBrokerEndpoints(bootstrap: string, options: KafkaToolOptions): Promise<BrokerEndpointTruth[]> {
  return parseBrokerEndpoints(await tool('cluster', ['list-endpoints', '--bootstrap-server', bootstrap, '--include-fenced-brokers'], options));
}
