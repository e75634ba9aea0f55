import type { PartitionRow } from '../../../../shared/partition-rows';
import { ReplicaChip } from '../../components/replica-chip';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount } from '../../format/units';
import type { ColumnSpec } from '../../table/column-spec';

const offset = (id: string, header: string, pick: (o: { logStartOffset: number; highWatermark: number }) => number): ColumnSpec<PartitionRow> => ({
  id,
  header,
  sortValue: (row) => (row.offsets.status === 'ok' ? pick(row.offsets.value) : undefined),
  csvValue: (row) => (row.offsets.status === 'ok' ? String(pick(row.offsets.value)) : 'unknown'),
  cell: (row) => (row.offsets.status === 'ok' ? formatCount(pick(row.offsets.value)) : <UnknownValue error={row.offsets.error} />),
  width: 120,
  align: 'end',
});

const TOPIC_COLUMN: ColumnSpec<PartitionRow> = {
  id: 'topic',
  header: 'topic',
  sortValue: (row) => row.topic,
  csvValue: (row) => row.topic,
  searchable: true,
  width: 200,
  grow: 2,
};

const PARTITION_COLUMNS: readonly ColumnSpec<PartitionRow>[] = [
  {
    id: 'partition',
    header: 'partition',
    sortValue: (row) => row.partition,
    csvValue: (row) => String(row.partition),
    searchable: true,
    width: 76,
    align: 'end',
  },
  {
    id: 'leader',
    header: 'leader',
    sortValue: (row) => row.leader ?? undefined,
    csvValue: (row) => (row.leader === null ? 'none' : String(row.leader)),
    cell: (row) => (row.leader === null ? <strong className="severity-critical">none</strong> : String(row.leader)),
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
    cell: (row) => (
      <span className="chips">
        {row.replicas.map((r, i) => (
          <ReplicaChip key={r.brokerId} brokerId={r.brokerId} state={r.state} preferred={i === 0} />
        ))}
      </span>
    ),
    width: 170,
    grow: 1,
  },
  {
    id: 'isr',
    header: 'ISR',
    sortValue: (row) => row.isr.length,
    csvValue: (row) => row.isr.join(' '),
    cell: (row) => <span className={row.underReplicated ? 'severity-warning' : undefined}>{row.isr.join(', ')}</span>,
    width: 110,
  },
  {
    id: 'offlineReplicas',
    header: 'offline replicas',
    sortValue: (row) => row.offlineReplicas.length,
    csvValue: (row) => row.offlineReplicas.join(' '),
    cell: (row) => <span className="severity-critical">{row.offlineReplicas.join(', ')}</span>,
    width: 110,
  },
  {
    id: 'preferred',
    header: 'preferred leader?',
    description: 'Whether the leader is the first assigned replica',
    sortValue: (row) => (row.offline ? undefined : row.preferredLeader ? 1 : 0),
    csvValue: (row) => (row.offline ? '' : row.preferredLeader ? 'yes' : 'no'),
    cell: (row) => (row.offline ? '' : row.preferredLeader ? '★ yes' : <span className="severity-warning">no</span>),
    width: 110,
  },
  offset('logStart', 'log start offset', (o) => o.logStartOffset),
  offset('highWatermark', 'high watermark', (o) => o.highWatermark),
  {
    id: 'size',
    header: 'size',
    sortValue: (row) => (row.sizeBytes.status === 'ok' ? row.sizeBytes.value : undefined),
    csvValue: (row) => (row.sizeBytes.status === 'ok' ? String(row.sizeBytes.value) : 'unknown'),
    cell: (row) => (row.sizeBytes.status === 'ok' ? formatBytes(row.sizeBytes.value) : <UnknownValue error={row.sizeBytes.error} />),
    width: 90,
    align: 'end',
  },
  {
    id: 'error',
    header: 'error',
    sortValue: (row) => row.error ?? undefined,
    csvValue: (row) => row.error ?? '',
    cell: (row) => <span className="severity-critical">{row.error ?? ''}</span>,
    searchable: true,
    width: 120,
    grow: 1,
  },
];

/** Columns of one topic's partition table. */
export const TOPIC_PARTITION_COLUMNS = PARTITION_COLUMNS;
/** Columns of the cluster-wide partition lists: the same, with the topic first. */
export const CLUSTER_PARTITION_COLUMNS: readonly ColumnSpec<PartitionRow>[] = [TOPIC_COLUMN, ...PARTITION_COLUMNS];

export const partitionRowKey = (row: PartitionRow): string => row.key;
export const partitionRowAttributes = (row: PartitionRow) => ({
  'data-topic': row.topic,
  'data-partition': row.partition,
  'data-offline': row.offline,
  'data-under-replicated': row.underReplicated,
  'data-under-min-isr': row.underMinIsr,
});
export const partitionRowClass = (row: PartitionRow): string | undefined =>
  row.offline || row.underMinIsr ? 'row-critical' : row.underReplicated ? 'row-warning' : undefined;
