/**
 * DescribeQuorum (api key 55), per Kafka's DescribeQuorumRequest/Response.json:
 * flexible from v0; v1 (KIP-836) adds each replica's LastFetchTimestamp and
 * LastCaughtUpTimestamp; v2 (KIP-853) adds error messages, each replica's
 * directory id and the controller nodes with their listeners.
 *
 * A KRaft broker forwards this to the active controller, so any broker answers
 * for the whole quorum. ZooKeeper-mode clusters do not offer it (UnsupportedApiError).
 */
import { KafkaProtocolError } from './protocol-error';
import { sendRaw, type RawApi, type RawBroker, type SendOptions } from './raw-broker';
import type { WireReader } from './wire-reader';

/** The KRaft metadata log: the only partition a quorum describes. */
export const CLUSTER_METADATA_TOPIC = '__cluster_metadata';
export const CLUSTER_METADATA_PARTITION = 0;

export interface QuorumReplicaState {
  readonly replicaId: number;
  /** v2+ (base64url, as Kafka prints UUIDs); null on older versions. */
  readonly replicaDirectoryId: string | null;
  /** -1 when the leader does not know it. Kafka's "lag" is the leader's logEndOffset minus this. */
  readonly logEndOffset: number;
  /** Leader wall-clock ms of the replica's last fetch; -1 if unknown, for the leader itself, or before v1. */
  readonly lastFetchTimestamp: number;
  /** Leader wall-clock ms up to which the replica had caught up; -1 if unknown or before v1. */
  readonly lastCaughtUpTimestamp: number;
}

export interface QuorumNodeListener {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export interface QuorumNode {
  readonly nodeId: number;
  readonly listeners: readonly QuorumNodeListener[];
}

export interface DescribeQuorumResult {
  readonly apiVersion: number;
  readonly topicName: string;
  readonly partitionIndex: number;
  /** The active controller under KRaft; -1 if the leader is unknown. */
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly highWatermark: number;
  readonly voters: readonly QuorumReplicaState[];
  readonly observers: readonly QuorumReplicaState[];
  /** v2+: controller endpoints of the voters; empty on older versions. */
  readonly nodes: readonly QuorumNode[];
}

export const describeQuorumApi: RawApi<DescribeQuorumResult> = {
  apiKey: 55,
  apiName: 'DescribeQuorum',
  versions: { minVersion: 0, maxVersion: 2 },
  firstFlexibleVersion: 0,
  encode(writer) {
    // The request is the same in every version: one topic, one partition.
    writer.compactArray([CLUSTER_METADATA_TOPIC], (w, topic) => {
      w.compactString(topic);
      w.compactArray([CLUSTER_METADATA_PARTITION], (pw, partition) => {
        pw.int32(partition);
        pw.emptyTaggedFields();
      });
      w.emptyTaggedFields();
    });
    writer.emptyTaggedFields();
  },
  decode(reader, version) {
    const errorCode = reader.int16();
    const errorMessage = version >= 2 ? reader.compactNullableString() : null;
    const topics = reader.compactArray((r) => readTopic(r, version));
    const nodes = version >= 2 ? reader.compactArray(readNode) : [];
    reader.skipTaggedFields();

    if (errorCode !== 0) throw new KafkaProtocolError(errorCode, 'DescribeQuorum', { serverMessage: errorMessage });
    const topic = topics.find((t) => t.topicName === CLUSTER_METADATA_TOPIC);
    const partition = topic?.partitions.find((p) => p.partitionIndex === CLUSTER_METADATA_PARTITION);
    if (!topic || !partition) {
      // Cannot happen with a conforming broker; named like Kafka's error for a missing partition.
      throw new KafkaProtocolError(3, 'DescribeQuorum', {
        context: `${CLUSTER_METADATA_TOPIC}-${CLUSTER_METADATA_PARTITION}`,
        serverMessage: 'partition missing from response',
      });
    }
    if (partition.errorCode !== 0) {
      throw new KafkaProtocolError(partition.errorCode, 'DescribeQuorum', {
        context: `${CLUSTER_METADATA_TOPIC}-${CLUSTER_METADATA_PARTITION}`,
        serverMessage: partition.errorMessage,
      });
    }
    return {
      apiVersion: version,
      topicName: topic.topicName,
      partitionIndex: partition.partitionIndex,
      leaderId: partition.leaderId,
      leaderEpoch: partition.leaderEpoch,
      highWatermark: partition.highWatermark,
      voters: partition.voters,
      observers: partition.observers,
      nodes,
    };
  },
};

interface PartitionData {
  readonly partitionIndex: number;
  readonly errorCode: number;
  readonly errorMessage: string | null;
  readonly leaderId: number;
  readonly leaderEpoch: number;
  readonly highWatermark: number;
  readonly voters: QuorumReplicaState[];
  readonly observers: QuorumReplicaState[];
}

function readTopic(reader: WireReader, version: number): { topicName: string; partitions: PartitionData[] } {
  const topicName = reader.compactString();
  const partitions = reader.compactArray((r) => readPartition(r, version));
  reader.skipTaggedFields();
  return { topicName, partitions };
}

function readPartition(reader: WireReader, version: number): PartitionData {
  const partitionIndex = reader.int32();
  const errorCode = reader.int16();
  const errorMessage = version >= 2 ? reader.compactNullableString() : null;
  const leaderId = reader.int32();
  const leaderEpoch = reader.int32();
  const highWatermark = reader.int64Number();
  const voters = reader.compactArray((r) => readReplica(r, version));
  const observers = reader.compactArray((r) => readReplica(r, version));
  reader.skipTaggedFields();
  return { partitionIndex, errorCode, errorMessage, leaderId, leaderEpoch, highWatermark, voters, observers };
}

function readReplica(reader: WireReader, version: number): QuorumReplicaState {
  const replicaId = reader.int32();
  const replicaDirectoryId = version >= 2 ? reader.uuid() : null;
  const logEndOffset = reader.int64Number();
  // Schema default -1 when the version predates the fields.
  const lastFetchTimestamp = version >= 1 ? reader.int64Number() : -1;
  const lastCaughtUpTimestamp = version >= 1 ? reader.int64Number() : -1;
  reader.skipTaggedFields();
  return { replicaId, replicaDirectoryId, logEndOffset, lastFetchTimestamp, lastCaughtUpTimestamp };
}

function readNode(reader: WireReader): QuorumNode {
  const nodeId = reader.int32();
  const listeners = reader.compactArray((r) => {
    const name = r.compactString();
    const host = r.compactString();
    const port = r.uint16();
    r.skipTaggedFields();
    return { name, host, port };
  });
  reader.skipTaggedFields();
  return { nodeId, listeners };
}

/** Describes the KRaft controller quorum via `broker` (any broker; it forwards to the controller). */
export async function describeQuorum(broker: RawBroker, options?: SendOptions): Promise<DescribeQuorumResult> {
  return sendRaw(broker, describeQuorumApi, options);
}
