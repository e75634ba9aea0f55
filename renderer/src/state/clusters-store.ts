import { create } from 'zustand';
import type { ClusterStatus } from '../../../shared/cluster-status';

interface ClustersState {
  readonly statuses: Readonly<Record<string, ClusterStatus>>;
  /** Configured clusters in the order the backend listed or first pushed them. */
  readonly order: readonly string[];
  readonly selectedClusterKey: string | null;
}

const initialState: ClustersState = { statuses: {}, order: [], selectedClusterKey: null };

export const useClustersStore = create<ClustersState>()(() => initialState);

function withStatus(state: ClustersState, status: ClusterStatus): Partial<ClustersState> {
  const known = state.order.includes(status.clusterKey);
  return {
    statuses: { ...state.statuses, [status.clusterKey]: status },
    order: known ? state.order : [...state.order, status.clusterKey],
    // The first cluster heard of is shown until the user (or the URL) picks another.
    selectedClusterKey: state.selectedClusterKey ?? status.clusterKey,
  };
}

export function applyClusterStatus(status: ClusterStatus): void {
  useClustersStore.setState((state) => withStatus(state, status));
}

/** The answer to listClusters: the configured set, replacing whatever was known. */
export function applyClusterList(statuses: readonly ClusterStatus[]): void {
  useClustersStore.setState((state) => {
    const keys = statuses.map((s) => s.clusterKey);
    const selected = state.selectedClusterKey !== null && (keys.includes(state.selectedClusterKey) || keys.length === 0)
      ? state.selectedClusterKey
      : (keys[0] ?? null);
    return {
      statuses: Object.fromEntries(statuses.map((s) => [s.clusterKey, s])),
      order: keys,
      selectedClusterKey: selected,
    };
  });
}

export function selectCluster(clusterKey: string): void {
  useClustersStore.setState({ selectedClusterKey: clusterKey });
}

export function resetClustersStore(): void {
  useClustersStore.setState(initialState, true);
}

export function useSelectedClusterKey(): string | null {
  return useClustersStore((s) => s.selectedClusterKey);
}

export function useClusterStatus(clusterKey: string | null): ClusterStatus | null {
  return useClustersStore((s) => (clusterKey === null ? null : (s.statuses[clusterKey] ?? null)));
}
