import { create } from 'zustand';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { clusterModelOf } from './cluster-model-memo';

interface SnapshotState {
  /** The latest snapshot of each cluster, replaced whole on every push and never patched. */
  readonly latest: Readonly<Record<string, ClusterSnapshot>>;
  /** The one before it, kept only so views can flash what changed between the two. */
  readonly previous: Readonly<Record<string, ClusterSnapshot>>;
}

const initialState: SnapshotState = { latest: {}, previous: {} };

export const useSnapshotStore = create<SnapshotState>()(() => initialState);

export function applySnapshot(snapshot: ClusterSnapshot): void {
  const current = useSnapshotStore.getState().latest[snapshot.clusterKey];
  // A requested snapshot can arrive after a newer pushed one; never step back in time.
  if (current !== undefined && current.takenAt > snapshot.takenAt) return;
  if (current === snapshot) return;
  // Derive now, while the push is being handled, rather than in the first render that needs it.
  clusterModelOf(snapshot);
  useSnapshotStore.setState((state) => ({
    latest: { ...state.latest, [snapshot.clusterKey]: snapshot },
    previous: current === undefined ? state.previous : { ...state.previous, [snapshot.clusterKey]: current },
  }));
}

export function resetSnapshotStore(): void {
  useSnapshotStore.setState(initialState, true);
}

export function useLatestSnapshot(clusterKey: string | null): ClusterSnapshot | null {
  return useSnapshotStore((s) => (clusterKey === null ? null : (s.latest[clusterKey] ?? null)));
}

export function usePreviousSnapshot(clusterKey: string | null): ClusterSnapshot | null {
  return useSnapshotStore((s) => (clusterKey === null ? null : (s.previous[clusterKey] ?? null)));
}
