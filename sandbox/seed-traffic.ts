import path from "node:path";
import {
  bootstrapServers,
  updateClusterState,
  writePidFile,
  type ClusterState,
  type TrafficRole,
  type TrafficState,
} from "./cluster-state.js";
import { spawnDetachedJava } from "./java-launch.js";
import { TRAFFIC_JVM_OPTIONS, toolLoggingOptions } from "./jvm-options.js";
import { ensureKafkaJars } from "./kafka-jars.js";
import { runKafkaTool } from "./kafka-tool.js";
import { isOurProcess } from "./process-control.js";
import { lastLines } from "./run-process.js";
import { SandboxError } from "./sandbox-error.js";
import { toolMainClass, type KafkaToolName } from "./tool-classes.js";

/** The throttled consumer's client.id; the broker quota below is keyed on it. */
const SLOW_CLIENT_ID = "sandbox-slow-consumer";
/** Bytes/s per broker: below what payments-producer writes, so lag keeps growing. */
const SLOW_CONSUMER_BYTE_RATE = 1024;
/** Effectively endless; stop kills it long before. */
const ENDLESS_RECORDS = "1000000000";

interface TrafficPlan {
  readonly role: TrafficRole;
  readonly description: string;
  readonly tool: KafkaToolName;
  readonly args: readonly string[];
  /** Console consumers print every record; only their stderr is worth keeping. */
  readonly discardStdout: boolean;
}

function perfProducer(role: TrafficRole, topic: string, perSecond: number, recordSize: number, bootstrap: string): TrafficPlan {
  return {
    role,
    description: `producer-perf-test -> ${topic} at ~${perSecond} msg/s`,
    tool: "producer-perf-test",
    // --producer-props rather than --bootstrap-server: the latter is 4.x only.
    args: [
      "--topic", topic,
      "--num-records", ENDLESS_RECORDS,
      "--record-size", String(recordSize),
      "--throughput", String(perSecond),
      "--producer-props", `bootstrap.servers=${bootstrap}`, "acks=all", `client.id=sandbox-${topic}-producer`,
    ],
    discardStdout: false,
  };
}

function consoleConsumer(
  role: TrafficRole,
  topic: string,
  group: string,
  clientId: string,
  bootstrap: string,
  extraProperties: readonly string[] = [],
): TrafficPlan {
  return {
    role,
    description: `console-consumer <- ${topic}, group ${group}`,
    tool: "console-consumer",
    args: [
      "--bootstrap-server", bootstrap,
      "--topic", topic,
      "--group", group,
      "--from-beginning",
      "--consumer-property", `client.id=${clientId}`,
      ...extraProperties.flatMap((property) => ["--consumer-property", property]),
    ],
    discardStdout: true,
  };
}

/**
 * Light, continuous load so the app has something live to show:
 *  - orders: ~20 msg/s in, consumed by group sandbox-consumers (lag ~0);
 *  - payments: ~10 msg/s in, consumed by group sandbox-slow whose client is
 *    quota-throttled by the brokers, so its lag is non-zero and keeps moving.
 */
function planTraffic(state: ClusterState): TrafficPlan[] {
  const bootstrap = bootstrapServers(state);
  return [
    perfProducer("orders-producer", "orders", 20, 200, bootstrap),
    consoleConsumer("orders-consumer", "orders", "sandbox-consumers", "sandbox-orders-consumer", bootstrap),
    perfProducer("payments-producer", "payments", 10, 256, bootstrap),
    // Small fetches keep each quota throttle short: lag moves smoothly rather
    // than in 10 s jumps, and the consumer can still close within stop's grace.
    consoleConsumer("payments-slow-consumer", "payments", "sandbox-slow", SLOW_CLIENT_ID, bootstrap, [
      "fetch.max.bytes=1024",
      "max.partition.fetch.bytes=1024",
    ]),
  ];
}

async function throttleSlowConsumer(state: ClusterState): Promise<void> {
  const args = [
    "--bootstrap-server", bootstrapServers(state),
    "--alter",
    "--entity-type", "clients",
    "--entity-name", SLOW_CLIENT_ID,
    "--add-config", `consumer_byte_rate=${SLOW_CONSUMER_BYTE_RATE}`,
  ];
  const result = await runKafkaTool("configs", args, { cluster: state });
  if (result.code !== 0) {
    throw new SandboxError("Could not set the slow consumer's quota", `configs ${args.join(" ")}`, lastLines(result.stderr, 10));
  }
}

export interface SeedTrafficResult {
  readonly started: readonly TrafficRole[];
  readonly alreadyRunning: readonly TrafficRole[];
}

/** Starts whichever traffic generators are not running; their pids go to cluster.json for stop. */
export async function startTraffic(state: ClusterState, log: (line: string) => void): Promise<SeedTrafficResult> {
  const libsDir = await ensureKafkaJars(state.kafkaVersion);
  await throttleSlowConsumer(state);
  const trafficDir = path.join(state.dir, "traffic");
  const started: TrafficRole[] = [];
  const alreadyRunning: TrafficRole[] = [];
  for (const plan of planTraffic(state)) {
    const known = state.traffic.find((t) => t.role === plan.role);
    if (known !== undefined && isOurProcess(known.pid, known.marker)) {
      alreadyRunning.push(plan.role);
      continue;
    }
    const marker = path.join(trafficDir, plan.role);
    const entry: TrafficState = {
      role: plan.role,
      description: plan.description,
      logFile: path.join(trafficDir, `${plan.role}.log`),
      pidFile: path.join(trafficDir, `${plan.role}.pid`),
      marker,
      pid: null,
    };
    log(`Starting ${plan.description}...`);
    entry.pid = await spawnDetachedJava({
      libsDir,
      jvmOptions: [...TRAFFIC_JVM_OPTIONS, ...toolLoggingOptions(state.kafkaVersion)],
      mainClass: toolMainClass(plan.tool, state.kafkaVersion),
      args: plan.args,
      marker,
      outputFile: entry.logFile,
      discardStdout: plan.discardStdout,
      cwd: state.dir,
    });
    writePidFile(entry.pidFile, entry.pid);
    updateClusterState(state.dir, (fresh) => {
      fresh.traffic = [...fresh.traffic.filter((t) => t.role !== plan.role), entry];
    });
    started.push(plan.role);
  }
  return { started, alreadyRunning };
}
