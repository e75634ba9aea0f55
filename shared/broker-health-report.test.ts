import { describe, expect, it } from 'vitest';
import type { BrokerLatencySeries, HeartbeatBrokerStats, HeartbeatStatus } from './broker-health';
import { brokerHealthReport, DEFAULT_BROKER_HEALTH_OPTIONS, type BrokerHealthInput } from './broker-health-report';
import type { BrokerStatusEntry } from './broker-status-history';
import { ZERO_HEARTBEAT_COUNTS, type HeartbeatCounts } from './heartbeat-ledger';
import { summarizeLatency } from './latency-stats';

const status = (brokerId: number, overrides: Partial<BrokerStatusEntry> = {}): BrokerStatusEntry => ({
  brokerId,
  status: 'healthy',
  since: 0,
  downSince: null,
  lastSeenAt: 1_000,
  detail: '',
  outOfSyncReplicas: 0,
  consecutiveTimeouts: 0,
  ...overrides,
});

const off: HeartbeatStatus = { clusterKey: 'k', enabled: false, topic: '__brokerscope_heartbeat', state: 'off', since: null, error: null, coverage: null, topicExists: null, intervalMs: 1_000 };

function input(overrides: Partial<BrokerHealthInput> = {}): BrokerHealthInput {
  return {
    clusterKey: 'k',
    takenAt: 1_000,
    statuses: [status(1), status(2), status(3)],
    requestSamples: new Map([
      [1, [0.4, 0.5, 0.5, 0.6]],
      [2, [0.5, 0.5, 0.4, 0.5]],
      [3, [0.5, 0.6, 0.5, 0.5]],
    ]),
    latencyWindowMs: 300_000,
    heartbeatStats: null,
    heartbeatWindowMs: 60_000,
    heartbeat: off,
    isrShrinks: [],
    missingBrokers: [],
    series: [],
    ...overrides,
  };
}

function heartbeat(brokerId: number, ackMs: readonly number[], window: Partial<HeartbeatCounts> = {}): HeartbeatBrokerStats {
  const counts = { ...ZERO_HEARTBEAT_COUNTS, ...window };
  return {
    brokerId,
    partitions: [brokerId - 1],
    ackLatency: summarizeLatency(ackMs),
    endToEndLatency: summarizeLatency(ackMs.map((ms) => ms + 2)),
    window: counts,
    total: counts,
    availability: counts.acknowledged + counts.failed === 0 ? null : counts.acknowledged / (counts.acknowledged + counts.failed),
    inFlight: 0,
  };
}

