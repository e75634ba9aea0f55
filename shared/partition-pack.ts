import type { ClusterSnapshot, PartitionInfo } from './cluster-snapshot';
import type { Fetched } from './fetched';

/**
 * Every partition of a snapshot in a handful of typed arrays, in the snapshot's order (topic by
 * topic, partition order): 100,000 partitions are about 9 MB that cross to another thread without
 * a single object being cloned or parsed, and any one partition is read back in O(1).
 */
export interface PartitionPack {
  readonly count: number;
  /** The topic's index in the snapshot's topic list, per partition. */
  readonly topic: Int32Array;
  readonly partition: Int32Array;
  readonly leader: Int32Array;
  /** NO_EPOCH where the snapshot has none. */
  readonly leaderEpoch: Int32Array;
  /** Partition i's replicas are lists[listStart[3i] .. listStart[3i+1]), its ISR up to listStart[3i+2], its offline replicas up to listStart[3i+3]. */
  readonly listStart: Int32Array;
  readonly lists: Int32Array;
  /** Index into texts, or NO_TEXT: the partition's error, and why its offsets or size are missing. */
  readonly error: Int32Array;
  readonly offsetsMissing: Int32Array;
  readonly sizeMissing: Int32Array;
  readonly logStartOffset: Float64Array;
  readonly highWatermark: Float64Array;
  readonly sizeBytes: Float64Array;
  /** Every distinct error and missing-value reason, once. */
  readonly texts: readonly string[];
}

const NO_EPOCH = -0x80000000;
export const NO_TEXT = -1;

/** Packs the partitions of the given topics (a snapshot's, in its order). */
export function packPartitions(topics: ClusterSnapshot['topics']): PartitionPack {
  let count = 0;
  let listLength = 0;
  for (const topic of topics) {
    count += topic.partitions.length;
    for (const p of topic.partitions) listLength += p.replicas.length + p.isr.length + p.offlineReplicas.length;
  }
  const pack = {
    count,
    topic: new Int32Array(count),
    partition: new Int32Array(count),
    leader: new Int32Array(count),
    leaderEpoch: new Int32Array(count),
    listStart: new Int32Array(3 * count + 1),
    lists: new Int32Array(listLength),
    error: new Int32Array(count),
    offsetsMissing: new Int32Array(count),
    sizeMissing: new Int32Array(count),
    logStartOffset: new Float64Array(count),
    highWatermark: new Float64Array(count),
    sizeBytes: new Float64Array(count),
    texts: [] as string[],
  };
  const textIndex = new Map<string, number>();
  const text = (value: string | null): number => {
    if (value === null) return NO_TEXT;
    let index = textIndex.get(value);
    if (index === undefined) {
      index = pack.texts.length;
      pack.texts.push(value);
      textIndex.set(value, index);
    }
    return index;
  };
  let at = 0;
  let listAt = 0;
  const list = (ids: readonly number[], slot: number): void => {
    for (const id of ids) pack.lists[listAt++] = id;
    pack.listStart[slot] = listAt;
  };
  topics.forEach((topic, t) => {
    for (const p of topic.partitions) {
      pack.topic[at] = t;
      pack.partition[at] = p.partition;
      pack.leader[at] = p.leader;
      pack.leaderEpoch[at] = p.leaderEpoch ?? NO_EPOCH;
      list(p.replicas, 3 * at + 1);
      list(p.isr, 3 * at + 2);
      list(p.offlineReplicas, 3 * at + 3);
      pack.error[at] = text(p.error);
      pack.offsetsMissing[at] = text(p.offsets.status === 'ok' ? null : p.offsets.error);
      if (p.offsets.status === 'ok') {
        pack.logStartOffset[at] = p.offsets.value.logStartOffset;
        pack.highWatermark[at] = p.offsets.value.highWatermark;
      }
      pack.sizeMissing[at] = text(p.sizeBytes.status === 'ok' ? null : p.sizeBytes.error);
      if (p.sizeBytes.status === 'ok') pack.sizeBytes[at] = p.sizeBytes.value;
      at += 1;
    }
  });
  return pack;
}

/** The buffers to transfer with a pack posted to another thread (which leaves this one without it). */
export function packBuffers(pack: PartitionPack): ArrayBuffer[] {
  const arrays = [pack.topic, pack.partition, pack.leader, pack.leaderEpoch, pack.listStart, pack.lists, pack.error, pack.offsetsMissing, pack.sizeMissing];
  return [...arrays, pack.logStartOffset, pack.highWatermark, pack.sizeBytes].map((array) => array.buffer as ArrayBuffer);
}

function fetched<T>(pack: PartitionPack, missing: number, value: () => T): Fetched<T> {
  return missing === NO_TEXT ? { status: 'ok', value: value() } : { status: 'missing', error: pack.texts[missing] as string };
}

/** The partition at a position, as the snapshot had it. */
export function unpackPartition(pack: PartitionPack, i: number): PartitionInfo {
  const ids = (slot: number): number[] => Array.from(pack.lists.subarray(pack.listStart[slot] as number, pack.listStart[slot + 1] as number));
  const epoch = pack.leaderEpoch[i] as number;
  const error = pack.error[i] as number;
  return {
    partition: pack.partition[i] as number,
    leader: pack.leader[i] as number,
    leaderEpoch: epoch === NO_EPOCH ? null : epoch,
    replicas: ids(3 * i),
    isr: ids(3 * i + 1),
    offlineReplicas: ids(3 * i + 2),
    error: error === NO_TEXT ? null : (pack.texts[error] as string),
    offsets: fetched(pack, pack.offsetsMissing[i] as number, () => ({ logStartOffset: pack.logStartOffset[i] as number, highWatermark: pack.highWatermark[i] as number })),
    sizeBytes: fetched(pack, pack.sizeMissing[i] as number, () => pack.sizeBytes[i] as number),
  };
}

/** Positions of each topic's partitions: topic t's are [starts[t], starts[t + 1]). */
export function topicStarts(pack: PartitionPack, topicCount: number): Int32Array {
  const starts = new Int32Array(topicCount + 1);
  for (let i = 0; i < pack.count; i += 1) starts[(pack.topic[i] as number) + 1] = i + 1;
  for (let t = 1; t <= topicCount; t += 1) starts[t] = Math.max(starts[t] as number, starts[t - 1] as number);
  return starts;
}
