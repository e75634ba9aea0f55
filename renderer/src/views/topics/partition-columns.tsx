import type { ReactNode } from 'react';
import type { PartitionRow } from '../../../../shared/partition-rows';
import { ReplicaChip } from '../../components/replica-chip';
import { UnknownValue } from '../../components/unknown-value';
import { formatBytes, formatCount } from '../../format/units';
import type { ColumnSpec } from '../../table/column-spec';
import { CLUSTER_PARTITION_FIELDS, PARTITION_FIELDS, type PartitionField } from './partition-fields';

const offsetCell = (pick: (o: { logStartOffset: number; highWatermark: number }) => number) => (row: PartitionRow) =>
  row.offsets.status === 'ok' ? formatCount(pick(row.offsets.value)) : <UnknownValue error={row.offsets.error} />;

/** How each partition cell looks; the values, sorting and export are in partition-fields.ts. */
const CELLS: Readonly<Record<string, (row: PartitionRow) => ReactNode>> = {
  leader: (row) => (row.leader === null ? <strong className="severity-critical">none</strong> : String(row.leader)),
  replicas: (row) => (
    <span className="chips">
      {row.replicas.map((r, i) => (
        // Keyed by place, like the rows, so a row showing another partition updates its chips.
        <ReplicaChip key={i} brokerId={r.brokerId} state={r.state} preferred={i === 0} />
      ))}
    </span>
  ),
  isr: (row) => (row.underReplicated ? <span className="severity-warning">{row.isr.join(', ')}</span> : row.isr.join(', ')),
  offlineReplicas: (row) => (row.offlineReplicas.length === 0 ? '' : <span className="severity-critical">{row.offlineReplicas.join(', ')}</span>),
  preferred: (row) => (row.offline ? '' : row.preferredLeader ? '★ yes' : <span className="severity-warning">no</span>),
  logStart: offsetCell((o) => o.logStartOffset),
  highWatermark: offsetCell((o) => o.highWatermark),
  size: (row) => (row.sizeBytes.status === 'ok' ? formatBytes(row.sizeBytes.value) : <UnknownValue error={row.sizeBytes.error} />),
  error: (row) => (row.error === null ? '' : <span className="severity-critical">{row.error}</span>),
};

const withCells = (fields: readonly PartitionField[]): readonly ColumnSpec<PartitionRow>[] =>
  fields.map((field) => {
    const cell = CELLS[field.id];
    return cell === undefined ? field : { ...field, cell };
  });

/** Columns of one topic's partition table. */
export const TOPIC_PARTITION_COLUMNS = withCells(PARTITION_FIELDS);
/** Columns of the cluster-wide partition lists: the same, with the topic first. */
export const CLUSTER_PARTITION_COLUMNS = withCells(CLUSTER_PARTITION_FIELDS);

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
