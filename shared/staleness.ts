import type { ClusterStatus } from './cluster-status';

/** Missing this many polls in a row makes the view stale: one late poll is jitter, three are an outage. */
export const STALE_AFTER_INTERVALS = 3;

/**
 * Whether what is on screen is too old to trust. A cluster never polled successfully is not stale,
 * it has no data at all, and the view says so separately.
 */
export function isStale(
  status: Pick<ClusterStatus, 'lastSuccessAt' | 'intervalMs'>,
  now: number,
  intervals: number = STALE_AFTER_INTERVALS,
): boolean {
  if (status.lastSuccessAt === null) return false;
  return now - status.lastSuccessAt > intervals * status.intervalMs;
}
