import type { BrokerLoad } from './broker-load';

/** The broker most often missing from its partitions' ISR: the likely slow one dragging the rest. */
export interface IsrOutlier {
  readonly brokerId: number;
  readonly outOfSync: number;
  readonly hosted: number;
  /** outOfSync / hosted, in percent. */
  readonly sharePct: number;
  /** The next broker's count, so the reader can tell a clear outlier from the top of a flat spread. */
  readonly runnerUpOutOfSync: number;
}

/**
 * Brokers that are fenced or not registered are left out: they are known to be down, and every one
 * of their replicas is out of sync by definition. The outlier is a broker that is up but lagging.
 * Ties go to the higher share, then the lower id, so the answer is stable between polls.
 */
export function isrOutlier(loads: readonly BrokerLoad[], unavailable: ReadonlySet<number>): IsrOutlier | null {
  const candidates = loads
    .filter((load) => !unavailable.has(load.brokerId))
    .map((load) => {
      const lagging = load.outOfSyncReplicas - load.offlineReplicas;
      return { brokerId: load.brokerId, outOfSync: lagging, hosted: load.replicas, sharePct: load.replicas === 0 ? 0 : (lagging / load.replicas) * 100 };
    })
    .sort((a, b) => b.outOfSync - a.outOfSync || b.sharePct - a.sharePct || a.brokerId - b.brokerId);
  const [best, next] = candidates;
  if (best === undefined || best.outOfSync <= 0) return null;
  return { ...best, runnerUpOutOfSync: Math.max(0, next?.outOfSync ?? 0) };
}