describe('brokerHealthReport', () => {
  it('reports a calm cluster with no reasons and summaries per broker', () => {
    const report = brokerHealthReport(input());
    expect(report.health).toEqual([]);
    expect(report.brokers.map((b) => b.requestLatency.p50Ms)).toEqual([0.5, 0.5, 0.5]);
    expect(report.brokers.every((b) => !b.outlier.slowRequests && b.heartbeat === null)).toBe(true);
  });

  it('flags the broker whose recent request latency is far above its peers, and only it', () => {
    const report = brokerHealthReport(
      input({
        requestSamples: new Map([
          [1, [0.5, 0.5, 0.6]],
          [2, [0.5, 0.4, 0.5]],
          [3, [0.5, 400.5, 401, 399]],
        ]),
      }),
    );
    expect(report.brokers.map((b) => b.outlier.slowRequests)).toEqual([false, false, true]);
    expect(report.health).toEqual([{ code: 'SLOW_BROKER', severity: 'warning', count: 1, brokers: [3], partitions: [], notes: [] }]);
  });

  it('judges only recent samples, so a broker that was slow a while ago is not flagged', () => {
    const recovered = [400, 400, 400, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    const report = brokerHealthReport(input({ requestSamples: new Map([[1, [0.5]], [2, [0.5]], [3, recovered]]) }));
    expect(report.brokers[2]?.outlier.slowRequests).toBe(false);
    expect(report.brokers[2]?.requestLatency.maxMs).toBe(400);
  });

  it('does not judge offline brokers for slowness and does not repeat brokers the snapshot reports missing', () => {
    const report = brokerHealthReport(
      input({
        statuses: [status(1), status(2), status(3, { status: 'offline', downSince: 900 }), status(4, { status: 'offline' }), status(5, { status: 'recovering' })],
        requestSamples: new Map([
          [1, [0.5]],
          [2, [0.5]],
          [3, [null]],
          [5, [0.6]],
        ]),
        missingBrokers: [4],
      }),
    );
    expect(report.brokers.find((b) => b.brokerId === 3)?.outlier.requestScore).toBeNull();
    expect(report.health.map((r) => [r.code, r.brokers])).toEqual([
      ['BROKERS_OFFLINE', [3]],
      ['BROKERS_RECOVERING', [5]],
    ]);
  });

  it('turns heartbeat figures into reasons per broker: failing, lost, late, slow, coverage', () => {
    const report = brokerHealthReport(
      input({
        heartbeat: {
          ...off,
          enabled: true,
          state: 'running',
          coverage: { replicationFactor: 3, uncoveredBrokers: [], notLeadingBrokers: [3], misplacedPartitions: [], fixNeeded: true },
        },
        heartbeatStats: [
          heartbeat(1, [3, 3, 4], { acknowledged: 3 }),
          heartbeat(2, [3, 4, 3], { acknowledged: 2, failed: 1, late: 1 }),
          heartbeat(3, [250, 260, 255], { acknowledged: 3, lost: 2 }),
        ],
      }),
    );
    expect(report.brokers.map((b) => b.heartbeat?.availability)).toEqual([1, 2 / 3, 1]);
    expect(report.brokers.map((b) => b.outlier.slowHeartbeat)).toEqual([false, false, true]);
    expect(report.health.map((r) => [r.code, r.severity, r.brokers])).toEqual([
      ['SLOW_BROKER', 'warning', [3]],
      ['HEARTBEAT_FAILING', 'critical', [2]],
      ['HEARTBEAT_MESSAGES_LOST', 'critical', [3]],
      ['HEARTBEAT_MESSAGES_LATE', 'warning', [2]],
      ['HEARTBEAT_COVERAGE_GAP', 'warning', [3]],
    ]);
  });

  it('reports flapping ISRs and a heartbeat stopped by an error', () => {
    const report = brokerHealthReport(
      input({
        isrShrinks: [
          { brokerId: 2, shrinks: 4, flapping: true },
          { brokerId: 3, shrinks: 1, flapping: false },
        ],
        heartbeat: { ...off, enabled: true, state: 'error', error: 'TOPIC_AUTHORIZATION_FAILED' },
        heartbeatStats: [],
      }),
    );
    expect(report.brokers.map((b) => [b.outlier.flappingIsr, b.outlier.isrShrinks])).toEqual([
      [false, 0],
      [true, 4],
      [false, 1],
    ]);
    expect(report.health.map((r) => r.code)).toEqual(['FLAPPING_ISR', 'HEARTBEAT_ERROR']);
  });

  it('keeps the pushed series bounded, choosing flagged and slow brokers first', () => {
    const statuses = Array.from({ length: 30 }, (_, i) => status(i + 1, i === 29 ? { status: 'offline' } : {}));
    const samples = new Map(statuses.map((s) => [s.brokerId, [s.brokerId === 7 ? 500 : 1 + s.brokerId / 100]]));
    const series: BrokerLatencySeries[] = statuses.map((s) => ({
      brokerId: s.brokerId,
      points: [{ t: 1_000, requestMs: 1, requestTimedOut: false, heartbeatAckMs: null, heartbeatEndToEndMs: null, heartbeatAvailability: null }],
    }));
    const report = brokerHealthReport(input({ statuses, requestSamples: samples, series }), { ...DEFAULT_BROKER_HEALTH_OPTIONS, maxSeriesBrokers: 4 });
    expect(report.seriesTruncated).toBe(true);
    expect(report.series.map((s) => s.brokerId)).toEqual([7, 28, 29, 30]);
  });
});
