import fs from "node:fs";
import path from "node:path";
import { SandboxError, errorMessage } from "./sandbox-error.js";
import { defaultClusterDir } from "./sandbox-paths.js";

export const CLUSTER_STATE_FILE = "cluster.json";
export const CLUSTER_STATE_SCHEMA = 1;

/**
 * "combined": broker and KRaft controller (a quorum voter), the default. "broker": a broker-only
 * node that follows the voters' quorum; it can join later and leave for good, as brokers do.
 */
export type NodeRole = "combined" | "broker";

export interface NodeState {
  readonly id: number;
  /** Absent in state written before broker-only nodes existed: combined. */
  readonly role?: NodeRole;
  readonly rack: string;
  readonly host: string;
  /** PLAINTEXT listener: what clients and the app connect to. */
  readonly port: number;
  /** CONTROLLER listener: KRaft quorum traffic. Reserved but not listened on by broker-only nodes. */
  readonly controllerPort: number;
  /**
   * Only in clusters started with `advertisedPorts`: the client port this node advertises instead
   * of `port` (e.g. a test's delaying proxy in front of it), and the REPLICATION listener the
   * brokers then use among themselves, so only client traffic takes the advertised path.
   */
  readonly advertisedPort?: number;
  readonly replicationPort?: number;
  readonly dir: string;
  readonly propertiesFile: string;
  /** server.log lives here (kafka.logs.dir). */
  readonly logsDir: string;
  /** JVM stdout/stderr: catches crashes that happen before logging starts. */
  readonly consoleLogFile: string;
  readonly pidFile: string;
  /** Identifies the JVM in the process table; see jvm-options.ts. */
  readonly marker: string;
  pid: number | null;
}

export const TRAFFIC_ROLES = ["orders-producer", "orders-consumer", "payments-producer", "payments-slow-consumer"] as const;
export type TrafficRole = (typeof TRAFFIC_ROLES)[number];

export interface TrafficState {
  readonly role: TrafficRole;
  readonly description: string;
  readonly logFile: string;
  readonly pidFile: string;
  readonly marker: string;
  pid: number | null;
}

export interface ClusterState {
  readonly schema: typeof CLUSTER_STATE_SCHEMA;
  readonly name: string;
  readonly dir: string;
  readonly kafkaVersion: string;
  readonly clusterId: string;
  readonly createdAt: string;
  readonly basePort: number;
  readonly nodes: NodeState[];
  traffic: TrafficState[];
}

/** A cluster is named by its name (under .sandbox/) or by an explicit dir. */
export type ClusterRef = string | { readonly name?: string; readonly dir?: string };

export function resolveClusterDir(ref: ClusterRef | undefined): string {
  if (ref === undefined) return defaultClusterDir("default");
  if (typeof ref === "string") {
    // A bare word is a name; anything path-like is a directory.
    return ref.includes("/") || ref.includes(path.sep) || ref.startsWith(".") ? path.resolve(ref) : defaultClusterDir(ref);
  }
  if (ref.dir !== undefined) return path.resolve(ref.dir);
  return defaultClusterDir(ref.name ?? "default");
}

export function statePath(dir: string): string {
  return path.join(dir, CLUSTER_STATE_FILE);
}

export function readClusterState(dir: string): ClusterState | undefined {
  const file = statePath(dir);
  if (!fs.existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new SandboxError("Cannot read sandbox cluster state", file, `not valid JSON: ${errorMessage(err)}`);
  }
  if (!isClusterState(parsed)) {
    throw new SandboxError(
      "Cannot read sandbox cluster state",
      file,
      `unexpected shape (expected schema ${CLUSTER_STATE_SCHEMA}); stop the cluster by hand and delete the directory`,
    );
  }
  return parsed;
}

export function requireClusterState(dir: string): ClusterState {
  const state = readClusterState(dir);
  if (state === undefined) {
    throw new SandboxError("No sandbox cluster here", dir, `${CLUSTER_STATE_FILE} is missing; run \`npm run sandbox -- start\` first`);
  }
  return state;
}

