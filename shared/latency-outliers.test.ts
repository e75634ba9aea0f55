import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTLIER_OPTIONS, latencyOutliers, type BrokerLatencyValue } from './latency-outliers';

const values = (...ms: (number | null)[]): BrokerLatencyValue[] => ms.map((valueMs, i) => ({ brokerId: i + 1, valueMs }));
const flagged = (ms: (number | null)[], options = DEFAULT_OUTLIER_OPTIONS): number[] =>
  latencyOutliers(values(...ms), options).verdicts.filter((v) => v.outlier).map((v) => v.brokerId);

describe('latencyOutliers (median absolute deviation)', () => {
  it('flags the one broker far above its peers, and only it', () => {
    expect(flagged([1.1, 0.9, 401])).toEqual([3]);
    const result = latencyOutliers(values(1.1, 0.9, 401));
    expect(result.medianMs).toBe(1.1);
    expect(result.verdicts[2]?.score).toBeGreaterThan(100);
    expect(result.verdicts[0]?.score).toBeLessThan(1);
  });

  it('is not dragged by the outlier the way a mean and standard deviation would be', () => {
    // 12 brokers at ~5 ms, one at 60 ms: a mean + 2σ rule would sit near 36 ms; the median stays at 5.
    const ms = [5, 5.2, 4.8, 5.1, 4.9, 5, 5.3, 4.7, 5, 5.1, 4.9, 60];
    expect(flagged(ms)).toEqual([12]);
  });

  it('flags nobody when every broker is about as fast, whatever the jitter', () => {
    expect(flagged([0.31, 0.3, 0.9])).toEqual([]); // excess under minExcessMs
    expect(flagged([20, 21, 22, 23, 24, 25])).toEqual([]);
    expect(flagged([5, 5, 5, 5])).toEqual([]);
  });

  it('needs both the score and the absolute excess and the ratio', () => {
    const strict = { ...DEFAULT_OUTLIER_OPTIONS, minExcessMs: 0, minRatio: 1 };
    expect(flagged([0.3, 0.3, 0.3, 3], strict)).toEqual([4]);
    expect(flagged([0.3, 0.3, 0.3, 3])).toEqual([]);
    expect(flagged([100, 101, 99, 130])).toEqual([]); // 30 ms above, but only 1.3 × the median
    expect(flagged([100, 101, 99, 130], { ...DEFAULT_OUTLIER_OPTIONS, minRatio: 1.2 })).toEqual([4]);
  });

  it('judges nobody with fewer brokers than the minimum', () => {
    expect(flagged([1, 500])).toEqual([]);
    expect(latencyOutliers(values(1, 500)).medianMs).toBeNull();
    expect(flagged([1, 500], { ...DEFAULT_OUTLIER_OPTIONS, minBrokers: 2 })).toEqual([]); // the median of two is their mean
  });

  it('flags a broker that only timed out while its peers answered, but not a cluster that is slow as a whole', () => {
    expect(flagged([2, 3, null])).toEqual([3]);
    expect(latencyOutliers(values(2, 3, null)).verdicts[2]).toMatchObject({ score: null, outlier: true });
    expect(flagged([2, null, null])).toEqual([]);
  });

  it('never flags the fast side', () => {
    expect(flagged([50, 52, 51, 1])).toEqual([]);
  });
});
