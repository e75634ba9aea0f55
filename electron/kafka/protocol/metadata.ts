/**
 * Metadata (api key 3) for every topic, per Kafka's MetadataRequest/Response.json. kafkajs stops at
 * v6, which has no leader epoch and cannot ask for "all topics" through its broker API; v9+ is
 * flexible, v10 adds topic ids, v12 makes the request's topic name nullable. One request per poll
 * describes the whole cluster, however many topics it has.
 */
import { describeErrorCode } from './protocol-error';
import { sendRaw, type RawApi, type RawBroker, type SendOptions } from './raw-broker';
import type { WireReader } from './wire-reader';

export interface MetadataBroker {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

export interface MetadataPartition {
  /** Kafka's error name for this partition (LEADER_NOT_AVAILABLE, …), null for none. */
  readonly error: string | null;
  readonly partitionIndex: number;
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly replicaNodes: readonly number[];
  readonly isrNodes: readonly number[];
  readonly offlineReplicas: readonly number[];
}

export interface MetadataTopic {
  readonly error: string | null;
  readonly name: string;
  readonly topicId: string | null;
  readonly isInternal: boolean;
  readonly partitions: readonly MetadataPartition[];
}

export interface MetadataResult {
  readonly apiVersion: number;
  readonly brokers: readonly MetadataBroker[];
  readonly clusterId: string | null;
  readonly controllerId: number;
  readonly topics: readonly MetadataTopic[];
}

const errorName = (code: number): string | null => (code === 0 ? null : describeErrorCode(code).type);

export const allTopicsMetadataApi: RawApi<MetadataResult> = {
  apiKey: 3,
  apiName: 'Metadata',
  versions: { minVersion: 9, maxVersion: 12 },
  firstFlexibleVersion: 9,
  encode(writer, version) {
    writer.uvarint(0); // Topics: a null compact array means every topic.
    writer.bool(false); // AllowAutoTopicCreation: a read-only tool never creates topics.
    if (version <= 10) writer.bool(false); // IncludeClusterAuthorizedOperations (v8–10).
    writer.bool(false); // IncludeTopicAuthorizedOperations.
    writer.emptyTaggedFields();
  },
  decode(reader, version) {
    reader.int32(); // ThrottleTimeMs
    const brokers = reader.compactArray(readBroker);
    const clusterId = reader.compactNullableString();
    const controllerId = reader.int32();
    const topics = reader.compactArray((r) => readTopic(r, version));
    if (version <= 10) reader.int32(); // ClusterAuthorizedOperations
    reader.skipTaggedFields();
    return { apiVersion: version, brokers, clusterId, controllerId, topics };
  },
};

function readBroker(reader: WireReader): MetadataBroker {
  const nodeId = reader.int32();
  const host = reader.compactString();
  const port = reader.int32();
  const rack = reader.compactNullableString();
  reader.skipTaggedFields();
  return { nodeId, host, port, rack };
}

function readTopic(reader: WireReader, version: number): MetadataTopic {
  const error = errorName(reader.int16());
  const name = reader.compactNullableString() ?? '';
  const topicId = version >= 10 ? reader.uuid() : null;
  const isInternal = reader.bool();
  const partitions = reader.compactArray(readPartition);
  reader.int32(); // TopicAuthorizedOperations: not requested.
  reader.skipTaggedFields();
  return { error, name, topicId, isInternal, partitions };
}

function readPartition(reader: WireReader): MetadataPartition {
  const error = errorName(reader.int16());
  const partitionIndex = reader.int32();
  const leaderId = reader.int32();
  const leaderEpoch = reader.int32();
  const replicaNodes = reader.compactArray((r) => r.int32());
  const isrNodes = reader.compactArray((r) => r.int32());
  const offlineReplicas = reader.compactArray((r) => r.int32());
  reader.skipTaggedFields();
  return { error, partitionIndex, leaderId, leaderEpoch, replicaNodes, isrNodes, offlineReplicas };
}

/** Every topic and partition as `broker` knows them. */
export async function fetchAllTopicsMetadata(broker: RawBroker, options?: SendOptions): Promise<MetadataResult> {
  return sendRaw(broker, allTopicsMetadataApi, options);
}
