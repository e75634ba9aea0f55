/**
 * ElectLeaders (api key 43), per Kafka's ElectLeadersRequest/Response.json, which kafkajs 2.2.4
 * does not implement: v1 adds ElectionType and a top-level ErrorCode, v2 is flexible. Any broker
 * forwards it to the active controller under KRaft. Used to hand heartbeat partitions back to their
 * preferred leaders, only when the user asks for it.
 */
import { describeErrorCode, throwIfError } from './protocol-error';
import { sendRaw, type RawApi, type RawBroker, type SendOptions } from './raw-broker';

const PREFERRED = 0;
/** The preferred replica already leads: nothing to do, not a failure. */
export const ELECTION_NOT_NEEDED = 84;

export interface ElectLeadersPartitionResult {
  readonly topic: string;
  readonly partition: number;
  /** Kafka's error name, null for success or when no election was needed. */
  readonly error: string | null;
  readonly message: string | null;
}

export interface ElectLeadersRequest {
  readonly topic: string;
  readonly partitions: readonly number[];
  readonly timeoutMs: number;
}

export function electLeadersApi(request: ElectLeadersRequest): RawApi<ElectLeadersPartitionResult[]> {
  return {
    apiKey: 43,
    apiName: 'ElectLeaders',
    versions: { minVersion: 1, maxVersion: 2 },
    firstFlexibleVersion: 2,
    encode(writer, version) {
      const flexible = version >= 2;
      writer.int8(PREFERRED);
      const partitions = (w: typeof writer, id: number): void => {
        w.int32(id);
      };
      const topic = (w: typeof writer, t: ElectLeadersRequest): void => {
        if (flexible) w.compactString(t.topic).compactArray(t.partitions, partitions).emptyTaggedFields();
        else w.string(t.topic).array(t.partitions, partitions);
      };
      if (flexible) writer.compactArray([request], topic);
      else writer.array([request], topic);
      writer.int32(request.timeoutMs);
      if (flexible) writer.emptyTaggedFields();
    },
    decode(reader, version) {
      const flexible = version >= 2;
      reader.int32(); // ThrottleTimeMs: ElectLeaders is throttled broker-side.
      const errorCode = reader.int16();
      const readPartition = (topic: string) => (r: typeof reader): ElectLeadersPartitionResult => {
        const partition = r.int32();
        const code = r.int16();
        const message = flexible ? r.compactNullableString() : r.nullableString();
        if (flexible) r.skipTaggedFields();
        const error = code === 0 || code === ELECTION_NOT_NEEDED ? null : describeErrorCode(code).type;
        return { topic, partition, error, message };
      };
      const readTopic = (r: typeof reader): ElectLeadersPartitionResult[] => {
        const topic = flexible ? r.compactString() : r.string();
        const results = flexible ? r.compactArray(readPartition(topic)) : r.array(readPartition(topic));
        if (flexible) r.skipTaggedFields();
        return results;
      };
      const topics = flexible ? reader.compactArray(readTopic) : reader.array(readTopic);
      if (flexible) reader.skipTaggedFields();
      throwIfError(errorCode, 'ElectLeaders');
      return topics.flat();
    },
  };
}

/** Elects the preferred leader of each partition; per-partition failures come back in the result. */
export async function electPreferredLeaders(broker: RawBroker, request: ElectLeadersRequest, options?: SendOptions): Promise<ElectLeadersPartitionResult[]> {
  return sendRaw(broker, electLeadersApi(request), options);
}
