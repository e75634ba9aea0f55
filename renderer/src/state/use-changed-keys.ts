import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { useSelectedPreviousSnapshot, useSelectedSnapshot } from './selected-cluster';

const NONE: ReadonlySet<string> = new Set();

/** Row keys of the selected cluster that changed in the latest poll, for the live flash. */
export function useChangedKeys(diff: (previous: ClusterSnapshot, next: ClusterSnapshot) => ReadonlySet<string>): ReadonlySet<string> {
  const next = useSelectedSnapshot();
  const previous = useSelectedPreviousSnapshot();
  if (next === null || previous === null) return NONE;
  return diff(previous, next);
}
