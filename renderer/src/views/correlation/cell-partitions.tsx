import { useMemo } from 'react';
import type { ClusterSnapshot } from '../../../../shared/cluster-snapshot';
import { cellPartitions } from '../../../../shared/leader-follower-matrix';
import { partitionKey, type PartitionRow } from '../../../../shared/partition-rows';
import { navigate } from '../../navigation/route-store';
import type { MatrixCellRef } from '../../navigation/view-route';
import { partitionRowIndexOf } from '../../state/view-models';
import { DataTable } from '../../table/data-table';
import { CLUSTER_PARTITION_COLUMNS, partitionRowAttributes, partitionRowClass, partitionRowKey } from '../topics/partition-columns';

const openTopic = (row: PartitionRow): void => navigate({ tab: 'topics', selected: row.topic, partitions: null, cell: null });

/** The partitions behind one heatmap cell, with the same replica chips as everywhere else. */
export function CellPartitions({ snapshot, cell }: { readonly snapshot: ClusterSnapshot; readonly cell: MatrixCellRef }) {
  const rows = useMemo(() => {
    const index = partitionRowIndexOf(snapshot);
    return cellPartitions(snapshot, cell.leader, cell.follower)
      .map((ref) => index.get(partitionKey(ref.topic, ref.partition)))
      .filter((row): row is PartitionRow => row !== undefined);
  }, [snapshot, cell.leader, cell.follower]);
  return (
    <section className="section page-fill cell-section" data-testid="cell-partitions" data-leader={cell.leader} data-follower={cell.follower}>
      <h2>
        Led by {cell.leader}, replicated by {cell.follower}{' '}
        <button type="button" className="link" onClick={() => navigate({ cell: null }, 'replace')}>
          close
        </button>
      </h2>
      <DataTable
        tableId="cell-partitions"
        rows={rows}
        columns={CLUSTER_PARTITION_COLUMNS}
        rowKey={partitionRowKey}
        rowTestId="partition-row"
        rowAttributes={partitionRowAttributes}
        rowClassName={partitionRowClass}
        onRowClick={openTopic}
        csvFileName={`${snapshot.clusterKey}-leader-${cell.leader}-follower-${cell.follower}.csv`}
        emptyText={`Broker ${cell.follower} replicates no partition led by ${cell.leader}.`}
      />
    </section>
  );
}
