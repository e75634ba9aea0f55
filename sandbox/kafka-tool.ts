import {
  bootstrapControllers,
  bootstrapServers,
  readClusterState,
  resolveClusterDir,
  type ClusterRef,
  type ClusterState,
} from "./cluster-state.js";
import { runJavaMain } from "./java-launch.js";
import { TOOL_JVM_OPTIONS, toolLoggingOptions } from "./jvm-options.js";
import { ensureKafkaJars } from "./kafka-jars.js";
import { DEFAULT_KAFKA_VERSION, parseKafkaVersion } from "./kafka-version.js";
import type { ProcessResult } from "./run-process.js";
import { SandboxError } from "./sandbox-error.js";
import { KAFKA_TOOL_NAMES, isKafkaToolName, toolMainClass, type KafkaToolName } from "./tool-classes.js";

/** Argument placeholders replaced with the cluster's addresses. */
export const BOOTSTRAP_PLACEHOLDER = "@bootstrap";
export const CONTROLLERS_PLACEHOLDER = "@controllers";

export interface KafkaToolOptions {
  /** Cluster whose jars (version) and addresses (placeholders) to use. */
  readonly cluster?: ClusterRef | ClusterState;
  /** Overrides the cluster's version; defaults to it, else DEFAULT_KAFKA_VERSION. */
  readonly kafkaVersion?: string;
  /** Killed with SIGKILL after this long (code 124). Default 120 s; 0 means never. */
  readonly timeoutMs?: number;
  /** Fed to stdin, then closed (for console-producer). */
  readonly input?: string;
  /** Aborting kills the tool's JVM. */
  readonly signal?: AbortSignal;
  /** Stream the tool's output to our stdout/stderr while it runs (still captured). */
  readonly echo?: boolean;
}

export type KafkaToolResult = ProcessResult;

function loadCluster(cluster: ClusterRef | ClusterState | undefined): ClusterState | undefined {
  if (cluster === undefined) return undefined;
  if (typeof cluster === "object" && "clusterId" in cluster) return cluster;
  return readClusterState(resolveClusterDir(cluster));
}

function substitutePlaceholders(args: readonly string[], state: ClusterState | undefined): string[] {
  return args.map((arg) => {
    if (arg !== BOOTSTRAP_PLACEHOLDER && arg !== CONTROLLERS_PLACEHOLDER) return arg;
    if (state === undefined) {
      throw new SandboxError(
        `Cannot expand ${arg}`,
        "kafka tool arguments",
        "no sandbox cluster state was found for the given name/dir; start one or pass host:port yourself",
      );
    }
    return arg === BOOTSTRAP_PLACEHOLDER ? bootstrapServers(state) : bootstrapControllers(state);
  });
}

/**
 * Runs one of Kafka's own CLI tools (the class behind bin/kafka-<tool>.sh)
 * from the sandbox's jars. Never throws for a tool failure: the exit code and
 * output come back as they are, because tests assert on them.
 */
export async function runKafkaTool(
  tool: KafkaToolName,
  args: readonly string[],
  options: KafkaToolOptions = {},
): Promise<KafkaToolResult> {
  if (!isKafkaToolName(tool)) {
    throw new SandboxError(`Unknown Kafka tool "${String(tool)}"`, "runKafkaTool", `known tools: ${KAFKA_TOOL_NAMES.join(", ")}`);
  }
  const state = loadCluster(options.cluster);
  const version = options.kafkaVersion ?? state?.kafkaVersion ?? DEFAULT_KAFKA_VERSION;
  parseKafkaVersion(version);
  const libsDir = await ensureKafkaJars(version);
  return runJavaMain(
    {
      libsDir,
      jvmOptions: [...TOOL_JVM_OPTIONS, ...toolLoggingOptions(version)],
      mainClass: toolMainClass(tool, version),
      args: substitutePlaceholders(args, state),
    },
    {
      ...(options.timeoutMs === 0 ? {} : { timeoutMs: options.timeoutMs ?? 120_000 }),
      ...(options.input === undefined ? {} : { input: options.input }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.echo === undefined ? {} : { echo: options.echo }),
    },
  );
}
