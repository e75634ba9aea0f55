import fs from "node:fs";
import path from "node:path";
import {
  readClusterState,
  resolveClusterDir,
  writeClusterState,
  writePidFile,
  type ClusterRef,
} from "./cluster-state.js";
import { allPorts } from "./node-layout.js";
import { waitForPortsFree } from "./port-check.js";
import { findProcessesByMarkerPrefix, isOurProcess, terminate } from "./process-control.js";
import { SandboxError } from "./sandbox-error.js";

export interface StopClusterOptions {
  /** Delete the cluster directory (data, logs, state) after stopping. */
  readonly wipe?: boolean;
  /** How long brokers get for a clean shutdown before SIGKILL. Default 20 s. */
  readonly graceMs?: number;
}

export interface StopClusterResult {
  readonly dir: string;
  /** False when there was no cluster state at `dir`. */
  readonly existed: boolean;
  /** Every pid we signalled (brokers and traffic generators). */
  readonly stoppedPids: readonly number[];
  /** The subset that ignored SIGTERM for the whole grace period. */
  readonly killedPids: readonly number[];
  /** The same as labels ("node 2", "traffic payments-slow-consumer", "stray pid 123"). */
  readonly killed: readonly string[];
  readonly wiped: boolean;
}

/**
 * Producers and the orders consumer exit in about a second; the quota-throttled
 * consumer usually cannot finish its final offset commit and gets SIGKILLed,
 * which loses nothing that matters in a sandbox.
 */
const TRAFFIC_GRACE_MS = 3_000;

/**
 * Stops traffic generators first (so they do not spend the brokers' shutdown
 * retrying), then all nodes together; SIGKILL after the grace period. Returns
 * only when no process of the cluster is left and none of its ports listens.
 */
export async function stopCluster(ref: ClusterRef, options: StopClusterOptions = {}): Promise<StopClusterResult> {
  const dir = resolveClusterDir(ref);
  const state = readClusterState(dir);
  const markerPrefix = `${dir}${path.sep}`;

  const trafficPids = state?.traffic.flatMap((t) => (isOurProcess(t.pid, t.marker) ? [t.pid] : [])) ?? [];
  const nodePids = state?.nodes.flatMap((n) => (isOurProcess(n.pid, n.marker) ? [n.pid] : [])) ?? [];
  // Anything else carrying this cluster's marker: lost pids from an interrupted run.
  const strays = findProcessesByMarkerPrefix(markerPrefix).filter(
    (pid) => !trafficPids.includes(pid) && !nodePids.includes(pid),
  );

  const killed = [
    ...(await terminate([...trafficPids, ...strays.filter((pid) => !nodePids.includes(pid))], TRAFFIC_GRACE_MS)),
    ...(await terminate(nodePids, options.graceMs ?? 20_000)),
  ];

  const labels = new Map<number, string>();
  for (const pid of strays) labels.set(pid, `stray pid ${pid}`);
  for (const t of state?.traffic ?? []) if (t.pid !== null) labels.set(t.pid, `traffic ${t.role}`);
  for (const n of state?.nodes ?? []) if (n.pid !== null) labels.set(n.pid, `node ${n.id}`);

  if (state !== undefined) {
    for (const node of state.nodes) {
      node.pid = null;
      writePidFile(node.pidFile, null);
    }
    for (const traffic of state.traffic) {
      traffic.pid = null;
      writePidFile(traffic.pidFile, null);
    }
    writeClusterState(state);
    const busy = await waitForPortsFree(allPorts(state.nodes), 10_000);
    if (busy.length > 0) {
      throw new SandboxError(
        `Cluster "${state.name}" stopped but port(s) ${busy.join(", ")} still accept connections`,
        `127.0.0.1, cluster dir ${dir}`,
        "a process that is not ours listens there (check `ss -ltnp`)",
      );
    }
  }

  const wiped = options.wipe === true && fs.existsSync(dir);
  if (wiped) fs.rmSync(dir, { recursive: true, force: true });
  return {
    dir,
    existed: state !== undefined,
    stoppedPids: [...trafficPids, ...strays, ...nodePids],
    killedPids: killed,
    killed: killed.map((pid) => labels.get(pid) ?? `pid ${pid}`),
    wiped,
  };
}
