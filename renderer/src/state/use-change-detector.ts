import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { useSelectedPreviousSnapshot, useSelectedSnapshot } from './selected-cluster';
import type { ChangeDetector } from './view-models';

const NOTHING_CHANGED = (): boolean => false;

/** For the selected cluster: which rows changed in the latest poll, for the live flash. */
export function useChangeDetector<Row>(
  detectorFor: (previous: ClusterSnapshot, next: ClusterSnapshot) => ChangeDetector<Row>,
): ChangeDetector<Row> {
  const next = useSelectedSnapshot();
  const previous = useSelectedPreviousSnapshot();
  if (next === null || previous === null) return NOTHING_CHANGED;
  return detectorFor(previous, next);
}
