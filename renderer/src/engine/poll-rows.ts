import { unavailableBrokers } from '../../../shared/broker-availability';
import type { ClusterModel } from '../../../shared/cluster-model';
import type { ClusterSnapshot, PartitionInfo, TopicInfo } from '../../../shared/cluster-snapshot';
import { unpackPartition, type PartitionPack } from '../../../shared/partition-pack';
import { partitionRow, samePartitionRowState, type PartitionRow } from '../../../shared/partition-rows';
import { rackIndex, type RackOf } from '../../../shared/rack-placement';

/** Where a poll's partitions are read from: the snapshot itself, or a pack of it (the page's copy). */
export interface PollPartitions {
  readonly topics: readonly Pick<TopicInfo, 'name' | 'config'>[];
  partitionCount(topic: number): number;
  /** The p-th partition (in the snapshot's order) of the t-th topic. */
  partition(topic: number, p: number): PartitionInfo;
  /** Its id, without reading the rest of it. */
  partitionId(topic: number, p: number): number;
}

export function snapshotPartitions(snapshot: Pick<ClusterSnapshot, 'topics'>): PollPartitions {
  const topics = snapshot.topics;
  const of = (t: number, p: number): PartitionInfo => (topics[t] as TopicInfo).partitions[p] as PartitionInfo;
  return { topics, partitionCount: (t) => topics[t]?.partitions.length ?? 0, partition: of, partitionId: (t, p) => of(t, p).partition };
}

/** A pack's partitions, with the topics (in the snapshot's order) it was packed from. */
export function packedPartitions(pack: PartitionPack, topics: readonly (Pick<TopicInfo, 'name' | 'config'> & { readonly partitionCount: number })[]): PollPartitions {
  const starts = new Int32Array(topics.length + 1);
  topics.forEach((topic, t) => {
    starts[t + 1] = (starts[t] as number) + topic.partitionCount;
  });
  if (starts[topics.length] !== pack.count) throw new Error(`a pack of ${pack.count} partitions does not fit topics with ${starts[topics.length]}`);
  const at = (t: number, p: number): number => (starts[t] as number) + p;
  return {
    topics,
    partitionCount: (t) => topics[t]?.partitionCount ?? 0,
    partition: (t, p) => unpackPartition(pack, at(t, p)),
    partitionId: (t, p) => pack.partition[at(t, p)] as number,
  };
}

/**
 * One poll's partitions as table rows, in the snapshot's order (topic by topic, partition order).
 * A row is built when it is first shown, and every row only when something needs them all (a sort,
 * a filter, an export): a 100,000-partition table opened unsorted shows its first screen without
 * building the other 99,950 rows.
 */
export class PollRows {
  readonly count: number;
  private readonly rackOf: RackOf;
  private readonly unavailable: ReadonlySet<number>;
  /** starts[t] is the position of topic t's first partition. */
  private readonly starts: Int32Array;
  private topicIndex: ReadonlyMap<string, number> | null = null;
  private built: readonly PartitionRow[] | null = null;
  private wanted = false;

  constructor(
    private readonly partitions: PollPartitions,
    brokers: Pick<ClusterSnapshot, 'brokers'>,
    model: Pick<ClusterModel, 'missingBrokers'>,
  ) {
    this.rackOf = rackIndex(brokers.brokers);
    this.unavailable = unavailableBrokers(brokers, model.missingBrokers);
    const topicCount = partitions.topics.length;
    this.starts = new Int32Array(topicCount + 1);
    for (let t = 0; t < topicCount; t += 1) this.starts[t + 1] = (this.starts[t] as number) + partitions.partitionCount(t);
    this.count = this.starts[topicCount] as number;
  }

  static ofSnapshot(snapshot: ClusterSnapshot, model: Pick<ClusterModel, 'missingBrokers'>): PollRows {
    return new PollRows(snapshotPartitions(snapshot), snapshot, model);
  }

  /** Where topic t's partitions start, and where they end. */
  topicRange(t: number): { readonly start: number; readonly end: number } {
    return { start: this.starts[t] as number, end: this.starts[t + 1] as number };
  }

  /** Whether a request needed every row (a sort, an export, a scoped list), not only a prebuild. */
  get allWanted(): boolean {
    return this.wanted;
  }

  all(): readonly PartitionRow[] {
    this.wanted = true;
    return this.prebuild();
  }

  /** Builds every row ahead of a request expected to need them, without counting as that request. */
  prebuild(): readonly PartitionRow[] {
    if (this.built === null) {
      const rows: PartitionRow[] = new Array<PartitionRow>(this.count);
      const { topics } = this.partitions;
      for (let t = 0; t < topics.length; t += 1) {
        const start = this.starts[t] as number;
        const count = (this.starts[t + 1] as number) - start;
        for (let p = 0; p < count; p += 1) rows[start + p] = partitionRow(topics[t] as TopicInfo, this.partitions.partition(t, p), this.rackOf, this.unavailable);
      }
      this.built = rows;
    }
    return this.built;
  }

  /**
   * Lets the built rows go (about 40 MB at 100,000 partitions) once this poll is only the one the
   * next is compared with: the few rows that comparison reads are built again one by one.
   */
  release(): void {
    this.built = null;
  }

  rowAt(position: number): PartitionRow | undefined {
    if (this.built !== null) return this.built[position];
    if (position < 0 || position >= this.count) return undefined;
    // The last topic starting at or before the position.
    let low = 0;
    let high = this.partitions.topics.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= position) low = mid;
      else high = mid - 1;
    }
    return this.build(low, position - (this.starts[low] as number));
  }

  /** The row of a topic's partition, or undefined when this poll has no such partition. */
  rowFor(topicName: string, partitionId: number): PartitionRow | undefined {
    this.topicIndex ??= new Map(this.partitions.topics.map((t, i) => [t.name, i]));
    const t = this.topicIndex.get(topicName);
    if (t === undefined) return undefined;
    const count = (this.starts[t + 1] as number) - (this.starts[t] as number);
    // Partitions are listed in id order, so the id is usually the index.
    let p = partitionId < count && this.partitions.partitionId(t, partitionId) === partitionId ? partitionId : -1;
    for (let q = 0; p < 0 && q < count; q += 1) if (this.partitions.partitionId(t, q) === partitionId) p = q;
    if (p < 0) return undefined;
    return this.built !== null ? this.built[(this.starts[t] as number) + p] : this.build(t, p);
  }

  private build(t: number, p: number): PartitionRow | undefined {
    const topic = this.partitions.topics[t];
    if (topic === undefined || p < 0 || p >= (this.starts[t + 1] as number) - (this.starts[t] as number)) return undefined;
    return partitionRow(topic, this.partitions.partition(t, p), this.rackOf, this.unavailable);
  }
}

/** Whether a row's state changed since the previous poll (it flashes); nothing changed without one. */
export function changedSince(previous: PollRows | null): (row: PartitionRow) => boolean {
  return (row) => {
    const before = previous?.rowFor(row.topic, row.partition);
    return before !== undefined && !samePartitionRowState(before, row);
  };
}
