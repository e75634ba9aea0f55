import type { ClusterView } from '../engine/cluster-view';
import { useSelectedClusterKey } from './clusters-store';
import { useLatestView, usePreviousView } from './snapshot-store';

export function useSelectedView(): ClusterView | null {
  return useLatestView(useSelectedClusterKey());
}

export function useSelectedPreviousView(): ClusterView | null {
  return usePreviousView(useSelectedClusterKey());
}
