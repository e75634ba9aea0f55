import type { PartitionRow } from '../../../../shared/partition-rows';
import type { ColumnSpec } from '../../table/column-spec';

/**
 * The partition tables' columns as data only: what each sorts by, exports and filters on. The
 * view engine (a worker, no React) orders and exports partition rows with these; the views add
 * how each cell looks (partition-columns.tsx).
 */
export type PartitionField = Omit<ColumnSpec<PartitionRow>, 'cell'>;

const offset = (id: string, header: string, pick: (o: { logStartOffset: number; highWatermark: number }) => number): PartitionField => ({
  id,
  header,
  sortValue: (row) => (row.offsets.status === 'ok' ? pick(row.offsets.value) : undefined),
  csvValue: (row) => (row.offsets.status === 'ok' ? String(pick(row.offsets.value)) : 'unknown'),
  width: 120,
  align: 'end',
});

export const TOPIC_FIELD: PartitionField = {
  id: 'topic',
  header: 'topic',
  sortValue: (row) => row.topic,
  csvValue: (row) => row.topic,
  searchable: true,
  width: 200,
  grow: 2,
};

/** One topic's partition table. */
export const PARTITION_FIELDS: readonly PartitionField[] = [
  { id: 'partition', header: 'partition', sortValue: (row) => row.partition, csvValue: (row) => String(row.partition), searchable: true, width: 76, align: 'end' },
  {
    id: 'leader',
    header: 'leader',
    sortValue: (row) => row.leader ?? undefined,
    csvValue: (row) => (row.leader === null ? 'none' : String(row.leader)),
    width: 64,
    align: 'end',
  },
  {
    id: 'replicas',
    header: 'replicas',
    description: 'Assigned replicas in assignment order (the first is the preferred leader), coloured by state',
    // Sorts the worst partitions first when descending: offline, then out of sync replicas.
    sortValue: (row) => row.replicas.reduce((sum, r) => sum + (r.state === 'offline' ? 100 : r.state === 'out-of-sync' ? 1 : 0), 0),
    csvValue: (row) => row.replicas.map((r) => r.brokerId).join(' '),
    width: 170,
    grow: 1,
  },
  { id: 'isr', header: 'ISR', sortValue: (row) => row.isr.length, csvValue: (row) => row.isr.join(' '), width: 110 },
  {
    id: 'offlineReplicas',
    header: 'offline replicas',
    sortValue: (row) => row.offlineReplicas.length,
    csvValue: (row) => row.offlineReplicas.join(' '),
    width: 110,
  },
  {
    id: 'preferred',
    header: 'preferred leader?',
    description: 'Whether the leader is the first assigned replica',
    sortValue: (row) => (row.offline ? undefined : row.preferredLeader ? 1 : 0),
    csvValue: (row) => (row.offline ? '' : row.preferredLeader ? 'yes' : 'no'),
    width: 110,
  },
  offset('logStart', 'log start offset', (o) => o.logStartOffset),
  offset('highWatermark', 'high watermark', (o) => o.highWatermark),
  {
    id: 'size',
    header: 'size',
    sortValue: (row) => (row.sizeBytes.status === 'ok' ? row.sizeBytes.value : undefined),
    csvValue: (row) => (row.sizeBytes.status === 'ok' ? String(row.sizeBytes.value) : 'unknown'),
    width: 90,
    align: 'end',
  },
  { id: 'error', header: 'error', sortValue: (row) => row.error ?? undefined, csvValue: (row) => row.error ?? '', searchable: true, width: 120, grow: 1 },
];

/** The cluster-wide partition lists: the same, with the topic first. */
export const CLUSTER_PARTITION_FIELDS: readonly PartitionField[] = [TOPIC_FIELD, ...PARTITION_FIELDS];
