import { requireClusterState, resolveClusterDir, type ClusterRef } from "./cluster-state.js";
import { nodeLogTail } from "./log-tail.js";
import { isOurProcess } from "./process-control.js";
import { SandboxError } from "./sandbox-error.js";
import { seedTopics } from "./seed-topics.js";
import { startTraffic } from "./seed-traffic.js";
import type { TrafficRole } from "./cluster-state.js";

export { planSeedTopics, type TopicPlan } from "./seed-topics.js";

export interface SeedOptions {
  /** Create topics only, no background producers/consumers. */
  readonly topicsOnly?: boolean;
  readonly log?: (line: string) => void;
}

export interface SeedResult {
  readonly createdTopics: readonly string[];
  readonly existingTopics: readonly string[];
  readonly startedTraffic: readonly TrafficRole[];
  readonly runningTraffic: readonly TrafficRole[];
}

/**
 * Fills a running sandbox cluster with a realistic mix of topics (see
 * planSeedTopics) and light continuous traffic. Safe to run again: existing
 * topics are kept, running traffic generators are left alone.
 */
export async function seedCluster(ref: ClusterRef, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? ((): void => undefined);
  const state = requireClusterState(resolveClusterDir(ref));
  const down = state.nodes.filter((node) => !isOurProcess(node.pid, node.marker));
  if (down.length > 0) {
    // Creating rf-3 topics with a node missing fails in confusing ways; say so up front.
    throw new SandboxError(
      `Cannot seed cluster "${state.name}": node(s) ${down.map((n) => n.id).join(", ")} not running`,
      state.dir,
      `start or restart them first\n${down[0] === undefined ? "" : nodeLogTail(down[0], 5)}`,
    );
  }
  const topics = await seedTopics(state, log);
  const traffic = options.topicsOnly === true ? { started: [], alreadyRunning: [] } : await startTraffic(state, log);
  return {
    createdTopics: topics.created,
    existingTopics: topics.existing,
    startedTraffic: traffic.started,
    runningTraffic: traffic.alreadyRunning,
  };
}
