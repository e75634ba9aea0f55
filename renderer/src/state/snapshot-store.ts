import { create } from 'zustand';
import type { ClusterView } from '../engine/cluster-view';

interface SnapshotState {
  /** The latest view of each cluster (its snapshot head and figures), replaced whole on every poll. */
  readonly latest: Readonly<Record<string, ClusterView>>;
  /** The one before it, kept only so views can flash what changed between the two. */
  readonly previous: Readonly<Record<string, ClusterView>>;
}

const initialState: SnapshotState = { latest: {}, previous: {} };

export const useSnapshotStore = create<SnapshotState>()(() => initialState);

/** A new poll from the view engine; one older than the one held (a late answer) is ignored. */
export function applyView(view: ClusterView): void {
  const key = view.snapshot.clusterKey;
  const current = useSnapshotStore.getState().latest[key];
  if (current !== undefined && current.snapshot.takenAt >= view.snapshot.takenAt) return;
  useSnapshotStore.setState((state) => ({
    latest: { ...state.latest, [key]: view },
    previous: current === undefined ? state.previous : { ...state.previous, [key]: current },
  }));
}

export function resetSnapshotStore(): void {
  useSnapshotStore.setState(initialState, true);
}

export function useLatestView(clusterKey: string | null): ClusterView | null {
  return useSnapshotStore((s) => (clusterKey === null ? null : (s.latest[clusterKey] ?? null)));
}

export function usePreviousView(clusterKey: string | null): ClusterView | null {
  return useSnapshotStore((s) => (clusterKey === null ? null : (s.previous[clusterKey] ?? null)));
}
