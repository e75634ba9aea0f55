/**
 * Raw Kafka protocol requests kafkajs 2.2.4 has no admin API for, sent over
 * kafkajs's own broker connections. Typical use from the gateway:
 *
 *   const cluster = createOwnedCluster(kafka);   // one per Kafka cluster, long-lived
 *   await cluster.connect();
 *   const broker = await cluster.anyBroker();
 *   const { brokers } = await describeCluster(broker);
 *   const quorum = await describeQuorum(broker);
 *   const dirs = await describeLogDirs(await cluster.broker(1));
 */
export { createOwnedCluster, type OwnedCluster, type OwnedClusterOptions } from './kafkajs-internals';
export { describeCluster, type DescribeClusterBroker, type DescribeClusterResult } from './describe-cluster';
export {
  describeQuorum,
  CLUSTER_METADATA_TOPIC,
  type DescribeQuorumResult,
  type QuorumNode,
  type QuorumNodeListener,
  type QuorumReplicaState,
} from './describe-quorum';
export {
  describeLogDirs,
  type DescribeLogDirsResult,
  type LogDir,
  type LogDirPartition,
  type LogDirTopic,
  type LogDirTopicRequest,
} from './describe-log-dirs';
export { KafkaProtocolError, UnsupportedApiError, describeErrorCode, type ErrorCodeInfo } from './protocol-error';
export { WireFormatError } from './wire-reader';
export type { ApiVersionMap, ApiVersionRange, RawBroker, SendOptions } from './raw-broker';
