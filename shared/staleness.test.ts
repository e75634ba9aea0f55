import { describe, expect, it } from 'vitest';
import { isStale } from './staleness';

describe('isStale', () => {
  const status = { lastSuccessAt: 10_000, intervalMs: 5_000 };

  it('is fresh up to three poll intervals after the last success', () => {
    expect(isStale(status, 10_000)).toBe(false);
    expect(isStale(status, 25_000)).toBe(false);
  });

  it('turns stale once three intervals have passed without a success', () => {
    expect(isStale(status, 25_001)).toBe(true);
  });

  it('takes the number of intervals as a parameter', () => {
    expect(isStale(status, 16_000, 1)).toBe(true);
  });

  it('does not call a never-polled cluster stale', () => {
    expect(isStale({ lastSuccessAt: null, intervalMs: 5_000 }, 1e12)).toBe(false);
  });
});
