import type { BrokerHealthReport, BrokerHealthRow, HeartbeatBrokerStats, HeartbeatStatus, LatencyPoint } from '../../../shared/broker-health';
import { ZERO_HEARTBEAT_COUNTS } from '../../../shared/heartbeat-ledger';
import type { LatencySummary } from '../../../shared/latency-stats';

export const DOWN_SINCE = Date.UTC(2026, 0, 1, 12, 30, 0);

const summary = (lastMs: number | null, p50Ms: number | null, p99Ms: number | null, samples = 12, failures = 0): LatencySummary => ({
  lastMs,
  p50Ms,
  p99Ms,
  maxMs: p99Ms,
  samples,
  failures,
});

const NO_OUTLIER = { slowRequests: false, slowHeartbeat: false, flappingIsr: false, requestScore: null, heartbeatScore: null, isrShrinks: 0 };

export function heartbeatStats(brokerId: number, overrides: Partial<HeartbeatBrokerStats> = {}): HeartbeatBrokerStats {
  return {
    brokerId,
    partitions: [brokerId - 1],
    ackLatency: summary(5, 5, 8),
    endToEndLatency: summary(9, 9, 14),
    window: ZERO_HEARTBEAT_COUNTS,
    total: ZERO_HEARTBEAT_COUNTS,
    availability: 1,
    inFlight: 0,
    ...overrides,
  };
}

export function healthRow(brokerId: number, overrides: Partial<BrokerHealthRow> = {}): BrokerHealthRow {
  return {
    brokerId,
    status: 'healthy',
    since: 0,
    downSince: null,
    lastSeenAt: 1_000,
    detail: '',
    offlineReplicas: 0,
    requestLatency: summary(2, 3, 5),
    heartbeat: null,
    outlier: NO_OUTLIER,
    ...overrides,
  };
}

export function heartbeatStatus(overrides: Partial<HeartbeatStatus> = {}): HeartbeatStatus {
  return {
    clusterKey: 'demo',
    enabled: false,
    topic: '__brokerscope_heartbeat',
    state: 'off',
    since: null,
    error: null,
    coverage: null,
    topicExists: false,
    intervalMs: 1000,
    ...overrides,
  };
}

export const point = (t: number, requestMs: number | null, overrides: Partial<LatencyPoint> = {}): LatencyPoint => ({
  t,
  requestMs,
  requestTimedOut: false,
  heartbeatAckMs: null,
  heartbeatEndToEndMs: null,
  heartbeatAvailability: null,
  ...overrides,
});

/**
 * Matches demoSnapshot: broker 1 fast, broker 2 slow (flagged), broker 3 recovering, broker 4
 * offline with every request in the window timed out.
 */
export function demoBrokerHealth(overrides: Partial<BrokerHealthReport> = {}): BrokerHealthReport {
  return {
    clusterKey: 'demo',
    takenAt: 1_000,
    latencyWindowMs: 60_000,
    heartbeatWindowMs: 60_000,
    brokers: [
      healthRow(1),
      healthRow(2, { requestLatency: summary(40, 35, 90), outlier: { ...NO_OUTLIER, slowRequests: true, requestScore: 6.2 } }),
      healthRow(3, { status: 'recovering', since: DOWN_SINCE, requestLatency: summary(7, 6, 12) }),
      healthRow(4, {
        status: 'offline',
        since: DOWN_SINCE,
        downSince: DOWN_SINCE,
        detail: 'ApiVersions timed out twice',
        requestLatency: summary(null, null, null, 12, 12),
      }),
    ],
    partitionsWithOfflineReplicas: 1,
    heartbeat: heartbeatStatus(),
    health: [],
    series: [
      { brokerId: 1, points: [point(100, 2), point(200, 3), point(300, 2)] },
      { brokerId: 2, points: [point(100, 30), point(200, 40), point(300, 45)] },
      { brokerId: 4, points: [point(100, 5), point(200, null, { requestTimedOut: true }), point(300, null, { requestTimedOut: true })] },
    ],
    seriesTruncated: false,
    ...overrides,
  };
}

