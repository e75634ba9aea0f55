import type { AdminBroker } from './kafkajs-admin-broker';

/** ListOffsets timestamps: the first offset still in the log, and the one the next message will get. */
export const EARLIEST_OFFSET = -2;
export const LATEST_OFFSET = -1;
/** Isolation level for ListOffsets and Fetch: the heartbeat writes no transactions, so none are waited for. */
export const READ_UNCOMMITTED = 0;

/**
 * One ListOffsets request to a partition leader for some of its partitions of one topic: partition
 * → offset. A partition missing from the answer is missing from the map.
 */
export async function offsetsAt(broker: AdminBroker, topic: string, partitions: readonly number[], timestamp: number): Promise<Map<number, number>> {
  const { responses } = await broker.listOffsets({
    replicaId: -1,
    isolationLevel: READ_UNCOMMITTED,
    topics: [{ topic, partitions: partitions.map((partition) => ({ partition, timestamp })) }],
  });
  const wanted = new Set(partitions);
  const answered = responses.filter((r) => r.topic === topic).flatMap((r) => r.partitions);
  return new Map(answered.filter((p) => wanted.has(p.partition)).map((p) => [p.partition, Number(p.offset)]));
}
