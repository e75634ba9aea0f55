export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  /** 0.2 spreads each delay over ±20 %, so many clients do not retry in lock-step. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, factor: 2, jitter: 0.2 };

/** Delay before the next attempt after `failures` consecutive failures (1 = the first failure). */
export function backoffDelay(failures: number, options: BackoffOptions, random: () => number): number {
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, failures - 1));
  const spread = base * options.jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(base + spread));
}
