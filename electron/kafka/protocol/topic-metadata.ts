/**
 * Metadata (api key 3) for named topics only: the heartbeat probe asks about its one topic every
 * second, which must not cost a whole-cluster Metadata on a cluster with 10,000 partitions. Same
 * versions and response as `metadata.ts`; only the request's topic list differs. kafkajs's own
 * metadata call is not used because it throws on any partition error (LEADER_NOT_AVAILABLE while
 * a broker is down), exactly when the probe needs to see the partition.
 */
import { allTopicsMetadataApi, type MetadataResult } from './metadata';
import { sendRaw, type RawApi, type RawBroker, type SendOptions } from './raw-broker';

const ZERO_UUID = new Uint8Array(16);

export function topicMetadataApi(topics: readonly string[]): RawApi<MetadataResult> {
  return {
    ...allTopicsMetadataApi,
    encode(writer, version) {
      writer.compactArray(topics, (w, name) => {
        if (version >= 10) w.raw(ZERO_UUID); // TopicId: unknown, the name is what we ask by.
        w.compactString(name);
        w.emptyTaggedFields();
      });
      writer.bool(false); // AllowAutoTopicCreation: a missing heartbeat topic is created on purpose, never by a read.
      if (version <= 10) writer.bool(false); // IncludeClusterAuthorizedOperations (v8–10).
      writer.bool(false); // IncludeTopicAuthorizedOperations.
      writer.emptyTaggedFields();
    },
  };
}

/** The named topics as `broker` knows them; an unknown topic comes back with error UNKNOWN_TOPIC_OR_PARTITION. */
export async function fetchTopicMetadata(broker: RawBroker, topics: readonly string[], options?: SendOptions): Promise<MetadataResult> {
  return sendRaw(broker, topicMetadataApi(topics), options);
}
