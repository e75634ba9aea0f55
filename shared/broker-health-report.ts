import type {
  BrokerHealthReport,
  BrokerHealthRow,
  BrokerLatencySeries,
  BrokerOutlierFlags,
  HeartbeatBrokerStats,
  HeartbeatStatus,
} from './broker-health';
import type { BrokerStatusEntry } from './broker-status-history';
import { healthReason, type HealthReason } from './cluster-health';
import type { BrokerIsrShrinks } from './isr-shrink-history';
import { DEFAULT_OUTLIER_OPTIONS, latencyOutliers, type OutlierOptions, type OutlierVerdict } from './latency-outliers';
import { median, summarizeLatency } from './latency-stats';
import type { OfflineReplicaCounts } from './offline-replicas';

export interface BrokerHealthOptions {
  readonly outlier: OutlierOptions;
  /**
   * The last this-many request-latency samples (one per poll) decide whether a broker is slow: their
   * median, so one slow poll is not enough and a broker that turned slow is flagged within a few polls.
   */
  readonly outlierSamples: number;
  /** Chart series pushed per report; the rest are left to getLatencyHistory. */
  readonly maxSeriesBrokers: number;
}

export const DEFAULT_BROKER_HEALTH_OPTIONS: BrokerHealthOptions = { outlier: DEFAULT_OUTLIER_OPTIONS, outlierSamples: 6, maxSeriesBrokers: 12 };

export interface BrokerHealthInput {
  readonly clusterKey: string;
  readonly takenAt: number;
  readonly statuses: readonly BrokerStatusEntry[];
  /** Request-latency samples per broker over the latency window, oldest first; null for a failed attempt. */
  readonly requestSamples: ReadonlyMap<number, readonly (number | null)[]>;
  readonly latencyWindowMs: number;
  /** Null while the heartbeat is off. */
  readonly heartbeatStats: readonly HeartbeatBrokerStats[] | null;
  readonly heartbeatWindowMs: number;
  readonly heartbeat: HeartbeatStatus;
  readonly isrShrinks: readonly BrokerIsrShrinks[];
  /** Brokers the snapshot alone reports as missing (BROKERS_MISSING): not repeated as BROKERS_OFFLINE. */
  readonly missingBrokers: readonly number[];
  /** Every broker's recent chart points; the report keeps a bounded choice of them. */
  readonly series: readonly BrokerLatencySeries[];
  /** From shared/offline-replicas.ts; absent means none. */
  readonly offlineReplicas?: OfflineReplicaCounts;
}

const judged = (entry: BrokerStatusEntry): boolean => entry.status === 'healthy' || entry.status === 'recovering';

function requestOutliers(input: BrokerHealthInput, options: BrokerHealthOptions): Map<number, OutlierVerdict> {
  const values = input.statuses.filter(judged).flatMap((entry) => {
    const recent = (input.requestSamples.get(entry.brokerId) ?? []).slice(-options.outlierSamples);
    // One spike is not an outlier: judge a broker only once half the window holds samples for it.
    if (recent.length < Math.ceil(options.outlierSamples / 2)) return [];
    const numbers = recent.filter((v): v is number => v !== null);
    return [{ brokerId: entry.brokerId, valueMs: numbers.length === 0 ? null : median(numbers) }];
  });
  return new Map(latencyOutliers(values, options.outlier).verdicts.map((v) => [v.brokerId, v]));
}

function heartbeatOutliers(input: BrokerHealthInput, options: BrokerHealthOptions): Map<number, OutlierVerdict> {
  if (input.heartbeatStats === null) return new Map();
  const up = new Set(input.statuses.filter(judged).map((e) => e.brokerId));
  // A broker whose sends all failed has no latency to compare: HEARTBEAT_FAILING says that instead.
  const values = input.heartbeatStats
    .filter((s) => up.has(s.brokerId) && s.ackLatency.p50Ms !== null)
    .map((s) => ({ brokerId: s.brokerId, valueMs: s.ackLatency.p50Ms }));
  return new Map(latencyOutliers(values, options.outlier).verdicts.map((v) => [v.brokerId, v]));
}

function chooseSeries(input: BrokerHealthInput, rows: readonly BrokerHealthRow[], limit: number): { series: BrokerLatencySeries[]; truncated: boolean } {
  if (input.series.length <= limit) return { series: [...input.series].sort((a, b) => a.brokerId - b.brokerId), truncated: false };
  const rowOf = new Map(rows.map((r) => [r.brokerId, r]));
  const concern = (id: number): number => {
    const row = rowOf.get(id);
    if (row === undefined) return 0;
    const flagged = row.outlier.slowRequests || row.outlier.slowHeartbeat || row.outlier.flappingIsr || row.status !== 'healthy';
    return flagged ? 1 : 0;
  };
  const slowness = (id: number): number => rowOf.get(id)?.requestLatency.p50Ms ?? Number.POSITIVE_INFINITY;
  const chosen = [...input.series]
    .sort((a, b) => concern(b.brokerId) - concern(a.brokerId) || slowness(b.brokerId) - slowness(a.brokerId) || a.brokerId - b.brokerId)
    .slice(0, limit)
    .sort((a, b) => a.brokerId - b.brokerId);
  return { series: chosen, truncated: true };
}

