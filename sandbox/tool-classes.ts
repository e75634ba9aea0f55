import { isAtLeast } from "./kafka-version.js";

export const KAFKA_TOOL_NAMES = [
  "topics",
  "metadata-quorum",
  "log-dirs",
  "consumer-groups",
  "configs",
  "get-offsets",
  "broker-api-versions",
  "producer-perf-test",
  "console-consumer",
  "console-producer",
  "reassign-partitions",
  "leader-election",
  "delete-records",
  "storage",
  "cluster",
] as const;

export type KafkaToolName = (typeof KAFKA_TOOL_NAMES)[number];

interface ClassSince {
  /** First Kafka release (>= 3.9.0) where `mainClass` is the one to use. */
  readonly since: string;
  readonly mainClass: string;
}

/**
 * Main classes behind Kafka's bin/*.sh scripts, checked with `unzip -l` against
 * the 3.9.1 and 4.3.1 jars. Several tools were ported from Scala (kafka.*) to
 * Java (org.apache.kafka.tools.*) across releases; entries are newest first.
 */
const TOOL_CLASSES: Readonly<Record<KafkaToolName, readonly ClassSince[]>> = {
  topics: [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.TopicCommand" }],
  "metadata-quorum": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.MetadataQuorumCommand" }],
  "log-dirs": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.LogDirsCommand" }],
  "consumer-groups": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand" }],
  configs: [{ since: "3.9.0", mainClass: "kafka.admin.ConfigCommand" }],
  "get-offsets": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.GetOffsetShell" }],
  "broker-api-versions": [
    { since: "4.0.0", mainClass: "org.apache.kafka.tools.BrokerApiVersionsCommand" },
    { since: "3.9.0", mainClass: "kafka.admin.BrokerApiVersionsCommand" },
  ],
  "producer-perf-test": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.ProducerPerformance" }],
  "console-consumer": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.consumer.ConsoleConsumer" }],
  "console-producer": [
    { since: "4.0.0", mainClass: "org.apache.kafka.tools.ConsoleProducer" },
    { since: "3.9.0", mainClass: "kafka.tools.ConsoleProducer" },
  ],
  "reassign-partitions": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.reassign.ReassignPartitionsCommand" }],
  "leader-election": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.LeaderElectionCommand" }],
  "delete-records": [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.DeleteRecordsCommand" }],
  storage: [{ since: "3.9.0", mainClass: "kafka.tools.StorageTool" }],
  // kafka-cluster.sh: cluster-id, unregister (a broker that left for good), list-endpoints.
  cluster: [{ since: "3.9.0", mainClass: "org.apache.kafka.tools.ClusterTool" }],
};

export const BROKER_MAIN_CLASS = "kafka.Kafka";

export function isKafkaToolName(name: string): name is KafkaToolName {
  return (KAFKA_TOOL_NAMES as readonly string[]).includes(name);
}

export function toolMainClass(tool: KafkaToolName, kafkaVersion: string): string {
  const match = TOOL_CLASSES[tool].find((entry) => isAtLeast(kafkaVersion, entry.since));
  // parseKafkaVersion already rejected anything older than 3.9.0, so the
  // oldest entry always matches; this is only a guard for future edits.
  if (match === undefined) throw new Error(`No main class for tool ${tool} in Kafka ${kafkaVersion}`);
  return match.mainClass;
}
