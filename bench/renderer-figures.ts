import type { SyntheticClusterOptions } from '../shared/synthetic-snapshot';
import { percentile } from './machine';

/** What the renderer benchmark measures, and how it prints it beside the issue's targets. */
export interface Latency {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly runs: number;
  /** Median per case (a column and direction, a filter text), to see which one is slow. */
  readonly p50ByCaseMs?: Readonly<Record<string, number>>;
}

export interface FirstRender {
  /** Navigation start → first rows on screen: load, connect, receive, parse, derive, render. */
  readonly fromNavigationMs: number;
  /** The first poll's view reaching the page from the view engine → first rows on screen: render only. */
  readonly fromDataArrivalMs: number;
  /** With the data already in the page: the click that opens the table → rows on screen. */
  readonly fromClickMs: number;
}

export interface SnapshotLanding {
  /** Longest gap between animation frames from the push until the page settled, per push. */
  readonly longestFrameMs: Latency;
  /** Long tasks (> 50 ms) the browser reported in the same windows, longest first. */
  readonly longestTaskMs: number;
  readonly longTasksPerPush: number;
  /** The machine's CPU time taken by the hypervisor (steal) while the snapshots landed, in percent; null where not reported. */
  readonly cpuStolenPercent: number | null;
  /**
   * The browser's busiest threads over the pushes (each push and the 3 s after it), CPU ms per push,
   * by process type and thread name: idle, with the probe's animation frames, the renderer's main
   * thread, its compositor and the GPU process's display compositor use about 110, 80 and 70 ms per 3 s.
   */
  readonly busiestThreadsMsPerPush: Readonly<Record<string, number>>;
}

export interface RendererFigures {
  readonly input: SyntheticClusterOptions & { readonly topics: number; readonly snapshotMessageMiB: number };
  /** Views of the cluster a freshly loaded page received before it settled (one per snapshot the engine took). */
  readonly snapshotMessagesOnLoad: number;
  readonly topicsTable: FirstRender;
  readonly partitionsTable: FirstRender;
  readonly sort: { readonly topics: Latency; readonly partitions: Latency };
  readonly filter: { readonly topics: Latency; readonly partitions: Latency };
  /** The hypervisor's share of the CPU while each table's sorts and filters ran, in percent; null where not reported. */
  readonly sortAndFilterStolenPercent: { readonly topics: number | null; readonly partitions: number | null };
  /**
   * The two alternating clusters differ in every partition (a worst case); typical polls change what
   * a real cluster's poll changes (TYPICAL_POLL in renderer-benchmark.ts).
   */
  readonly snapshotLanding: { readonly topicsTab: SnapshotLanding; readonly partitionsTable: SnapshotLanding; readonly partitionsTableTypicalPolls: SnapshotLanding };
  /** One poll in the view engine worker, as it timed itself: derive and build the page's view (the message's JSON.parse comes before). */
  readonly engineMs: Latency;
  /** The page's JS heap, and the view engine worker's (null when the browser does not report it). */
  readonly heapMiB: { readonly afterLoad: number; readonly afterPushes: number; readonly afterPushesAndGc: number; readonly workerAfterPushesAndGc: number | null };
  /** The machine's CPU time taken by the hypervisor (steal) over the whole benchmark, in percent; null where not reported. */
  readonly cpuStolenPercent: number | null;
}

/** Percentiles of a set of timings, with the median per case when cases are named. */
export function latency(samples: readonly number[], cases?: readonly string[]): Latency {
  const figures = { p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples), runs: samples.length };
  if (cases === undefined) return figures;
  const byCase = new Map<string, number[]>();
  samples.forEach((sample, i) => {
    const name = cases[i] ?? '?';
    byCase.set(name, [...(byCase.get(name) ?? []), sample]);
  });
  return { ...figures, p50ByCaseMs: Object.fromEntries([...byCase].map(([name, values]) => [name, Math.round(percentile(values, 50))])) };
}

const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const stolen = (percent: number | null): string => (percent === null ? 'steal not reported' : `${percent}% of CPU time stolen by the hypervisor`);
const landing = (name: string, l: SnapshotLanding): string =>
  `${row(name, l.longestFrameMs)}; longest task ${ms(l.longestTaskMs)}; ${stolen(l.cpuStolenPercent)}` +
  `\n      CPU per push, busiest threads: ${Object.entries(l.busiestThreadsMsPerPush).map(([thread, value]) => `${thread} ${value} ms`).join('; ') || 'not reported'}`;
const row = (name: string, l: Latency): string =>
  `${name}: p50 ${ms(l.p50Ms)}, p95 ${ms(l.p95Ms)}, max ${ms(l.maxMs)} (${l.runs} runs)` +
  (l.p50ByCaseMs === undefined ? '' : `\n      p50 by case: ${Object.entries(l.p50ByCaseMs).map(([name, value]) => `${name}: ${value} ms`).join('; ')}`);

/** The figures as lines for stdout, each with the issue's target beside it. */
export function describeRendererFigures(f: RendererFigures): string[] {
  return [
    `renderer: ${f.input.brokers} brokers / ${f.input.topics} topics / ${f.input.partitions} partitions, ${f.input.snapshotMessageMiB} MiB per snapshot message, ${f.snapshotMessagesOnLoad} view(s) on page load`,
    `  first render, topics table (target < 300 ms): ${ms(f.topicsTable.fromDataArrivalMs)} from the view's arrival, ${ms(f.topicsTable.fromNavigationMs)} from navigation, ${ms(f.topicsTable.fromClickMs)} from tab click`,
    `  first render, partitions table (target < 300 ms): ${ms(f.partitionsTable.fromDataArrivalMs)} from the view's arrival, ${ms(f.partitionsTable.fromNavigationMs)} from navigation, ${ms(f.partitionsTable.fromClickMs)} from click`,
    `  ${row('sort, topics (target p95 < 50 ms)', f.sort.topics)}`,
    `  ${row('sort, partitions (target p95 < 50 ms)', f.sort.partitions)}`,
    `  ${row('filter, topics (target p95 < 50 ms)', f.filter.topics)}`,
    `  ${row('filter, partitions (target p95 < 50 ms)', f.filter.partitions)}`,
    `  while sorting and filtering: topics ${stolen(f.sortAndFilterStolenPercent.topics)}; partitions ${stolen(f.sortAndFilterStolenPercent.partitions)}`,
    `  ${landing('longest frame as a snapshot lands, topics tab (target < 50 ms)', f.snapshotLanding.topicsTab)}`,
    `  ${landing('longest frame as a snapshot lands, partitions table (target < 50 ms)', f.snapshotLanding.partitionsTable)}`,
    `  ${landing('longest frame as a typical poll lands, partitions table (target < 50 ms)', f.snapshotLanding.partitionsTableTypicalPolls)}`,
    `  ${row('one poll in the view engine worker, off the page (derive and view, after parsing)', f.engineMs)}`,
    `  machine during the benchmark: ${stolen(f.cpuStolenPercent)}`,
    `  page JS heap (target < 300 MB): ${f.heapMiB.afterLoad} MiB after load, ${f.heapMiB.afterPushes} MiB after pushes, ${f.heapMiB.afterPushesAndGc} MiB after GC; view engine worker JS heap after GC: ${f.heapMiB.workerAfterPushesAndGc === null ? 'not reported' : `${f.heapMiB.workerAfterPushesAndGc} MiB`}`,
  ];
}
