import { describe, expect, it } from 'vitest';
import { median, percentileOfSorted, summarizeLatency } from './latency-stats';

describe('latency statistics', () => {
  it('takes nearest-rank percentiles, always a measured value', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileOfSorted(sorted, 50)).toBe(50);
    expect(percentileOfSorted(sorted, 99)).toBe(99);
    expect(percentileOfSorted([3, 9], 50)).toBe(3);
    expect(percentileOfSorted([3, 9], 99)).toBe(9);
    expect(percentileOfSorted([], 50)).toBeNull();
  });

  it('finds the median of odd and even counts without sorting the input in place', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('summarises a window with failures kept apart from the numbers', () => {
    const summary = summarizeLatency([2, 4, null, 3, 100, null]);
    expect(summary).toEqual({ lastMs: null, p50Ms: 3, p99Ms: 100, maxMs: 100, samples: 6, failures: 2 });
    expect(summarizeLatency([])).toMatchObject({ samples: 0, p50Ms: null });
    expect(summarizeLatency([null])).toMatchObject({ samples: 1, failures: 1, p50Ms: null, maxMs: null });
  });
});
