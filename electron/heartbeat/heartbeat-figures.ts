import type { HeartbeatBrokerStats } from '../../shared/broker-health';
import { ZERO_HEARTBEAT_COUNTS, type HeartbeatCounts, type HeartbeatOutcome } from '../../shared/heartbeat-ledger';
import { median, summarizeLatency } from '../../shared/latency-stats';
import { RingBuffer } from '../../shared/ring-buffer';
import { TimedSamples } from '../../shared/timed-samples';

/** One chart point's worth of heartbeat figures for one broker: since the previous point. */
export interface HeartbeatPoint {
  readonly ackMs: number | null;
  readonly endToEndMs: number | null;
  readonly availability: number | null;
}

interface Bucket {
  readonly second: number;
  counts: HeartbeatCounts;
}

/**
 * Everything kept per broker: bounded rings, so memory does not grow with uptime. 1,024 latency
 * samples cover the stats window for up to 17 partitions per broker at one message a second;
 * beyond that the percentiles cover the newest 1,024 (16 KiB per ring).
 */
class BrokerFigures {
  readonly acks = new TimedSamples(1_024);
  readonly endToEnd = new TimedSamples(1_024);
  readonly buckets: RingBuffer<Bucket>;
  total: HeartbeatCounts = ZERO_HEARTBEAT_COUNTS;
  pointAcks: number[] = [];
  pointEndToEnd: number[] = [];
  pointAcked = 0;
  pointFailed = 0;

  constructor(windowMs: number) {
    this.buckets = new RingBuffer<Bucket>(Math.ceil(windowMs / 1_000) + 2);
  }

  count(now: number, change: Partial<HeartbeatCounts>): void {
    const second = Math.floor(now / 1_000);
    let bucket = this.buckets.last();
    if (bucket === undefined || bucket.second !== second) {
      bucket = { second, counts: ZERO_HEARTBEAT_COUNTS };
      this.buckets.push(bucket);
    }
    bucket.counts = add(bucket.counts, change);
    this.total = add(this.total, change);
  }

  /** Takes back one loss (the message arrived after all) from the bucket that counted it. */
  unlose(): void {
    const counted = this.buckets.takeLastWhile(() => true).reverse().find((b) => b.counts.lost > 0);
    if (counted !== undefined) counted.counts = add(counted.counts, { lost: -1 });
    this.total = add(this.total, { lost: -1 });
  }
}

function add(counts: HeartbeatCounts, change: Partial<HeartbeatCounts>): HeartbeatCounts {
  const next = { ...counts };
  for (const [name, delta] of Object.entries(change) as [keyof HeartbeatCounts, number][]) next[name] = Math.max(0, next[name] + delta);
  return next;
}

/** Keeps accumulated point samples bounded even if nobody takes points (a cluster that stopped polling). */
const capped = (values: number[], value: number): void => {
  values.push(value);
  if (values.length > 10_000) values.splice(0, values.length - 10_000);
};

/** What one broker's heartbeat looked like over the stats window. */
export type HeartbeatWindow = Pick<HeartbeatBrokerStats, 'ackLatency' | 'endToEndLatency' | 'window' | 'total' | 'availability'>;

/**
 * The heartbeat's figures per leader broker: windowed counts, latency samples and chart points, all
 * in bounded rings. The prober decides what happened; this only keeps count.
 */
export class HeartbeatFigures {
  private readonly brokers = new Map<number, BrokerFigures>();

  constructor(private readonly windowMs: number) {}

  /** Counts one ledger outcome against the broker that led the partition when it happened. */
  record(outcome: HeartbeatOutcome, now: number): void {
    if (outcome.brokerId < 0) return;
    let figures = this.brokers.get(outcome.brokerId);
    if (figures === undefined) {
      figures = new BrokerFigures(this.windowMs);
      this.brokers.set(outcome.brokerId, figures);
    }
    switch (outcome.kind) {
      case 'attempted':
        figures.count(now, { attempted: 1 });
        break;
      case 'acknowledged':
        figures.count(now, { acknowledged: 1 });
        figures.acks.push(now, outcome.latencyMs);
        capped(figures.pointAcks, outcome.latencyMs);
        figures.pointAcked += 1;
        break;
      case 'failed':
        figures.count(now, { failed: 1 });
        figures.pointFailed += 1;
        break;
      case 'received':
        figures.count(now, { received: 1, late: outcome.late ? 1 : 0 });
        figures.endToEnd.push(now, outcome.latencyMs);
        capped(figures.pointEndToEnd, outcome.latencyMs);
        break;
      case 'lost':
        figures.count(now, { lost: 1 });
        break;
      case 'unlost':
        figures.unlose();
        break;
      case 'duplicated':
        figures.count(now, { duplicated: 1 });
        break;
    }
  }

  /** Brokers with outcomes after `cutoff`. */
  brokersActiveSince(cutoff: number): number[] {
    return [...this.brokers].filter(([, f]) => (f.buckets.last()?.second ?? 0) * 1_000 > cutoff).map(([id]) => id);
  }

  windowOf(brokerId: number, cutoff: number): HeartbeatWindow {
    const figures = this.brokers.get(brokerId);
    const recent = (samples: TimedSamples | undefined): number[] => samples?.valuesSince(cutoff) ?? [];
    const window = (figures?.buckets.takeLastWhile((b) => b.second * 1_000 > cutoff) ?? []).reduce((sum, b) => add(sum, b.counts), ZERO_HEARTBEAT_COUNTS);
    const settled = window.acknowledged + window.failed;
    return {
      ackLatency: summarizeLatency(recent(figures?.acks)),
      endToEndLatency: summarizeLatency(recent(figures?.endToEnd)),
      window,
      total: figures?.total ?? ZERO_HEARTBEAT_COUNTS,
      availability: settled === 0 ? null : window.acknowledged / settled,
    };
  }

  /** Figures since the previous call, per broker: one chart point each. */
  takePoints(): Map<number, HeartbeatPoint> {
    const points = new Map<number, HeartbeatPoint>();
    for (const [brokerId, figures] of this.brokers) {
      const settled = figures.pointAcked + figures.pointFailed;
      points.set(brokerId, {
        ackMs: median(figures.pointAcks),
        endToEndMs: median(figures.pointEndToEnd),
        availability: settled === 0 ? null : figures.pointAcked / settled,
      });
      figures.pointAcks = [];
      figures.pointEndToEnd = [];
      figures.pointAcked = 0;
      figures.pointFailed = 0;
    }
    return points;
  }
}
