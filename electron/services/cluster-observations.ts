import type { BrokerHealthReport, BrokerLatencySeries, HeartbeatBrokerStats, HeartbeatStatus, LatencyHistory, LatencyPoint } from '../../shared/broker-health';
import { brokerHealthReport, DEFAULT_BROKER_HEALTH_OPTIONS, type BrokerHealthOptions } from '../../shared/broker-health-report';
import {
  brokerVoters,
  DEFAULT_BROKER_STATUS_OPTIONS,
  hasLeftCluster,
  nextBrokerStatuses,
  type BrokerStatusEntry,
  type BrokerStatusOptions,
} from '../../shared/broker-status-history';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { heartbeatCoverage, type HeartbeatBroker, type HeartbeatCoverage } from '../../shared/heartbeat-coverage';
import { DEFAULT_ISR_FLAP_OPTIONS, EMPTY_ISR_SHRINK_HISTORY, isrShrinkCounts, nextIsrShrinkHistory, type IsrFlapOptions } from '../../shared/isr-shrink-history';
import { offlineReplicaCounts } from '../../shared/offline-replicas';
import { RingBuffer } from '../../shared/ring-buffer';
import type { HeartbeatPoint } from '../heartbeat/heartbeat-figures';

export interface ObservationOptions {
  /** The poll interval: sizes the rings. */
  readonly intervalMs: number;
  /** Request-latency percentiles cover this much recent time. */
  readonly latencyWindowMs?: number;
  /** Chart points kept per broker for getLatencyHistory (capped at `maxPointsPerBroker`). */
  readonly historyMs?: number;
  /** Chart points pushed with every report: this much recent time, at most `maxSeriesPoints` per broker. */
  readonly seriesWindowMs?: number;
  readonly maxSeriesPoints?: number;
  /** Hard cap per broker whatever the interval: 200 brokers × 720 points stays around 10 MB. */
  readonly maxPointsPerBroker?: number;
  readonly brokerStatus?: BrokerStatusOptions;
  readonly isrFlap?: IsrFlapOptions;
  readonly health?: BrokerHealthOptions;
}

/** What the heartbeat contributes to one report; null stats while it is off. */
export interface HeartbeatView {
  readonly status: Omit<HeartbeatStatus, 'coverage' | 'topicExists'>;
  readonly stats: readonly HeartbeatBrokerStats[] | null;
  readonly windowMs: number;
  readonly points: ReadonlyMap<number, HeartbeatPoint>;
}

interface RequestSample {
  readonly t: number;
  readonly ms: number | null;
}

/**
 * Everything one cluster's history says and one snapshot cannot: broker statuses with since-when,
 * ISR shrinks, per-broker request latency and chart points, in rings whose size is fixed by the
 * options, so memory does not grow with uptime. One per cluster, fed each snapshot by the service.
 */
export class ClusterObservations {
  private statuses: BrokerStatusEntry[] = [];
  private isr = EMPTY_ISR_SHRINK_HISTORY;
  private readonly requestSamples = new Map<number, RingBuffer<RequestSample>>();
  private readonly points = new Map<number, RingBuffer<LatencyPoint>>();
  private readonly pointCapacity: number;
  private readonly latencyWindowMs: number;
  private readonly seriesWindowMs: number;
  private latestCoverage: { exists: boolean; coverage: HeartbeatCoverage | null } | null = null;

  constructor(
    private readonly clusterKey: string,
    private readonly options: ObservationOptions,
  ) {
    this.latencyWindowMs = options.latencyWindowMs ?? 300_000;
    this.seriesWindowMs = options.seriesWindowMs ?? 300_000;
    const historyMs = options.historyMs ?? 1_800_000;
    this.pointCapacity = Math.max(2, Math.min(options.maxPointsPerBroker ?? 720, Math.ceil(historyMs / options.intervalMs) + 1));
  }

