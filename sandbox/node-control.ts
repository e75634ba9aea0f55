import { waitForBrokersReady } from "./broker-readiness.js";
import {
  findNode,
  requireClusterState,
  resolveClusterDir,
  updateClusterState,
  writePidFile,
  type ClusterRef,
} from "./cluster-state.js";
import { ensureKafkaJars } from "./kafka-jars.js";
import { launchNode } from "./node-launch.js";
import { allPorts } from "./node-layout.js";
import { waitForPortsFree } from "./port-check.js";
import { isOurProcess, killNow, terminate } from "./process-control.js";
import { SandboxError } from "./sandbox-error.js";

export interface KillNodeResult {
  readonly nodeId: number;
  readonly pid: number;
}

/**
 * SIGKILLs one node: a crash, not a clean shutdown, so the controller only
 * notices via the missed heartbeats (fenced after broker.session.timeout.ms).
 */
export async function killNode(ref: ClusterRef, nodeId: number): Promise<KillNodeResult> {
  const dir = resolveClusterDir(ref);
  const node = findNode(requireClusterState(dir), nodeId);
  if (!isOurProcess(node.pid, node.marker)) {
    throw new SandboxError(`Node ${nodeId} is not running`, node.dir, `no live broker process (pid file said ${String(node.pid)})`);
  }
  const pid = node.pid;
  await killNow(pid);
  updateClusterState(dir, (state) => {
    const target = findNode(state, nodeId);
    target.pid = null;
    writePidFile(target.pidFile, null);
  });
  return { nodeId, pid };
}

export interface StopNodeOptions {
  /** How long the broker gets for a controlled shutdown before SIGKILL. Default 20 s. */
  readonly graceMs?: number;
}

export interface StopNodeResult {
  readonly nodeId: number;
  readonly pid: number;
  /** True when it ignored SIGTERM for the whole grace period and was SIGKILLed. */
  readonly killed: boolean;
}

/**
 * Stops one node cleanly: SIGTERM, so a broker hands its leaderships over (controlled shutdown)
 * and stays registered, fenced, until it comes back or is unregistered (`tool cluster unregister`).
 * How a broker leaves for good; killNode is how it crashes.
 */
export async function stopNode(ref: ClusterRef, nodeId: number, options: StopNodeOptions = {}): Promise<StopNodeResult> {
  const dir = resolveClusterDir(ref);
  const node = findNode(requireClusterState(dir), nodeId);
  if (!isOurProcess(node.pid, node.marker)) {
    throw new SandboxError(`Node ${nodeId} is not running`, node.dir, `no live broker process (pid file said ${String(node.pid)})`);
  }
  const pid = node.pid;
  const killed = await terminate([pid], options.graceMs ?? 20_000);
  updateClusterState(dir, (state) => {
    const target = findNode(state, nodeId);
    target.pid = null;
    writePidFile(target.pidFile, null);
  });
  return { nodeId, pid, killed: killed.length > 0 };
}

export interface StartNodeOptions {
  /** Default 120 s. */
  readonly timeoutMs?: number;
}

export interface StartNodeResult {
  readonly nodeId: number;
  readonly pid: number;
  /** True when the node was running and nothing was done. */
  readonly alreadyRunning: boolean;
  readonly elapsedMs: number;
}

/**
 * Starts a node that is not running (killed, stopped, or a broker-only node held back when the
 * cluster started) on its data, and waits until it is registered and unfenced.
 */
export async function startNode(ref: ClusterRef, nodeId: number, options: StartNodeOptions = {}): Promise<StartNodeResult> {
  const started = Date.now();
  const dir = resolveClusterDir(ref);
  const state = requireClusterState(dir);
  const node = findNode(state, nodeId);
  if (isOurProcess(node.pid, node.marker)) {
    return { nodeId, pid: node.pid, alreadyRunning: true, elapsedMs: Date.now() - started };
  }
  // A SIGKILLed JVM's sockets can take a moment to be released.
  const busy = await waitForPortsFree(allPorts([node]), 5_000);
  if (busy.length > 0) {
    throw new SandboxError(`Cannot start node ${nodeId}`, `127.0.0.1:${busy.join(", ")}`, "its port is in use by another process");
  }
  const libsDir = await ensureKafkaJars(state.kafkaVersion);
  const pid = await launchNode(state, node, libsDir);
  updateClusterState(dir, (fresh) => {
    findNode(fresh, nodeId).pid = pid;
  });
  try {
    await waitForBrokersReady(state, [nodeId], options.timeoutMs ?? 120_000);
  } catch (err) {
    if (isOurProcess(pid, node.marker)) await terminate([pid], 5_000);
    updateClusterState(dir, (fresh) => {
      const target = findNode(fresh, nodeId);
      target.pid = null;
      writePidFile(target.pidFile, null);
    });
    throw err;
  }
  return { nodeId, pid, alreadyRunning: false, elapsedMs: Date.now() - started };
}

export type RestartNodeOptions = StartNodeOptions;
export type RestartNodeResult = StartNodeResult;

/** startNode under the name that reads right after killNode or stopNode. */
export const restartNode = startNode;
