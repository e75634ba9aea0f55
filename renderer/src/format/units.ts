const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${bytes < 0 ? '-' : ''}${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** Kafka's retention and timeouts: "7 d", "12 h", "30 min"; -1 means forever. */
export function formatDurationMs(ms: number): string {
  if (ms < 0) return 'forever';
  const units: readonly [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1_000, 's'],
  ];
  for (const [size, label] of units) {
    if (ms >= size) {
      const value = ms / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${label}`;
    }
  }
  return `${ms} ms`;
}

export function formatPercent(value: number | null, digits = 0): string {
  if (value === null) return '—';
  const rounded = value.toFixed(digits);
  return `${value > 0 && rounded !== (0).toFixed(digits) ? '+' : ''}${rounded} %`;
}

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(0)} %`;
}

// One formatter for every count: Number.prototype.toLocaleString builds a new one on each call,
// which made formatting the cells on screen the largest cost of re-sorting a table.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** Wall-clock time with seconds, in the user's zone: what an on-call engineer compares with logs. */
export function formatClock(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function formatAgo(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min ago`;
}

/** A latency in milliseconds: one decimal below 10 ms, whole numbers above; '—' when there is none. */
export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  return `${ms < 10 ? ms.toFixed(1) : COUNT_FORMAT.format(Math.round(ms))} ms`;
}

/** A 0–1 share as a percentage with one decimal (99.9 % is not 100 %); '—' when there is none. */
export function formatAvailability(share: number | null): string {
  if (share === null) return '—';
  return `${(Math.floor(share * 1000) / 10).toFixed(1)} %`;
}
