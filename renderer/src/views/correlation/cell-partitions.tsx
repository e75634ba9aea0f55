import { navigate } from '../../navigation/route-store';
import type { MatrixCellRef } from '../../navigation/view-route';
import { PartitionListSection } from './partition-list-section';

/** The partitions behind one heatmap cell, with the same replica chips as everywhere else. */
export function CellPartitions({ clusterKey, cell }: { readonly clusterKey: string; readonly cell: MatrixCellRef }) {
  return (
    <PartitionListSection
      testId="cell-partitions"
      attributes={{ 'data-leader': cell.leader, 'data-follower': cell.follower }}
      title={`Led by ${cell.leader}, replicated by ${cell.follower}`}
      onClose={() => navigate({ cell: null }, 'replace')}
      tableId="cell-partitions"
      clusterKey={clusterKey}
      source={{ kind: 'cell', leader: cell.leader, follower: cell.follower }}
      csvFileName={`${clusterKey}-leader-${cell.leader}-follower-${cell.follower}.csv`}
      emptyText={`Broker ${cell.follower} replicates no partition led by ${cell.leader}.`}
    />
  );
}