  /** Folds one snapshot in and returns the report to push. */
  observe(snapshot: ClusterSnapshot, heartbeat: HeartbeatView): BrokerHealthReport {
    const now = snapshot.takenAt;
    this.statuses = nextBrokerStatuses(this.statuses, snapshot, now, this.options.brokerStatus ?? DEFAULT_BROKER_STATUS_OPTIONS);
    const isrFlap = this.options.isrFlap ?? DEFAULT_ISR_FLAP_OPTIONS;
    this.isr = nextIsrShrinkHistory(this.isr, snapshot, now, isrFlap);

    const latencies = new Map((snapshot.requestLatency ?? []).map((l) => [l.brokerId, l]));
    const known = new Set(this.statuses.map((s) => s.brokerId));
    for (const id of [...this.requestSamples.keys(), ...this.points.keys()]) if (!known.has(id)) this.forget(id);
    for (const status of this.statuses) {
      const latency = latencies.get(status.brokerId);
      if (latency !== undefined) this.ring(this.requestSamples, status.brokerId).push({ t: now, ms: latency.rttMs });
      const hb = heartbeat.points.get(status.brokerId);
      this.ring(this.points, status.brokerId).push({
        t: now,
        requestMs: latency?.rttMs ?? null,
        requestTimedOut: latency?.timedOut ?? false,
        heartbeatAckMs: hb?.ackMs ?? null,
        heartbeatEndToEndMs: hb?.endToEndMs ?? null,
        heartbeatAvailability: hb?.availability ?? null,
      });
    }

    this.latestCoverage = this.coverageOf(snapshot, heartbeat.status.topic);
    const latencyCutoff = now - this.latencyWindowMs;
    const seriesCutoff = now - this.seriesWindowMs;
    const requestSamples = new Map(
      [...this.requestSamples].map(([id, ring]) => [id, ring.takeLastWhile((s) => s.t > latencyCutoff).map((s) => s.ms)] as const),
    );
    const series: BrokerLatencySeries[] = this.statuses.map((s) => ({
      brokerId: s.brokerId,
      // Bounded whatever the poll interval: at most 12 brokers × 60 points (~100 KB of JSON) per push.
      points: (this.points.get(s.brokerId)?.takeLastWhile((p) => p.t > seriesCutoff) ?? []).slice(-(this.options.maxSeriesPoints ?? 60)),
    }));
    return brokerHealthReport(
      {
        clusterKey: this.clusterKey,
        takenAt: now,
        statuses: this.statuses,
        requestSamples,
        latencyWindowMs: this.latencyWindowMs,
        heartbeatStats: heartbeat.stats,
        heartbeatWindowMs: heartbeat.windowMs,
        heartbeat: this.heartbeatStatus(heartbeat.status),
        isrShrinks: isrShrinkCounts(this.isr, now, isrFlap),
        missingBrokers: missingBrokers(snapshot),
        series,
        offlineReplicas: offlineReplicaCounts(snapshot, new Set(this.statuses.filter((s) => s.status === 'offline' || s.status === 'fenced').map((s) => s.brokerId))),
      },
      this.options.health ?? DEFAULT_BROKER_HEALTH_OPTIONS,
    );
  }

  /** The heartbeat status with what the last poll saw of its topic. */
  heartbeatStatus(status: Omit<HeartbeatStatus, 'coverage' | 'topicExists'>): HeartbeatStatus {
    return { ...status, topicExists: this.latestCoverage?.exists ?? null, coverage: this.latestCoverage?.coverage ?? null };
  }

  /**
   * The brokers the heartbeat topic should cover: registered ones and those down for now. Not one
   * that has left the cluster for good, even while replicas still name it: its partitions are the
   * misplaced ones the fix moves.
   */
  heartbeatBrokers(snapshot: ClusterSnapshot): HeartbeatBroker[] {
    const racks = new Map(snapshot.brokers.map((b) => [b.id, b.rack]));
    const options = this.options.brokerStatus ?? DEFAULT_BROKER_STATUS_OPTIONS;
    return this.statuses
      .filter((s) => !hasLeftCluster(s, snapshot, snapshot.takenAt, options))
      .map((s) => ({ id: s.brokerId, rack: racks.get(s.brokerId) ?? null, available: s.status === 'healthy' || s.status === 'recovering' }));
  }

  history(brokerIds?: readonly number[]): LatencyHistory {
    const wanted = brokerIds === undefined ? null : new Set(brokerIds);
    const series = [...this.points]
      .filter(([id]) => wanted === null || wanted.has(id))
      .sort(([a], [b]) => a - b)
      .map(([brokerId, ring]) => ({ brokerId, points: ring.toArray() }));
    return { clusterKey: this.clusterKey, historyMs: this.pointCapacity * this.options.intervalMs, series };
  }

  private coverageOf(snapshot: ClusterSnapshot, topic: string): { exists: boolean; coverage: HeartbeatCoverage | null } {
    const described = snapshot.topics.find((t) => t.name === topic);
    if (described === undefined) return { exists: false, coverage: null };
    const placements = described.partitions.map((p) => ({ partition: p.partition, replicas: p.replicas, leader: p.leader }));
    return { exists: true, coverage: heartbeatCoverage(placements, this.heartbeatBrokers(snapshot)) };
  }

  private ring<T>(rings: Map<number, RingBuffer<T>>, brokerId: number): RingBuffer<T> {
    let ring = rings.get(brokerId);
    if (ring === undefined) {
      ring = new RingBuffer<T>(this.pointCapacity);
      rings.set(brokerId, ring);
    }
    return ring;
  }

  private forget(brokerId: number): void {
    this.requestSamples.delete(brokerId);
    this.points.delete(brokerId);
  }
}

/** Referenced by an assignment or the quorum but not registered: what deriveClusterModel reports as BROKERS_MISSING. */
function missingBrokers(snapshot: ClusterSnapshot): number[] {
  const registered = new Set(snapshot.brokers.map((b) => b.id));
  const missing = new Set<number>();
  for (const topic of snapshot.topics) for (const p of topic.partitions) for (const id of p.replicas) if (!registered.has(id)) missing.add(id);
  for (const id of brokerVoters(snapshot)) if (!registered.has(id)) missing.add(id);
  return [...missing].sort((a, b) => a - b);
}