/** Writes via rename so a concurrent reader never sees a half-written file. */
export function writeClusterState(state: ClusterState): void {
  const file = statePath(state.dir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/**
 * Re-reads cluster.json, applies `change` and writes it back. Separate CLI
 * runs (seed in one terminal, kill in another) each touch different fields;
 * re-reading right before writing keeps one from undoing the other.
 */
export function updateClusterState(dir: string, change: (state: ClusterState) => void): ClusterState {
  const state = requireClusterState(dir);
  change(state);
  writeClusterState(state);
  return state;
}

/** Pid files mirror cluster.json for shell users (`kill $(cat …/kafka.pid)`). */
export function writePidFile(pidFile: string, pid: number | null): void {
  if (pid === null) fs.rmSync(pidFile, { force: true });
  else fs.writeFileSync(pidFile, `${pid}\n`);
}

export function isControllerNode(node: NodeState): boolean {
  return (node.role ?? "combined") === "combined";
}

/**
 * The combined nodes' client listeners: they run whenever the cluster does, while a broker-only
 * node may not have joined yet or may have left for good.
 */
export function bootstrapServers(state: ClusterState): string {
  return state.nodes
    .filter(isControllerNode)
    .map((node) => `${node.host}:${node.port}`)
    .join(",");
}

export function bootstrapControllers(state: ClusterState): string {
  return state.nodes
    .filter(isControllerNode)
    .map((node) => `${node.host}:${node.controllerPort}`)
    .join(",");
}

export function findNode(state: ClusterState, nodeId: number): NodeState {
  const node = state.nodes.find((candidate) => candidate.id === nodeId);
  if (node === undefined) {
    throw new SandboxError(
      `No node ${nodeId} in cluster "${state.name}"`,
      statePath(state.dir),
      `node ids are ${state.nodes.map((n) => n.id).join(", ")}`,
    );
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNullableNumber(value: unknown): value is number | null {
  return value === null || typeof value === "number";
}

function isNodeState(value: unknown): value is NodeState {
  return (
    isRecord(value) &&
    typeof value["id"] === "number" &&
    (value["role"] === undefined || value["role"] === "combined" || value["role"] === "broker") &&
    typeof value["rack"] === "string" &&
    typeof value["host"] === "string" &&
    typeof value["port"] === "number" &&
    typeof value["controllerPort"] === "number" &&
    typeof value["dir"] === "string" &&
    typeof value["propertiesFile"] === "string" &&
    typeof value["logsDir"] === "string" &&
    typeof value["consoleLogFile"] === "string" &&
    typeof value["pidFile"] === "string" &&
    typeof value["marker"] === "string" &&
    isNullableNumber(value["pid"])
  );
}

function isTrafficState(value: unknown): value is TrafficState {
  return (
    isRecord(value) &&
    typeof value["role"] === "string" &&
    (TRAFFIC_ROLES as readonly string[]).includes(value["role"]) &&
    typeof value["description"] === "string" &&
    typeof value["logFile"] === "string" &&
    typeof value["pidFile"] === "string" &&
    typeof value["marker"] === "string" &&
    isNullableNumber(value["pid"])
  );
}

function isClusterState(value: unknown): value is ClusterState {
  return (
    isRecord(value) &&
    value["schema"] === CLUSTER_STATE_SCHEMA &&
    typeof value["name"] === "string" &&
    typeof value["dir"] === "string" &&
    typeof value["kafkaVersion"] === "string" &&
    typeof value["clusterId"] === "string" &&
    typeof value["createdAt"] === "string" &&
    typeof value["basePort"] === "number" &&
    Array.isArray(value["nodes"]) &&
    value["nodes"].every(isNodeState) &&
    Array.isArray(value["traffic"]) &&
    value["traffic"].every(isTrafficState)
  );
}
