import type { ReactNode } from 'react';
import type { PartitionRow } from '../../../../shared/partition-rows';
import { ReplicaLegend } from '../../components/replica-legend';
import { navigate } from '../../navigation/route-store';
import { PARTITION_SCOPES, type PartitionScope } from '../../navigation/view-route';
import { CLUSTER_PARTITION_COLUMNS } from './partition-columns';
import { PARTITION_SCOPE_LABELS } from './partition-scope';
import { PartitionTable } from './partition-table';

const openTopic = (row: PartitionRow): void => navigate({ selected: row.topic, partitions: null });

/** A health reason's or rule's partitions across every topic: the rows behind a number on the cluster tab. */
export function ClusterPartitions({ clusterKey, scope, notice }: { readonly clusterKey: string; readonly scope: PartitionScope; readonly notice?: ReactNode }) {
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
      {notice}
      <ReplicaLegend />
      <PartitionTable
        tableId="cluster-partitions"
        clusterKey={clusterKey}
        source={{ kind: 'cluster', scope }}
        columns={CLUSTER_PARTITION_COLUMNS}
        onRowClick={openTopic}
        csvFileName={`${clusterKey}-${scope}-partitions.csv`}
        emptyText="No partitions in this state."
        filterPlaceholder="Filter: topic, partition or error (text or /regex/)"
      />
    </div>
  );
}
