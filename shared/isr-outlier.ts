import type { BrokerLoad } from './broker-load';

/** The broker most often missing from its partitions' ISR: the likely slow one dragging the rest. */
export interface IsrOutlier {
  readonly brokerId: number;
  readonly outOfSync: number;
  readonly hosted: number;
  /** outOfSync / hosted, in percent. */
  readonly sharePct: number;
}

/**
 * Brokers that are fenced or not registered are left out: they are known to be down, and every one
 * of their replicas is out of sync by definition. The outlier is a broker that is up but lagging.
 * Ties go to the higher share, then the lower id, so the answer is stable between polls.
 */
export function isrOutlier(loads: readonly BrokerLoad[], unavailable: ReadonlySet<number>): IsrOutlier | null {
  let best: IsrOutlier | null = null;
  for (const load of loads) {
    if (unavailable.has(load.brokerId)) continue;
    const lagging = load.outOfSyncReplicas - load.offlineReplicas;
    if (lagging <= 0) continue;
    const candidate = { brokerId: load.brokerId, outOfSync: lagging, hosted: load.replicas, sharePct: (lagging / load.replicas) * 100 };
    if (
      best === null ||
      candidate.outOfSync > best.outOfSync ||
      (candidate.outOfSync === best.outOfSync && candidate.sharePct > best.sharePct)
    ) {
      best = candidate;
    }
  }
  return best;
}
