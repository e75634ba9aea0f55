import {
  bootstrapServers,
  readClusterState,
  resolveClusterDir,
  type ClusterRef,
  type NodeRole,
  type TrafficRole,
} from "./cluster-state.js";
import { isPortListening } from "./port-check.js";
import { isOurProcess } from "./process-control.js";

export interface NodeStatus {
  readonly id: number;
  readonly role: NodeRole;
  readonly rack: string;
  readonly pid: number | null;
  readonly alive: boolean;
  readonly port: number;
  readonly listening: boolean;
  readonly controllerPort: number;
  readonly controllerListening: boolean;
}

export interface TrafficStatus {
  readonly role: TrafficRole;
  readonly description: string;
  readonly pid: number | null;
  readonly alive: boolean;
}

export interface ClusterStatus {
  readonly dir: string;
  /** "absent": no cluster.json; "partial": some but not all nodes alive (a broker-only node held back or gone counts). */
  readonly state: "absent" | "stopped" | "partial" | "running";
  readonly name?: string;
  readonly kafkaVersion?: string;
  readonly clusterId?: string;
  readonly bootstrap?: string;
  readonly nodes: readonly NodeStatus[];
  readonly traffic: readonly TrafficStatus[];
}

/**
 * Process and socket level view only (pid alive, port accepting); it does not
 * ask Kafka anything, so it is instant and works while a node is hung.
 */
export async function clusterStatus(ref: ClusterRef): Promise<ClusterStatus> {
  const dir = resolveClusterDir(ref);
  const state = readClusterState(dir);
  if (state === undefined) return { dir, state: "absent", nodes: [], traffic: [] };

  const nodes = await Promise.all(
    state.nodes.map(async (node): Promise<NodeStatus> => {
      const [listening, controllerListening] = await Promise.all([
        isPortListening(node.port),
        isPortListening(node.controllerPort),
      ]);
      return {
        id: node.id,
        role: node.role ?? "combined",
        rack: node.rack,
        pid: node.pid,
        alive: isOurProcess(node.pid, node.marker),
        port: node.port,
        listening,
        controllerPort: node.controllerPort,
        controllerListening,
      };
    }),
  );
  const traffic = state.traffic.map(
    (t): TrafficStatus => ({ role: t.role, description: t.description, pid: t.pid, alive: isOurProcess(t.pid, t.marker) }),
  );
  const aliveCount = nodes.filter((node) => node.alive).length;
  return {
    dir,
    state: aliveCount === 0 ? "stopped" : aliveCount === nodes.length ? "running" : "partial",
    name: state.name,
    kafkaVersion: state.kafkaVersion,
    clusterId: state.clusterId,
    bootstrap: bootstrapServers(state),
    nodes,
    traffic,
  };
}
