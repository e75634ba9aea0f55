import { readFileSync, readdirSync } from 'node:fs';
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

/** CPU time per thread of the processes started from this one, by process type and thread name, in ms. */
export type ThreadCpu = ReadonlyMap<string, number>;

/** Linux's clock tick for /proc times (USER_HZ): 100 on every architecture Node runs on. */
const MS_PER_TICK = 10;

/** After the command name: state, ppid, …; utime and stime are the 12th and 13th fields from there. */
function statFields(text: string): { name: string; fields: string[] } {
  return { name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), fields: text.slice(text.lastIndexOf(')') + 2).split(' ') };
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/**
 * Every thread's CPU time so far in the processes descended from this one (the browser the
 * benchmark launched), keyed `process type: thread name` (Chromium's `--type=`, or `browser`), from
 * /proc; empty where there is no /proc.
 */
export function descendantThreadCpu(): ThreadCpu {
  const parents = new Map<number, number>();
  for (const entry of safeList('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readOr(`/proc/${pid}/stat`, '');
    if (stat !== '') parents.set(pid, Number(statFields(stat).fields[1]));
  }
  const ours = new Set<number>([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!ours.has(pid) && ours.has(parent)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  ours.delete(process.pid);
  const times = new Map<string, number>();
  for (const pid of ours) {
    const type = /--type=(\S+)/.exec(readOr(`/proc/${pid}/cmdline`, '').replace(/\0/g, ' '))?.[1] ?? 'browser';
    for (const task of safeList(`/proc/${pid}/task`)) {
      const stat = readOr(`/proc/${pid}/task/${task}/stat`, '');
      if (stat === '') continue;
      const { name, fields } = statFields(stat);
      const key = `${type}: ${name}`;
      times.set(key, (times.get(key) ?? 0) + (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK);
    }
  }
  return times;
}

function safeList(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** The threads that used the most CPU between two readings, per push, in ms, busiest first. */
export function busiestThreads(from: ThreadCpu, to: ThreadCpu, pushes: number, top = 6): Record<string, number> {
  const used = [...to].map(([key, ms]) => [key, (ms - (from.get(key) ?? 0)) / pushes] as const);
  return Object.fromEntries(used.sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, ms]) => [key, Math.round(ms)]));
}
