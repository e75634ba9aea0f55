import { median } from './latency-stats';

/**
 * Knobs of the outlier rule. The rule is the modified z-score of Iglewicz and Hoaglin,
 * 0.6745 × (x − median) / MAD, where MAD is the median absolute deviation from the median: unlike
 * a mean and standard deviation, one very slow broker cannot drag the yardstick it is measured by.
 */
export interface OutlierOptions {
  /** Modified z-score above which a broker is an outlier; 3.5 is Iglewicz and Hoaglin's recommendation. */
  readonly zThreshold: number;
  /** Excess over the median below which nobody is flagged: 2 ms among 0.5 ms peers is not worth a page. */
  readonly minExcessMs: number;
  /** The broker must also be at least this many times the median. */
  readonly minRatio: number;
  /** MAD is raised to at least this, so identical peers (MAD 0) do not turn jitter into an infinite score. */
  readonly madFloorMs: number;
  /** With fewer brokers to compare there is no majority to deviate from, and nobody is judged. */
  readonly minBrokers: number;
}

export const DEFAULT_OUTLIER_OPTIONS: OutlierOptions = { zThreshold: 3.5, minExcessMs: 10, minRatio: 1.5, madFloorMs: 0.5, minBrokers: 3 };

export interface BrokerLatencyValue {
  readonly brokerId: number;
  /** A representative latency (e.g. the median of its recent samples); null when it only timed out. */
  readonly valueMs: number | null;
}

export interface OutlierVerdict {
  readonly brokerId: number;
  readonly valueMs: number | null;
  /** Modified z-score; null when the broker only timed out (infinitely slow) or nobody was judged. */
  readonly score: number | null;
  readonly outlier: boolean;
}

export interface OutlierResult {
  /** The peers' median; null when too few brokers were comparable or most of them timed out. */
  readonly medianMs: number | null;
  readonly madMs: number | null;
  readonly verdicts: readonly OutlierVerdict[];
}

const Z_CONSTANT = 0.6745;

/**
 * Flags the brokers far slower than their peers. Only the slow side is flagged: a broker faster
 * than the rest is not a problem to chase. A broker that only timed out is flagged as long as most
 * of its peers answered; when most time out, the cluster is slow as a whole and nobody stands out.
 */
export function latencyOutliers(values: readonly BrokerLatencyValue[], options: OutlierOptions = DEFAULT_OUTLIER_OPTIONS): OutlierResult {
  const unjudged = (): OutlierResult => ({
    medianMs: null,
    madMs: null,
    verdicts: values.map((v) => ({ brokerId: v.brokerId, valueMs: v.valueMs, score: null, outlier: false })),
  });
  if (values.length < options.minBrokers) return unjudged();
  const numbers = values.map((v) => v.valueMs ?? Number.POSITIVE_INFINITY);
  const mid = median(numbers);
  if (mid === null || !Number.isFinite(mid)) return unjudged();
  const mad = median(numbers.map((x) => Math.abs(x - mid))) ?? 0;
  const scale = Math.max(Number.isFinite(mad) ? mad : 0, options.madFloorMs);

  return {
    medianMs: mid,
    madMs: Number.isFinite(mad) ? mad : null,
    verdicts: values.map((v) => {
      if (v.valueMs === null) return { brokerId: v.brokerId, valueMs: null, score: null, outlier: true };
      const score = (Z_CONSTANT * (v.valueMs - mid)) / scale;
      const outlier =
        score > options.zThreshold && v.valueMs - mid >= options.minExcessMs && v.valueMs >= mid * options.minRatio;
      return { brokerId: v.brokerId, valueMs: v.valueMs, score, outlier };
    }),
  };
}