function reasons(input: BrokerHealthInput, rows: readonly BrokerHealthRow[]): HealthReason[] {
  const ids = (keep: (row: BrokerHealthRow) => boolean): number[] => rows.filter(keep).map((r) => r.brokerId);
  const missing = new Set(input.missingBrokers);
  const out: HealthReason[] = [];
  const add = (code: Parameters<typeof healthReason>[0], brokers: number[]): void => {
    if (brokers.length > 0) out.push(healthReason(code, brokers.length, { brokers }));
  };
  add('BROKERS_OFFLINE', ids((r) => r.status === 'offline' && !missing.has(r.brokerId)));
  add('BROKERS_RECOVERING', ids((r) => r.status === 'recovering'));
  add('SLOW_BROKER', ids((r) => r.outlier.slowRequests || r.outlier.slowHeartbeat));
  add('FLAPPING_ISR', ids((r) => r.outlier.flappingIsr));
  add('HEARTBEAT_FAILING', ids((r) => (r.heartbeat?.window.failed ?? 0) > 0));
  add('HEARTBEAT_MESSAGES_LOST', ids((r) => (r.heartbeat?.window.lost ?? 0) > 0));
  add('HEARTBEAT_MESSAGES_LATE', ids((r) => (r.heartbeat?.window.late ?? 0) > 0));
  const coverage = input.heartbeat.enabled ? input.heartbeat.coverage : null;
  if (coverage !== null) {
    add('HEARTBEAT_COVERAGE_GAP', [...new Set([...coverage.uncoveredBrokers, ...coverage.notLeadingBrokers])].sort((a, b) => a - b));
  }
  if (input.heartbeat.enabled && input.heartbeat.state === 'error') out.push(healthReason('HEARTBEAT_ERROR', 1));
  return out;
}

/** One report per poll: rows per broker, the history-based health reasons and a bounded chart series. */
export function brokerHealthReport(input: BrokerHealthInput, options: BrokerHealthOptions = DEFAULT_BROKER_HEALTH_OPTIONS): BrokerHealthReport {
  const slowRequests = requestOutliers(input, options);
  const slowHeartbeat = heartbeatOutliers(input, options);
  const shrinks = new Map(input.isrShrinks.map((s) => [s.brokerId, s]));
  const heartbeatOf = new Map((input.heartbeatStats ?? []).map((s) => [s.brokerId, s]));

  const rows: BrokerHealthRow[] = input.statuses.map((entry) => {
    const request = slowRequests.get(entry.brokerId);
    const heartbeat = slowHeartbeat.get(entry.brokerId);
    const outlier: BrokerOutlierFlags = {
      slowRequests: request?.outlier ?? false,
      slowHeartbeat: heartbeat?.outlier ?? false,
      flappingIsr: shrinks.get(entry.brokerId)?.flapping ?? false,
      requestScore: request?.score ?? null,
      heartbeatScore: heartbeat?.score ?? null,
      isrShrinks: shrinks.get(entry.brokerId)?.shrinks ?? 0,
    };
    return {
      brokerId: entry.brokerId,
      status: entry.status,
      since: entry.since,
      downSince: entry.downSince,
      lastSeenAt: entry.lastSeenAt,
      detail: entry.detail,
      offlineReplicas: input.offlineReplicas?.byBroker.get(entry.brokerId) ?? 0,
      requestLatency: summarizeLatency(input.requestSamples.get(entry.brokerId) ?? []),
      heartbeat: input.heartbeatStats === null ? null : (heartbeatOf.get(entry.brokerId) ?? null),
      outlier,
    };
  });
  const { series, truncated } = chooseSeries(input, rows, options.maxSeriesBrokers);
  return {
    clusterKey: input.clusterKey,
    takenAt: input.takenAt,
    latencyWindowMs: input.latencyWindowMs,
    heartbeatWindowMs: input.heartbeatWindowMs,
    brokers: rows,
    partitionsWithOfflineReplicas: input.offlineReplicas?.partitions ?? 0,
    heartbeat: input.heartbeat,
    health: reasons(input, rows),
    series,
    seriesTruncated: truncated,
  };
}
