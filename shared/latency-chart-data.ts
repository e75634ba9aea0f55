import type { BrokerLatencySeries, LatencyPoint } from './broker-health';
import { median, percentileOfSorted } from './latency-stats';

/**
 * Chart rows for the latency panel: one row per poll time, each broker's value at that time, and the
 * cluster's spread across brokers at that time (median and p99 of the brokers that answered), which
 * the panel draws as a band behind the per-broker lines.
 */
export interface LatencyChartRow {
  readonly t: number;
  /** By broker id; null where that broker had no number at this time (failed, timed out, not polled). */
  readonly values: Readonly<Record<number, number | null>>;
  /** Null when fewer than `minBrokersForBand` brokers had a number at this time. */
  readonly median: number | null;
  readonly p99: number | null;
}

export function latencyChartRows(
  series: readonly BrokerLatencySeries[],
  pick: (point: LatencyPoint) => number | null,
  minBrokersForBand = 2,
): LatencyChartRow[] {
  const byTime = new Map<number, Record<number, number | null>>();
  for (const s of series) {
    for (const point of s.points) {
      let row = byTime.get(point.t);
      if (row === undefined) {
        row = {};
        byTime.set(point.t, row);
      }
      row[s.brokerId] = pick(point);
    }
  }
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, values]) => {
      const numbers = Object.values(values).filter((v): v is number => v !== null);
      const enough = numbers.length >= minBrokersForBand;
      return {
        t,
        values,
        median: enough ? median(numbers) : null,
        p99: enough ? percentileOfSorted([...numbers].sort((a, b) => a - b), 99) : null,
      };
    });
}

/** Whether any point of any broker has a number for this metric (the heartbeat chart shows only then). */
export function seriesHasValues(series: readonly BrokerLatencySeries[], pick: (point: LatencyPoint) => number | null): boolean {
  return series.some((s) => s.points.some((p) => pick(p) !== null));
}

/**
 * One availability-strip cell: the worse of what the heartbeat saw (acknowledged share) and what the
 * request probe saw (answered, timed out). `unknown` when neither measured anything.
 */
export type AvailabilityState = 'up' | 'degraded' | 'timeout' | 'down' | 'unknown';

export const AVAILABILITY_STATE_LABELS: Record<AvailabilityState, string> = {
  up: 'available',
  degraded: 'some heartbeats failed',
  timeout: 'request timed out',
  down: 'no heartbeat acknowledged',
  unknown: 'not measured',
};

const SEVERITY: Record<AvailabilityState, number> = { unknown: 0, up: 1, degraded: 2, timeout: 3, down: 4 };

export function availabilityState(point: LatencyPoint): AvailabilityState {
  const heartbeat: AvailabilityState =
    point.heartbeatAvailability === null ? 'unknown' : point.heartbeatAvailability >= 1 ? 'up' : point.heartbeatAvailability > 0 ? 'degraded' : 'down';
  const request: AvailabilityState = point.requestTimedOut ? 'timeout' : point.requestMs !== null ? 'up' : 'unknown';
  return SEVERITY[heartbeat] >= SEVERITY[request] ? heartbeat : request;
}

export interface AvailabilityCell {
  readonly t: number;
  readonly state: AvailabilityState;
  /** The point behind the cell; null where this broker has no point at a time its peers have. */
  readonly point: LatencyPoint | null;
}

export interface AvailabilityRow {
  readonly brokerId: number;
  readonly cells: readonly AvailabilityCell[];
}

/** One row per broker (by id), one cell per poll time any broker has, so the columns line up. */
export function availabilityGrid(series: readonly BrokerLatencySeries[]): { readonly times: readonly number[]; readonly rows: readonly AvailabilityRow[] } {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort((a, b) => a - b);
  const rows = [...series]
    .sort((a, b) => a.brokerId - b.brokerId)
    .map((s) => {
      const byTime = new Map(s.points.map((p) => [p.t, p]));
      return {
        brokerId: s.brokerId,
        cells: times.map((t) => {
          const point = byTime.get(t) ?? null;
          return { t, point, state: point === null ? ('unknown' as const) : availabilityState(point) };
        }),
      };
    });
  return { times, rows };
}
