import fs from "node:fs";
import { writePidFile, type ClusterState, type NodeState } from "./cluster-state.js";
import { runJavaMain, spawnDetachedJava } from "./java-launch.js";
import { BROKER_JVM_OPTIONS, brokerLoggingOptions, TOOL_JVM_OPTIONS, toolLoggingOptions } from "./jvm-options.js";
import { lastLines } from "./run-process.js";
import { SandboxError } from "./sandbox-error.js";
import { BROKER_MAIN_CLASS, toolMainClass } from "./tool-classes.js";

/** Writes meta.properties and the bootstrap metadata checkpoint into the node's log dir. */
export async function formatNodeStorage(state: ClusterState, node: NodeState, libsDir: string): Promise<void> {
  const result = await runJavaMain(
    {
      libsDir,
      jvmOptions: [...TOOL_JVM_OPTIONS, ...toolLoggingOptions(state.kafkaVersion)],
      mainClass: toolMainClass("storage", state.kafkaVersion),
      args: ["format", "-t", state.clusterId, "-c", node.propertiesFile],
    },
    { timeoutMs: 120_000 },
  );
  if (result.code !== 0) {
    throw new SandboxError(
      `Formatting storage for node ${node.id} failed`,
      node.propertiesFile,
      `StorageTool exit ${result.code}:\n${lastLines(`${result.stdout}\n${result.stderr}`, 20)}`,
    );
  }
}

/** Starts node `node` detached on its existing properties and data; records its pid. */
export async function launchNode(state: ClusterState, node: NodeState, libsDir: string): Promise<number> {
  fs.mkdirSync(node.logsDir, { recursive: true });
  fs.appendFileSync(node.consoleLogFile, `\n=== brokerscope sandbox: starting node ${node.id} at ${new Date().toISOString()} ===\n`);
  const pid = await spawnDetachedJava({
    libsDir,
    jvmOptions: [...BROKER_JVM_OPTIONS, ...brokerLoggingOptions(state.kafkaVersion, node.logsDir)],
    mainClass: BROKER_MAIN_CLASS,
    args: [node.propertiesFile],
    marker: node.marker,
    outputFile: node.consoleLogFile,
    cwd: node.dir,
  });
  node.pid = pid;
  writePidFile(node.pidFile, pid);
  return pid;
}
