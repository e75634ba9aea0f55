/** What a latency column or chart tooltip shows for one broker over a window of samples. */
export interface LatencySummary {
  /** The newest sample; null when that attempt failed or timed out. */
  readonly lastMs: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  /** Attempts in the window, failed ones included. */
  readonly samples: number;
  /** Attempts in the window that produced no number (failed or timed out). */
  readonly failures: number;
}

export const EMPTY_LATENCY_SUMMARY: LatencySummary = { lastMs: null, p50Ms: null, p99Ms: null, maxMs: null, samples: 0, failures: 0 };

/**
 * Nearest-rank percentile of values sorted ascending: always one of the measured values, never an
 * interpolation between two, so a p99 over 12 samples is honestly the slowest one.
 */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? null;
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? null;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Summarises samples in time order; null stands for an attempt that produced no number. */
export function summarizeLatency(samples: readonly (number | null)[]): LatencySummary {
  if (samples.length === 0) return EMPTY_LATENCY_SUMMARY;
  const numbers = samples.filter((s): s is number => s !== null).sort((a, b) => a - b);
  return {
    lastMs: samples[samples.length - 1] ?? null,
    p50Ms: percentileOfSorted(numbers, 50),
    p99Ms: percentileOfSorted(numbers, 99),
    maxMs: numbers.length === 0 ? null : (numbers[numbers.length - 1] ?? null),
    samples: samples.length,
    failures: samples.length - numbers.length,
  };
}
