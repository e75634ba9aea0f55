import { useMemo } from 'react';
import type { ClusterSnapshot } from '../../../../shared/cluster-snapshot';
import type { PartitionRow } from '../../../../shared/partition-rows';
import { ReplicaLegend } from '../../components/replica-legend';
import { navigate } from '../../navigation/route-store';
import { PARTITION_SCOPES, type PartitionScope } from '../../navigation/view-route';
import { useChangeDetector } from '../../state/use-change-detector';
import { allPartitionRowsOf, partitionChanges } from '../../state/view-models';
import { DataTable } from '../../table/data-table';
import { CLUSTER_PARTITION_COLUMNS, partitionRowAttributes, partitionRowClass, partitionRowKey } from './partition-columns';
import { PARTITION_SCOPE_FILTERS, PARTITION_SCOPE_LABELS } from './partition-scope';

const openTopic = (row: PartitionRow): void => navigate({ selected: row.topic, partitions: null });

/** A health reason's or rule's partitions across every topic: the rows behind a number on the cluster tab. */
export function ClusterPartitions({ snapshot, scope }: { readonly snapshot: ClusterSnapshot; readonly scope: PartitionScope }) {
  const all = allPartitionRowsOf(snapshot);
  const rows = useMemo(() => (scope === 'all' ? all : all.filter(PARTITION_SCOPE_FILTERS[scope])), [all, scope]);
  const isChanged = useChangeDetector(partitionChanges);
  return (
    <div className="page page-fill" data-testid="cluster-partitions" data-scope={scope}>
      <div className="detail-header">
        <button type="button" className="link" data-testid="back-to-topics" onClick={() => navigate({ partitions: null })}>
          ← all topics
        </button>
        <h1>{PARTITION_SCOPE_LABELS[scope]}</h1>
        <select
          data-testid="partition-scope"
          value={scope}
          aria-label="Which partitions"
          onChange={(e) => navigate({ partitions: e.target.value as PartitionScope }, 'replace')}
        >
          {PARTITION_SCOPES.map((s) => (
            <option key={s} value={s}>
              {PARTITION_SCOPE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <ReplicaLegend />
      <DataTable
        tableId="cluster-partitions"
        rows={rows}
        columns={CLUSTER_PARTITION_COLUMNS}
        rowKey={partitionRowKey}
        rowTestId="partition-row"
        rowAttributes={partitionRowAttributes}
        rowClassName={partitionRowClass}
        onRowClick={openTopic}
        isChanged={isChanged}
        flashToken={snapshot.takenAt}
        csvFileName={`${snapshot.clusterKey}-${scope}-partitions.csv`}
        emptyText="No partitions in this state."
        filterPlaceholder="Filter: topic, partition or error (text or /regex/)"
      />
    </div>
  );
}
