import path from "node:path";
import type { NodeState } from "./cluster-state.js";
import { SANDBOX_HOST } from "./port-check.js";
import { SandboxError } from "./sandbox-error.js";

export const DEFAULT_BASE_PORT = 19092;
export const DEFAULT_NODE_COUNT = 3;
export const DEFAULT_RACKS: readonly string[] = ["rack-a", "rack-b", "rack-c"];
/** CONTROLLER listeners sit this far above the PLAINTEXT ones. */
export const CONTROLLER_PORT_OFFSET = 100;
/** REPLICATION listeners (only with advertised ports) sit this far above the PLAINTEXT ones. */
export const REPLICATION_PORT_OFFSET = 200;

export interface LayoutOptions {
  readonly dir: string;
  /** Combined broker+controller nodes: the quorum voters, ids 1..nodes. */
  readonly nodes: number;
  /** Broker-only nodes after them, ids nodes+1..nodes+brokerOnlyNodes. Default 0. */
  readonly brokerOnlyNodes?: number;
  readonly basePort: number;
  /** Rack per node, index 0 = node 1; cycled when shorter than `nodes`. */
  readonly racks: readonly string[];
  /** Node id → client port it advertises instead of its own; see NodeState.advertisedPort. */
  readonly advertisedPorts?: Readonly<Record<number, number>>;
}

/**
 * Node i (1-based) listens for clients on basePort+i-1 and for the quorum on
 * basePort+100+i-1, so two clusters with base ports 19092 and 29092 never
 * collide and a port number alone tells you which node it is. Broker-only
 * nodes follow the combined ones in the same scheme; their controller port
 * stays reserved but unused, so ids and ports keep lining up.
 */
export function planNodes(options: LayoutOptions): NodeState[] {
  const { dir, nodes, basePort, racks, advertisedPorts } = options;
  const brokerOnly = options.brokerOnlyNodes ?? 0;
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 9) {
    throw new SandboxError(`Invalid node count ${nodes}`, "--nodes / nodes option", "expected an integer from 1 to 9");
  }
  if (!Number.isInteger(brokerOnly) || brokerOnly < 0 || nodes + brokerOnly > 9) {
    throw new SandboxError(
      `Invalid broker-only node count ${brokerOnly}`,
      "--broker-only / brokerOnlyNodes option",
      `expected an integer from 0 to ${9 - nodes}: at most 9 nodes in all`,
    );
  }
  const total = nodes + brokerOnly;
  const replicated = advertisedPorts !== undefined;
  const highest = basePort + (replicated ? REPLICATION_PORT_OFFSET : CONTROLLER_PORT_OFFSET) + total - 1;
  if (!Number.isInteger(basePort) || basePort < 1024 || highest > 65535) {
    throw new SandboxError(
      `Invalid base port ${basePort}`,
      "--base-port / basePort option",
      `ports ${basePort}..${highest} must lie within 1024..65535`,
    );
  }
  if (racks.length === 0) {
    throw new SandboxError("Empty rack list", "racks option", "give at least one rack name");
  }
  return Array.from({ length: total }, (_, index) => {
    const id = index + 1;
    const nodeDir = path.join(dir, `node-${id}`);
    return {
      id,
      role: id > nodes ? "broker" : "combined",
      rack: racks[index % racks.length] ?? "rack-a",
      host: SANDBOX_HOST,
      port: basePort + index,
      controllerPort: basePort + CONTROLLER_PORT_OFFSET + index,
      ...(replicated ? { advertisedPort: advertisedPorts[id] ?? basePort + index, replicationPort: basePort + REPLICATION_PORT_OFFSET + index } : {}),
      dir: nodeDir,
      propertiesFile: path.join(nodeDir, "server.properties"),
      logsDir: path.join(nodeDir, "logs"),
      consoleLogFile: path.join(nodeDir, "logs", "console.log"),
      pidFile: path.join(nodeDir, "kafka.pid"),
      marker: nodeDir,
      pid: null,
    };
  });
}

/** The ports the nodes listen on (a broker-only node's reserved controller port included: nothing else should take it). */
export function allPorts(nodes: readonly NodeState[]): number[] {
  return nodes.flatMap((node) => [node.port, node.controllerPort, ...(node.replicationPort === undefined ? [] : [node.replicationPort])]);
}
