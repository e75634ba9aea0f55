import { describe, expect, it } from 'vitest';
import { TimedSamples } from './timed-samples';

describe('TimedSamples', () => {
  it('returns the values taken after a cutoff, oldest first', () => {
    const samples = new TimedSamples(8);
    for (let t = 1; t <= 5; t += 1) samples.push(t * 1_000, t * 10);
    expect(samples.valuesSince(2_500)).toEqual([30, 40, 50]);
    expect(samples.valuesSince(0)).toEqual([10, 20, 30, 40, 50]);
    expect(samples.valuesSince(5_000)).toEqual([]);
  });

  it('keeps only the newest samples once full', () => {
    const samples = new TimedSamples(3);
    for (let t = 1; t <= 1_000; t += 1) samples.push(t, t);
    expect(samples.size).toBe(3);
    expect(samples.valuesSince(0)).toEqual([998, 999, 1_000]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new TimedSamples(0)).toThrow(/positive integer/);
  });
});
