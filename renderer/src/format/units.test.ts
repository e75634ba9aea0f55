import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatDurationMs, formatPercent } from './units';

describe('units', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10.0 GiB');
  });

  it('formats retention, with -1 as forever', () => {
    expect(formatDurationMs(604_800_000)).toBe('7 d');
    expect(formatDurationMs(5_400_000)).toBe('1.5 h');
    expect(formatDurationMs(-1)).toBe('forever');
  });

  it('signs positive skew and dashes an unjudged one', () => {
    expect(formatPercent(12.4)).toBe('+12 %');
    expect(formatPercent(-3)).toBe('-3 %');
    expect(formatPercent(0.2)).toBe('0 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('says how long ago', () => {
    expect(formatAgo(0, 42_000)).toBe('42 s ago');
    expect(formatAgo(0, 3_720_000)).toBe('1 h 2 min ago');
  });
});
