import type { PartitionRow } from '../../../../shared/partition-rows';
import { navigate } from '../../navigation/route-store';
import type { MatrixCellRef } from '../../navigation/view-route';
import { CLUSTER_PARTITION_COLUMNS } from '../topics/partition-columns';
import { PartitionTable } from '../topics/partition-table';

const openTopic = (row: PartitionRow): void => navigate({ tab: 'topics', selected: row.topic, partitions: null, cell: null, blast: null });

/** The partitions behind one heatmap cell, with the same replica chips as everywhere else. */
export function CellPartitions({ clusterKey, cell }: { readonly clusterKey: string; readonly cell: MatrixCellRef }) {
  return (
    <section className="section page-fill cell-section" data-testid="cell-partitions" data-leader={cell.leader} data-follower={cell.follower}>
      <h2>
        Led by {cell.leader}, replicated by {cell.follower}{' '}
        <button type="button" className="link" onClick={() => navigate({ cell: null }, 'replace')}>
          close
        </button>
      </h2>
      <PartitionTable
        tableId="cell-partitions"
        clusterKey={clusterKey}
        source={{ kind: 'cell', leader: cell.leader, follower: cell.follower }}
        columns={CLUSTER_PARTITION_COLUMNS}
        onRowClick={openTopic}
        csvFileName={`${clusterKey}-leader-${cell.leader}-follower-${cell.follower}.csv`}
        emptyText={`Broker ${cell.follower} replicates no partition led by ${cell.leader}.`}
      />
    </section>
  );
}
