import fs from "node:fs";
import path from "node:path";
import { waitForBrokersReady } from "./broker-readiness.js";
import { renderBrokerProperties } from "./broker-properties.js";
import { randomClusterId } from "./cluster-id.js";
import {
  bootstrapServers,
  CLUSTER_STATE_SCHEMA,
  isControllerNode,
  readClusterState,
  updateClusterState,
  writeClusterState,
  writePidFile,
  type ClusterState,
  type NodeState,
} from "./cluster-state.js";
import { ensureKafkaJars } from "./kafka-jars.js";
import { DEFAULT_KAFKA_VERSION, parseKafkaVersion } from "./kafka-version.js";
import { formatNodeStorage, launchNode } from "./node-launch.js";
import { allPorts, DEFAULT_BASE_PORT, DEFAULT_NODE_COUNT, DEFAULT_RACKS, planNodes } from "./node-layout.js";
import { waitForPortsFree } from "./port-check.js";
import { isOurProcess, terminate } from "./process-control.js";
import { SandboxError } from "./sandbox-error.js";
import { defaultClusterDir } from "./sandbox-paths.js";

export interface StartClusterOptions {
  /** Default "default". Names the dir .sandbox/<name> unless `dir` is given. */
  readonly name?: string;
  readonly dir?: string;
  /** Default DEFAULT_KAFKA_VERSION. Must match an existing cluster's version. */
  readonly kafkaVersion?: string;
  /** Combined broker+controller nodes (the quorum). Default 3. Must match an existing cluster's. */
  readonly nodes?: number;
  /**
   * Broker-only nodes after the combined ones (ids nodes+1…), following their quorum. Default 0.
   * Must match an existing cluster's.
   */
  readonly brokerOnlyNodes?: number;
  /**
   * False: leave the broker-only nodes stopped (their storage is formatted), so a test or a
   * person can add a broker to the running cluster later with startNode. Default true.
   */
  readonly startBrokerOnlyNodes?: boolean;
  /** Default 19092. Node i: PLAINTEXT basePort+i-1, CONTROLLER basePort+100+i-1. */
  readonly basePort?: number;
  /** broker.rack per node (index 0 = node 1), cycled. Default rack-a, rack-b, rack-c. */
  readonly racks?: readonly string[];
  /**
   * Node id → client port that node advertises instead of its own (basePort+i-1), e.g. a delaying
   * proxy's that forwards to it. Brokers then replicate over a REPLICATION listener at
   * basePort+200+i-1. Only for new clusters; the proxy must be listening before start.
   */
  readonly advertisedPorts?: Readonly<Record<number, number>>;
  /** Readiness timeout once the JVMs are launched (jar download not included). Default 180 s. */
  readonly timeoutMs?: number;
  /** Progress lines for humans; silent by default. */
  readonly log?: (line: string) => void;
}

export interface StartClusterResult {
  readonly state: ClusterState;
  /** host:port,host:port,… of the PLAINTEXT listeners. */
  readonly bootstrap: string;
  /** True when every node was already up and nothing was started. */
  readonly alreadyRunning: boolean;
  readonly startedNodeIds: readonly number[];
  readonly elapsedMs: number;
}

const DEFAULT_START_TIMEOUT_MS = 180_000;

function clusterDirFor(options: StartClusterOptions): string {
  return options.dir !== undefined ? path.resolve(options.dir) : defaultClusterDir(options.name ?? "default");
}

function assertCompatible(state: ClusterState, options: StartClusterOptions): void {
  const mismatches: string[] = [];
  if (options.kafkaVersion !== undefined && options.kafkaVersion !== state.kafkaVersion) {
    mismatches.push(`Kafka ${state.kafkaVersion} (asked for ${options.kafkaVersion})`);
  }
  const combined = state.nodes.filter(isControllerNode).length;
  const brokerOnly = state.nodes.length - combined;
  if (options.nodes !== undefined && options.nodes !== combined) {
    mismatches.push(`${combined} nodes (asked for ${options.nodes})`);
  }
  if (options.brokerOnlyNodes !== undefined && options.brokerOnlyNodes !== brokerOnly) {
    mismatches.push(`${brokerOnly} broker-only nodes (asked for ${options.brokerOnlyNodes})`);
  }
  if (options.basePort !== undefined && options.basePort !== state.basePort) {
    mismatches.push(`base port ${state.basePort} (asked for ${options.basePort})`);
  }
  if (mismatches.length > 0) {
    throw new SandboxError(
      `Cluster "${state.name}" already exists with different settings`,
      state.dir,
      `it was created with ${mismatches.join(", ")}; use another --name, or \`stop --wipe\` it first`,
    );
  }
}

async function assertPortsFree(nodes: readonly NodeState[], dir: string): Promise<void> {
  const busy = await waitForPortsFree(allPorts(nodes), 0);
  if (busy.length > 0) {
    throw new SandboxError(
      `Port${busy.length > 1 ? "s" : ""} ${busy.join(", ")} already in use`,
      `127.0.0.1, cluster dir ${dir}`,
      "another process (maybe another sandbox cluster) listens there; stop it or choose another --base-port",
    );
  }
}

