import type { ClusterView } from '../engine/cluster-view';
import { useSelectedPreviousView, useSelectedView } from './selected-cluster';
import type { ChangeDetector } from './view-models';

const NOTHING_CHANGED = (): boolean => false;

/** For the selected cluster: which rows changed in the latest poll, for the live flash. */
export function useChangeDetector<Row>(detectorFor: (previous: ClusterView, next: ClusterView) => ChangeDetector<Row>): ChangeDetector<Row> {
  const next = useSelectedView();
  const previous = useSelectedPreviousView();
  if (next === null || previous === null) return NOTHING_CHANGED;
  return detectorFor(previous, next);
}
