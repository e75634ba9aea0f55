import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** What the figures were measured on: they mean nothing without it. */
export function machineDescription(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** The machine's CPU time so far, all cores, in clock ticks: the part the hypervisor took (steal) and all of it. */
export interface CpuTimes {
  readonly steal: number;
  readonly total: number;
}

/** From /proc/stat; null where the system does not report it. */
export function cpuTimes(): CpuTimes | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    if (fields.length < 8 || fields.some((f) => !Number.isFinite(f))) return null;
    return { steal: fields[7] as number, total: fields.reduce((sum, f) => sum + f, 0) };
  } catch {
    return null;
  }
}

/**
 * The share of the machine's CPU time between two readings that the hypervisor gave to other
 * guests (steal), in percent: a virtual machine's figures are only comparable at similar steal.
 */
export function stolenPercent(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (from === null || to === null || to.total <= from.total) return null;
  return Math.round(((to.steal - from.steal) / (to.total - from.total)) * 1000) / 10;
}
