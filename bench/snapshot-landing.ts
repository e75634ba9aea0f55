/**
 * How the renderer benchmark watches new snapshots land: it pushes them through the feed and reads
 * the page's probe (page-probe.ts) from Node.
 */
import type { Page } from 'playwright-core';
import { busiestThreads, cpuTimes, descendantThreadCpu, stolenPercent } from './machine';
import { probeState, startFrames, stopFrames } from './page-probe';
import { latency, type SnapshotLanding } from './renderer-figures';
import type { SnapshotFeed } from './snapshot-feed';

/** Waits until `predicate` holds for the page's probe state, polling from Node. */
export async function waitForProbe(page: Page, predicate: (state: Awaited<ReturnType<typeof probeState>>) => boolean, timeoutMs = 120_000): Promise<Awaited<ReturnType<typeof probeState>>> {
  const start = Date.now();
  for (;;) {
    const state = await page.evaluate(probeState);
    if (predicate(state)) return state;
    if (Date.now() - start > timeoutMs) throw new Error(`renderer benchmark: probe condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Pushes fresh snapshots and records the frames from each push until the page has settled. */
export async function snapshotLanding(page: Page, feed: SnapshotFeed, pushes: number): Promise<SnapshotLanding & { engineMs: number[] }> {
  const longestFrames: number[] = [];
  const engineMs: number[] = [];
  let longestTask = 0;
  let longTasks = 0;
  const cpuAtStart = cpuTimes();
  const threadsAtStart = descendantThreadCpu();
  for (let i = 0; i < pushes; i += 1) {
    await page.evaluate(startFrames);
    const before = await landUnmeasured(page, feed);
    const gaps = await page.evaluate(stopFrames);
    longestFrames.push(Math.max(...gaps));
    const after = await page.evaluate(probeState);
    for (const arrival of after.arrivals.slice(before.arrivals.length)) engineMs.push(arrival.engineMs);
    const windowStart = before.now;
    const tasks = after.longTasks.filter((t) => t.start >= windowStart);
    longTasks += tasks.length;
    for (const t of tasks) longestTask = Math.max(longestTask, t.duration);
  }
  return {
    longestFrameMs: latency(longestFrames),
    longestTaskMs: longestTask,
    longTasksPerPush: longTasks / pushes,
    cpuStolenPercent: stolenPercent(cpuAtStart, cpuTimes()),
    busiestThreadsMsPerPush: busiestThreads(threadsAtStart, descendantThreadCpu(), pushes),
    engineMs,
  };
}

/** Pushes one snapshot and waits until the page has taken it and settled; returns the probe's state from before the push. */
export async function landUnmeasured(page: Page, feed: SnapshotFeed): Promise<Awaited<ReturnType<typeof probeState>>> {
  const before = await page.evaluate(probeState);
  feed.push();
  await waitForProbe(page, (s) => s.arrivals.length > before.arrivals.length);
  // Parsing, deriving and rendering follow the arrival; three idle seconds cover them on this machine.
  await page.waitForTimeout(3_000);
  return before;
}

export const withoutSamples = ({ engineMs: _samples, ...landing }: SnapshotLanding & { engineMs: number[] }): SnapshotLanding => landing;
