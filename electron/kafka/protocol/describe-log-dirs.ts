/**
 * DescribeLogDirs (api key 35), per Kafka's DescribeLogDirsRequest/Response.json.
 * v0 was removed in Kafka 4.0 (KIP-896) and v1 has the same layout, so we start at
 * v1 (Kafka 1.1+). v2 is the first flexible version; v3 adds a top-level error
 * code; v4 adds each log dir's volume TotalBytes and UsableBytes; v5 (Kafka 4.3)
 * adds IsCordoned.
 *
 * A broker describes only its own log dirs: ask each broker separately.
 */
import { describeErrorCode, throwIfError } from './protocol-error';
import { sendRaw, type RawApi, type RawBroker, type SendOptions } from './raw-broker';
import type { WireReader } from './wire-reader';
import type { WireWriter } from './wire-writer';

export interface LogDirTopicRequest {
  readonly topic: string;
  readonly partitions: readonly number[];
}

export interface LogDirPartition {
  readonly partitionIndex: number;
  /** Bytes of log segments on this dir. */
  readonly size: number;
  /** LEO minus high watermark for a current log; minus the current replica's LEO for a future log. */
  readonly offsetLag: number;
  /** True for a replica being moved here by AlterReplicaLogDirs. */
  readonly isFutureKey: boolean;
}

export interface LogDirTopic {
  readonly topic: string;
  readonly partitions: readonly LogDirPartition[];
}

export interface LogDir {
  /** Per-dir error, e.g. KAFKA_STORAGE_ERROR for an offline dir: data to show, so not thrown. */
  readonly errorCode: number;
  /** Kafka's name for `errorCode` (`NONE` for 0). */
  readonly errorName: string;
  readonly path: string;
  readonly topics: readonly LogDirTopic[];
  /** Volume size in bytes; -1 before v4 or when the broker cannot tell. */
  readonly totalBytes: number;
  /** Usable volume bytes; -1 before v4 or when the broker cannot tell. */
  readonly usableBytes: number;
  /** v5+: the dir takes no new replicas; false (the schema default) before v5. */
  readonly isCordoned: boolean;
}

export interface DescribeLogDirsResult {
  readonly apiVersion: number;
  readonly logDirs: readonly LogDir[];
}

interface DescribeLogDirsBody extends DescribeLogDirsResult {
  readonly throttleTimeMs: number;
}

/** Builds the api for one request; `topics` null asks for every topic. */
export function describeLogDirsApi(topics: readonly LogDirTopicRequest[] | null): RawApi<DescribeLogDirsBody> {
  return {
    apiKey: 35,
    apiName: 'DescribeLogDirs',
    versions: { minVersion: 1, maxVersion: 5 },
    firstFlexibleVersion: 2,
    encode(writer, version) {
      if (version >= 2) {
        writer.compactArray(topics, writeFlexibleTopic);
        writer.emptyTaggedFields();
      } else {
        writer.array(topics, (w, t) => {
          w.string(t.topic);
          w.array(t.partitions, (pw, p) => pw.int32(p));
        });
      }
    },
    decode(reader, version) {
      const flexible = version >= 2;
      const throttleTimeMs = reader.int32();
      const errorCode = version >= 3 ? reader.int16() : 0;
      const logDirs = flexible ? reader.compactArray((r) => readLogDir(r, version)) : reader.array((r) => readLogDir(r, version));
      if (flexible) reader.skipTaggedFields();
      throwIfError(errorCode, 'DescribeLogDirs');
      return { apiVersion: version, throttleTimeMs, logDirs };
    },
    // Kafka answers v1+ before throttling and leaves the wait to the client (KIP-219).
    clientSideThrottleMs: (body) => body.throttleTimeMs,
  };
}

function writeFlexibleTopic(writer: WireWriter, topic: LogDirTopicRequest): void {
  writer.compactString(topic.topic);
  writer.compactArray(topic.partitions, (w, p) => w.int32(p));
  writer.emptyTaggedFields();
}

function readLogDir(reader: WireReader, version: number): LogDir {
  const flexible = version >= 2;
  const errorCode = reader.int16();
  const path = flexible ? reader.compactString() : reader.string();
  const readPartition = (r: WireReader): LogDirPartition => {
    const partitionIndex = r.int32();
    const size = r.int64Number();
    const offsetLag = r.int64Number();
    const isFutureKey = r.bool();
    if (flexible) r.skipTaggedFields();
    return { partitionIndex, size, offsetLag, isFutureKey };
  };
  const readTopic = (r: WireReader): LogDirTopic => {
    const topic = flexible ? r.compactString() : r.string();
    const partitions = flexible ? r.compactArray(readPartition) : r.array(readPartition);
    if (flexible) r.skipTaggedFields();
    return { topic, partitions };
  };
  const topics = flexible ? reader.compactArray(readTopic) : reader.array(readTopic);
  const totalBytes = version >= 4 ? reader.int64Number() : -1;
  const usableBytes = version >= 4 ? reader.int64Number() : -1;
  const isCordoned = version >= 5 ? reader.bool() : false;
  if (flexible) reader.skipTaggedFields();
  return { errorCode, errorName: describeErrorCode(errorCode).type, path, topics, totalBytes, usableBytes, isCordoned };
}

/**
 * Describes `broker`'s log dirs: every topic when `topics` is omitted, else just
 * the given partitions (an empty list yields the dirs with no topics).
 */
export async function describeLogDirs(
  broker: RawBroker,
  topics?: readonly LogDirTopicRequest[],
  options?: SendOptions,
): Promise<DescribeLogDirsResult> {
  const { apiVersion, logDirs } = await sendRaw(broker, describeLogDirsApi(topics ?? null), options);
  return { apiVersion, logDirs };
}
