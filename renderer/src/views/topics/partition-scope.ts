import type { PartitionRow } from '../../../../shared/partition-rows';
import type { PartitionScope } from '../../navigation/view-route';

/** Which partitions each cluster-wide list shows; the flags come from shared/, this only picks. */
export const PARTITION_SCOPE_FILTERS: Record<PartitionScope, (row: PartitionRow) => boolean> = {
  all: () => true,
  offline: (row) => row.offline,
  'under-min-isr': (row) => row.underMinIsr,
  'under-replicated': (row) => row.underReplicated,
  'non-preferred-leader': (row) => !row.offline && !row.preferredLeader,
  'rack-violations': (row) => row.rackPlacement === 'shared',
};

export const PARTITION_SCOPE_LABELS: Record<PartitionScope, string> = {
  all: 'All partitions',
  offline: 'Offline partitions (no leader)',
  'under-min-isr': 'Partitions under min.insync.replicas',
  'under-replicated': 'Under-replicated partitions',
  'non-preferred-leader': 'Partitions not led by their preferred replica',
  'rack-violations': 'Partitions with two replicas in one rack',
};
