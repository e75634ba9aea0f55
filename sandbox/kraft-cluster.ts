/**
 * Programmatic API of the Kafka sandbox: a real Apache Kafka KRaft cluster on
 * 127.0.0.1, run from Kafka's own jars (fetched by Maven into .cache/kafka).
 * Used by the integration tests and by sandbox-cli.ts.
 *
 *   const { bootstrap } = await startCluster({ name: "it", basePort: 22092 });
 *   await runKafkaTool("topics", ["--bootstrap-server", "@bootstrap", "--list"], { cluster: "it" });
 *   await killNode("it", 2); await restartNode("it", 2);
 *   // A broker joining later and leaving for good: startCluster({ …, brokerOnlyNodes: 1, startBrokerOnlyNodes: false }),
 *   // then startNode("it", 4), stopNode("it", 4) and runKafkaTool("cluster", ["unregister", …]).
 *   await stopCluster("it", { wipe: true });
 */
export { startCluster, type StartClusterOptions, type StartClusterResult } from "./cluster-start.js";
export { stopCluster, type StopClusterOptions, type StopClusterResult } from "./cluster-stop.js";
export { clusterStatus, type ClusterStatus, type NodeStatus, type TrafficStatus } from "./cluster-status.js";
export {
  killNode,
  restartNode,
  startNode,
  stopNode,
  type KillNodeResult,
  type RestartNodeOptions,
  type RestartNodeResult,
  type StartNodeOptions,
  type StartNodeResult,
  type StopNodeOptions,
  type StopNodeResult,
} from "./node-control.js";
export {
  runKafkaTool,
  BOOTSTRAP_PLACEHOLDER,
  CONTROLLERS_PLACEHOLDER,
  type KafkaToolOptions,
  type KafkaToolResult,
} from "./kafka-tool.js";
export { KAFKA_TOOL_NAMES, isKafkaToolName, toolMainClass, type KafkaToolName } from "./tool-classes.js";
export {
  bootstrapServers,
  bootstrapControllers,
  readClusterState,
  resolveClusterDir,
  type ClusterRef,
  type ClusterState,
  type NodeRole,
  type NodeState,
  type TrafficState,
} from "./cluster-state.js";
export { DEFAULT_KAFKA_VERSION } from "./kafka-version.js";
export { DEFAULT_BASE_PORT, DEFAULT_NODE_COUNT, DEFAULT_RACKS, CONTROLLER_PORT_OFFSET } from "./node-layout.js";
export { ensureKafkaJars } from "./kafka-jars.js";
export { SandboxError } from "./sandbox-error.js";
