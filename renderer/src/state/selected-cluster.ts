import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { useSelectedClusterKey } from './clusters-store';
import { useLatestSnapshot, usePreviousSnapshot } from './snapshot-store';

export function useSelectedSnapshot(): ClusterSnapshot | null {
  return useLatestSnapshot(useSelectedClusterKey());
}

export function useSelectedPreviousSnapshot(): ClusterSnapshot | null {
  return usePreviousSnapshot(useSelectedClusterKey());
}
