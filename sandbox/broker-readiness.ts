import fs from "node:fs";
import path from "node:path";
import { bootstrapServers, type ClusterState, type NodeState } from "./cluster-state.js";
import { runKafkaTool } from "./kafka-tool.js";
import { nodeLogTail } from "./log-tail.js";
import { isPortListening } from "./port-check.js";
import { isOurProcess, sleep } from "./process-control.js";
import { SandboxError } from "./sandbox-error.js";

/**
 * Node ids the cluster metadata lists as live brokers. A Metadata response
 * (what BrokerApiVersionsCommand prints, one "host:port (id: N rack: R…) ->"
 * line per broker) only contains registered, unfenced brokers, on 3.9 and 4.x
 * alike, which is exactly "ready to lead and follow partitions".
 */
export function parseLiveBrokerIds(brokerApiVersionsOutput: string): Set<number> {
  const ids = new Set<number>();
  for (const match of brokerApiVersionsOutput.matchAll(/\(id: (\d+) rack: [^)]*?(isFenced: (true|false))?\) ->/g)) {
    if (match[3] === "true") continue;
    ids.add(Number(match[1]));
  }
  return ids;
}

interface Progress {
  notRunning: NodeState[];
  notListening: NodeState[];
  missing: NodeState[];
  lastToolError: string;
}

/**
 * Admin client settings for the readiness probes: fail within seconds instead
 * of the 30-60 s defaults, so a poll never sleeps through the moment a broker
 * becomes ready.
 */
function probeClientConfig(state: ClusterState): string {
  const file = path.join(state.dir, "probe-client.properties");
  if (!fs.existsSync(file)) {
    fs.writeFileSync(
      file,
      ["request.timeout.ms=5000", "default.api.timeout.ms=8000", "socket.connection.setup.timeout.ms=2000", ""].join("\n"),
    );
  }
  return file;
}

async function checkOnce(state: ClusterState, waitFor: readonly NodeState[], progress: Progress): Promise<boolean> {
  progress.notRunning = waitFor.filter((node) => !isOurProcess(node.pid, node.marker));
  if (progress.notRunning.length > 0) return false;
  const listening = await Promise.all(waitFor.map((node) => isPortListening(node.port)));
  progress.notListening = waitFor.filter((_, index) => listening[index] !== true);
  // Starting a tool JVM costs ~2 s of CPU that the brokers need more right now.
  if (progress.notListening.length > 0) return false;

  // Both checks in parallel: each is a JVM start (~2-3 s), and on a busy
  // 2-core machine running them back to back doubles the wait for no gain.
  // A topic listing against a broker that is not serving yet just hangs, so
  // it is cut short as soon as the broker check says "not yet".
  const bootstrap = bootstrapServers(state);
  const config = probeClientConfig(state);
  const giveUp = new AbortController();
  const [versions, topics] = await Promise.all([
    runKafkaTool("broker-api-versions", ["--bootstrap-server", bootstrap, "--command-config", config], { cluster: state, timeoutMs: 30_000 }).then(
      (result) => {
        progress.missing = waitFor.filter((node) => !parseLiveBrokerIds(result.stdout).has(node.id));
        if (result.code !== 0 || progress.missing.length > 0) giveUp.abort();
        return result;
      },
    ),
    // Brokers can be unfenced a moment before they serve admin requests
    // fully; a successful topic listing is what tests will do first.
    runKafkaTool("topics", ["--bootstrap-server", bootstrap, "--command-config", config, "--list"], {
      cluster: state,
      timeoutMs: 30_000,
      signal: giveUp.signal,
    }),
  ]);
  if (versions.code !== 0 || progress.missing.length > 0) {
    progress.lastToolError = `broker-api-versions exit ${versions.code}: ${versions.stderr.trim().split("\n").slice(-3).join(" | ")}`;
    return false;
  }
  if (topics.code !== 0) {
    progress.lastToolError = `topics --list exit ${topics.code}: ${topics.stderr.trim().split("\n").slice(-3).join(" | ")}`;
    return false;
  }
  return true;
}

function describeFailure(state: ClusterState, progress: Progress, reason: string): SandboxError {
  const culprit = progress.notRunning[0] ?? progress.notListening[0] ?? progress.missing[0];
  const detail =
    progress.notRunning.length > 0
      ? `node(s) ${progress.notRunning.map((n) => n.id).join(", ")} exited`
      : progress.notListening.length > 0
        ? `node(s) ${progress.notListening.map((n) => `${n.id} (port ${n.port})`).join(", ")} not listening`
        : progress.missing.length > 0
          ? `node(s) ${progress.missing.map((n) => n.id).join(", ")} not registered/unfenced; ${progress.lastToolError}`
          : progress.lastToolError;
  return new SandboxError(
    `Kafka cluster "${state.name}" did not become ready`,
    culprit === undefined ? state.dir : culprit.dir,
    `${reason}: ${detail}` + (culprit === undefined ? "" : `\n${nodeLogTail(culprit)}`),
  );
}

/**
 * Waits until every node in `nodeIds` is running, listening, registered and
 * unfenced, and the cluster answers a topic listing. Fails fast when one of
 * the JVMs dies (bad config, port clash) instead of waiting for the timeout.
 */
export async function waitForBrokersReady(
  state: ClusterState,
  nodeIds: readonly number[],
  timeoutMs: number,
): Promise<void> {
  const waitFor = state.nodes.filter((node) => nodeIds.includes(node.id));
  const deadline = Date.now() + timeoutMs;
  const progress: Progress = { notRunning: [], notListening: [], missing: [], lastToolError: "" };
  for (;;) {
    if (await checkOnce(state, waitFor, progress)) return;
    if (progress.notRunning.length > 0) throw describeFailure(state, progress, "process died during startup");
    if (Date.now() >= deadline) throw describeFailure(state, progress, `timed out after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(progress.notListening.length > 0 ? 500 : 1000);
  }
}
