import { unavailableBrokers } from '../../../shared/broker-availability';
import type { ClusterModel } from '../../../shared/cluster-model';
import type { ClusterSnapshot, TopicInfo } from '../../../shared/cluster-snapshot';
import { partitionRow, type PartitionRow } from '../../../shared/partition-rows';
import { rackIndex, type RackOf } from '../../../shared/rack-placement';

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
    private readonly snapshot: ClusterSnapshot,
    model: ClusterModel,
  ) {
    this.rackOf = rackIndex(snapshot.brokers);
    this.unavailable = unavailableBrokers(snapshot, model.missingBrokers);
    this.starts = new Int32Array(snapshot.topics.length + 1);
    snapshot.topics.forEach((topic, t) => {
      this.starts[t + 1] = (this.starts[t] as number) + topic.partitions.length;
    });
    this.count = this.starts[snapshot.topics.length] as number;
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
      this.snapshot.topics.forEach((topic, t) => {
        const start = this.starts[t] as number;
        topic.partitions.forEach((partition, p) => {
          rows[start + p] = partitionRow(topic, partition, this.rackOf, this.unavailable);
        });
      });
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
    let high = this.snapshot.topics.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= position) low = mid;
      else high = mid - 1;
    }
    return this.build(low, position - (this.starts[low] as number));
  }

  /** The row of a topic's partition, or undefined when this poll has no such partition. */
  rowFor(topicName: string, partitionId: number): PartitionRow | undefined {
    this.topicIndex ??= new Map(this.snapshot.topics.map((t, i) => [t.name, i]));
    const t = this.topicIndex.get(topicName);
    if (t === undefined) return undefined;
    const partitions = (this.snapshot.topics[t] as TopicInfo).partitions;
    // Partitions are listed in id order, so the id is usually the index.
    const p = partitions[partitionId]?.partition === partitionId ? partitionId : partitions.findIndex((x) => x.partition === partitionId);
    if (p < 0) return undefined;
    return this.built !== null ? this.built[(this.starts[t] as number) + p] : this.build(t, p);
  }

  private build(t: number, p: number): PartitionRow | undefined {
    const topic = this.snapshot.topics[t];
    const partition = topic?.partitions[p];
    return topic === undefined || partition === undefined ? undefined : partitionRow(topic, partition, this.rackOf, this.unavailable);
  }
}