/** Launches `nodes`, waits for them, and on failure kills them again so a failed start leaves no JVM behind. */
async function launchAndWait(state: ClusterState, nodes: readonly NodeState[], libsDir: string, timeoutMs: number): Promise<void> {
  for (const node of nodes) await launchNode(state, node, libsDir);
  updateClusterState(state.dir, (fresh) => {
    for (const node of nodes) {
      const target = fresh.nodes.find((candidate) => candidate.id === node.id);
      if (target !== undefined) target.pid = node.pid;
    }
  });
  try {
    await waitForBrokersReady(state, nodes.map((node) => node.id), timeoutMs);
  } catch (err) {
    await terminate(
      nodes.flatMap((node) => (isOurProcess(node.pid, node.marker) ? [node.pid] : [])),
      5_000,
    );
    updateClusterState(state.dir, (fresh) => {
      for (const node of fresh.nodes) {
        if (nodes.some((started) => started.id === node.id)) {
          node.pid = null;
          writePidFile(node.pidFile, null);
        }
      }
    });
    throw err;
  }
}

async function createCluster(dir: string, options: StartClusterOptions, log: (line: string) => void): Promise<ClusterState> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new SandboxError(
      "Refusing to create a cluster in a non-empty directory",
      dir,
      "it has files but no cluster.json, so it is not a sandbox cluster (or a start was interrupted); remove it or pick another --dir/--name",
    );
  }
  const kafkaVersion = options.kafkaVersion ?? DEFAULT_KAFKA_VERSION;
  parseKafkaVersion(kafkaVersion);
  const nodes = planNodes({
    dir,
    nodes: options.nodes ?? DEFAULT_NODE_COUNT,
    ...(options.brokerOnlyNodes === undefined ? {} : { brokerOnlyNodes: options.brokerOnlyNodes }),
    basePort: options.basePort ?? DEFAULT_BASE_PORT,
    racks: options.racks ?? DEFAULT_RACKS,
    ...(options.advertisedPorts === undefined ? {} : { advertisedPorts: options.advertisedPorts }),
  });
  await assertPortsFree(nodes, dir);
  const libsDir = await ensureKafkaJars(kafkaVersion, log);

  const state: ClusterState = {
    schema: CLUSTER_STATE_SCHEMA,
    name: options.name ?? (options.dir !== undefined ? path.basename(dir) : "default"),
    dir,
    kafkaVersion,
    clusterId: randomClusterId(),
    createdAt: new Date().toISOString(),
    basePort: options.basePort ?? DEFAULT_BASE_PORT,
    nodes,
    traffic: [],
  };
  try {
    for (const node of nodes) {
      fs.mkdirSync(node.logsDir, { recursive: true });
      fs.writeFileSync(node.propertiesFile, renderBrokerProperties(node, nodes));
    }
    log(`Formatting storage for ${nodes.length} node(s), cluster id ${state.clusterId}...`);
    await Promise.all(nodes.map((node) => formatNodeStorage(state, node, libsDir)));
  } catch (err) {
    // Nothing has run yet: leave no half-made cluster for the next start to trip on.
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // Written only once storage is formatted, so a cluster.json always means "launchable".
  writeClusterState(state);
  return state;
}

/** The nodes a start brings up: all of them, or only the combined ones when broker-only nodes are held back. */
function nodesToStart(state: ClusterState, options: StartClusterOptions): NodeState[] {
  return options.startBrokerOnlyNodes === false ? state.nodes.filter(isControllerNode) : state.nodes;
}

/**
 * Starts (or resumes) a KRaft cluster of combined broker+controller nodes,
 * and any broker-only nodes, and resolves once every node started is
 * registered and unfenced. Idempotent: nodes that are already running are
 * left alone, stopped ones restart on their data.
 */
export async function startCluster(options: StartClusterOptions = {}): Promise<StartClusterResult> {
  const started = Date.now();
  const log = options.log ?? ((): void => undefined);
  const dir = clusterDirFor(options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  const existing = readClusterState(dir);
  if (existing !== undefined) {
    assertCompatible(existing, options);
    const down = nodesToStart(existing, options).filter((node) => !isOurProcess(node.pid, node.marker));
    if (down.length === 0) {
      return { state: existing, bootstrap: bootstrapServers(existing), alreadyRunning: true, startedNodeIds: [], elapsedMs: Date.now() - started };
    }
    await assertPortsFree(down, dir);
    const libsDir = await ensureKafkaJars(existing.kafkaVersion, log);
    log(`Starting node(s) ${down.map((node) => node.id).join(", ")} of "${existing.name}" (Kafka ${existing.kafkaVersion}) on existing data...`);
    await launchAndWait(existing, down, libsDir, timeoutMs);
    return {
      state: existing,
      bootstrap: bootstrapServers(existing),
      alreadyRunning: false,
      startedNodeIds: down.map((node) => node.id),
      elapsedMs: Date.now() - started,
    };
  }

  const state = await createCluster(dir, options, log);
  const starting = nodesToStart(state, options);
  log(`Starting ${starting.length} of ${state.nodes.length} node(s) of "${state.name}" (Kafka ${state.kafkaVersion})...`);
  // All at once: a combined node cannot finish starting until a quorum majority is up.
  const libsDir = await ensureKafkaJars(state.kafkaVersion, log);
  await launchAndWait(state, starting, libsDir, timeoutMs);
  return {
    state,
    bootstrap: bootstrapServers(state),
    alreadyRunning: false,
    startedNodeIds: starting.map((node) => node.id),
    elapsedMs: Date.now() - started,
  };
}
