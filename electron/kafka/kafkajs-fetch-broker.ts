/**
 * kafkajs's `Broker#fetch`, which its .d.ts does not declare: the heartbeat reader fetches from
 * each partition's leader directly, with no consumer group to join, rebalance or commit to.
 * kafkajs sends Fetch on a connection of its own (connectionPool slot 1), so a long poll never
 * delays the other requests to that broker. Checked at runtime, like kafkajs-admin-broker.ts.
 */
import { asAdminBroker, type AdminBroker } from './kafkajs-admin-broker';
import type { RawBroker } from './protocol/raw-broker';

export interface FetchedMessage {
  readonly offset: string;
  readonly value: Buffer | null;
}

export interface FetchedPartition {
  readonly partition: number;
  readonly errorCode: number;
  readonly highWatermark: string;
  readonly messages: readonly FetchedMessage[];
}

export interface FetchBroker extends AdminBroker {
  /** kafkajs throws on the first partition error; OFFSET_OUT_OF_RANGE as KafkaJSOffsetOutOfRange naming the partition. */
  fetch(args: {
    replicaId?: number;
    isolationLevel: number;
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<{ responses: { topicName: string; partitions: FetchedPartition[] }[] }>;
}

export function asFetchBroker(broker: RawBroker): FetchBroker {
  const admin = asAdminBroker(broker) as unknown as Record<string, unknown>;
  if (typeof admin.fetch !== 'function') throw new Error('kafkajs internals changed: Broker has no fetch()');
  return admin as unknown as FetchBroker;
}
