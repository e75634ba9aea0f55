import type { ClusterSnapshot, PartitionInfo, TopicInfo } from './cluster-snapshot';
import type { Fetched } from './fetched';

/**
 * A topic's partitions as columns, one array per field, the way a snapshot crosses from the main
 * process to the renderer: the same values without each field's name repeated on every partition.
 * At 100,000 partitions the snapshot's JSON shrinks to under half, and the renderer's JSON.parse
 * reads arrays of numbers instead of 100,000 objects, which is most of what a poll costs it.
 */
export interface WirePartitions {
  readonly partition: readonly number[];
  readonly leader: readonly number[];
  readonly leaderEpoch: readonly (number | null)[];
  readonly replicas: readonly (readonly number[])[];
  readonly isr: readonly (readonly number[])[];
  readonly offlineReplicas: readonly (readonly number[])[];
  readonly error: readonly (string | null)[];
  /** Null where the value is missing; its reason is then in the matching *Missing column. */
  readonly logStartOffset: readonly (number | null)[];
  readonly highWatermark: readonly (number | null)[];
  readonly offsetsMissing: readonly (string | null)[];
  readonly sizeBytes: readonly (number | null)[];
  readonly sizeMissing: readonly (string | null)[];
}

export type WireTopic = Omit<TopicInfo, 'partitions'> & { readonly partitions: WirePartitions };
export type WireSnapshot = Omit<ClusterSnapshot, 'topics'> & { readonly topics: readonly WireTopic[] };

function toColumns(partitions: readonly PartitionInfo[]): WirePartitions {
  const ok = <T>(f: Fetched<T>): T | null => (f.status === 'ok' ? f.value : null);
  const why = <T>(f: Fetched<T>): string | null => (f.status === 'ok' ? null : f.error);
  return {
    partition: partitions.map((p) => p.partition),
    leader: partitions.map((p) => p.leader),
    leaderEpoch: partitions.map((p) => p.leaderEpoch),
    replicas: partitions.map((p) => p.replicas),
    isr: partitions.map((p) => p.isr),
    offlineReplicas: partitions.map((p) => p.offlineReplicas),
    error: partitions.map((p) => p.error),
    logStartOffset: partitions.map((p) => ok(p.offsets)?.logStartOffset ?? null),
    highWatermark: partitions.map((p) => ok(p.offsets)?.highWatermark ?? null),
    offsetsMissing: partitions.map((p) => why(p.offsets)),
    sizeBytes: partitions.map((p) => ok(p.sizeBytes)),
    sizeMissing: partitions.map((p) => why(p.sizeBytes)),
  };
}

function fromColumns(c: WirePartitions): PartitionInfo[] {
  const partitions = new Array<PartitionInfo>(c.partition.length);
  for (let i = 0; i < partitions.length; i += 1) {
    const offsetsMissing = c.offsetsMissing[i] ?? null;
    const sizeMissing = c.sizeMissing[i] ?? null;
    partitions[i] = {
      partition: c.partition[i] as number,
      leader: c.leader[i] as number,
      leaderEpoch: c.leaderEpoch[i] ?? null,
      replicas: c.replicas[i] as number[],
      isr: c.isr[i] as number[],
      offlineReplicas: c.offlineReplicas[i] as number[],
      error: c.error[i] ?? null,
      offsets:
        offsetsMissing === null
          ? { status: 'ok', value: { logStartOffset: c.logStartOffset[i] as number, highWatermark: c.highWatermark[i] as number } }
          : { status: 'missing', error: offsetsMissing },
      sizeBytes: sizeMissing === null ? { status: 'ok', value: c.sizeBytes[i] as number } : { status: 'missing', error: sizeMissing },
    };
  }
  return partitions;
}

export function snapshotToWire(snapshot: ClusterSnapshot): WireSnapshot {
  return { ...snapshot, topics: snapshot.topics.map((topic) => ({ ...topic, partitions: toColumns(topic.partitions) })) };
}

export function snapshotFromWire(wire: WireSnapshot): ClusterSnapshot {
  return { ...wire, topics: wire.topics.map((topic) => ({ ...topic, partitions: fromColumns(topic.partitions) })) };
}

/** A snapshot from the JSON text of its wire form (the Electron bridge's snapshot event). */
export function snapshotFromJson(json: string): ClusterSnapshot {
  return snapshotFromWire(JSON.parse(json) as WireSnapshot);
}

/** An event's payload as it crosses to the renderer: a snapshot in columns, anything else as it is. */
export function eventToWire(event: string, payload: unknown): unknown {
  return event === 'snapshot' ? snapshotToWire(payload as ClusterSnapshot) : payload;
}

/** The other end of eventToWire. */
export function eventFromWire(event: string, payload: unknown): unknown {
  return event === 'snapshot' ? snapshotFromWire(payload as WireSnapshot) : payload;
}
