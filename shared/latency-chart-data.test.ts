import { describe, expect, it } from 'vitest';
import type { LatencyPoint } from './broker-health';
import { availabilityGrid, availabilityState, latencyChartRows, seriesHasValues } from './latency-chart-data';

const point = (t: number, requestMs: number | null, overrides: Partial<LatencyPoint> = {}): LatencyPoint => ({
  t,
  requestMs,
  requestTimedOut: false,
  heartbeatAckMs: null,
  heartbeatEndToEndMs: null,
  heartbeatAvailability: null,
  ...overrides,
});

describe('latency chart rows', () => {
  it('aligns brokers by poll time and gives the median and p99 across brokers', () => {
    const rows = latencyChartRows(
      [
        { brokerId: 1, points: [point(2000, 4), point(1000, 2)] },
        { brokerId: 2, points: [point(1000, 4), point(2000, null)] },
        { brokerId: 3, points: [point(1000, 30)] },
      ],
      (p) => p.requestMs,
    );
    expect(rows.map((r) => r.t)).toEqual([1000, 2000]);
    expect(rows[0]).toEqual({ t: 1000, values: { 1: 2, 2: 4, 3: 30 }, median: 4, p99: 30 });
    // Only one broker answered at 2000: no band, and the failed one stays null rather than 0.
    expect(rows[1]).toEqual({ t: 2000, values: { 1: 4, 2: null }, median: null, p99: null });
  });

  it('tells whether a metric has any value', () => {
    const series = [{ brokerId: 1, points: [point(1, 3)] }];
    expect(seriesHasValues(series, (p) => p.requestMs)).toBe(true);
    expect(seriesHasValues(series, (p) => p.heartbeatAckMs)).toBe(false);
  });
});

describe('availability state', () => {
  it('takes the worse of heartbeat and request probe', () => {
    expect(availabilityState(point(1, 3))).toBe('up');
    expect(availabilityState(point(1, null))).toBe('unknown');
    expect(availabilityState(point(1, null, { requestTimedOut: true }))).toBe('timeout');
    expect(availabilityState(point(1, 3, { heartbeatAvailability: 0.5 }))).toBe('degraded');
    expect(availabilityState(point(1, null, { requestTimedOut: true, heartbeatAvailability: 0 }))).toBe('down');
    expect(availabilityState(point(1, null, { requestTimedOut: true, heartbeatAvailability: 1 }))).toBe('timeout');
  });
});

describe('availability grid', () => {
  it('lines brokers up on every poll time, unknown where a broker has no point', () => {
    const grid = availabilityGrid([
      { brokerId: 2, points: [point(200, null, { requestTimedOut: true })] },
      { brokerId: 1, points: [point(100, 3), point(200, 4)] },
    ]);
    expect(grid.times).toEqual([100, 200]);
    expect(grid.rows.map((r) => [r.brokerId, r.cells.map((c) => c.state)])).toEqual([
      [1, ['up', 'up']],
      [2, ['unknown', 'timeout']],
    ]);
  });
});
