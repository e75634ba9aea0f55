/**
 * The built renderer in Chromium, served by the real web-mode server and ClusterService, fed a
 * generated 200-broker / 100,000-partition cluster (a benchmark input: see snapshot-feed.ts).
 * Measures what a user feels: first render of the big tables, sort and filter latency, the longest
 * frame while a new snapshot lands (one that changes every partition, and typical polls), and the
 * page's JS heap, with the share of CPU the hypervisor took meanwhile. Measures, never asserts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ClusterService } from '../electron/services/cluster-service';
import { startWebServer, type RunningWebServer } from '../electron/web/web-server';
import { parseProfiles } from '../shared/cluster-profile';
import type { ClusterSnapshot } from '../shared/cluster-snapshot';
import { snapshotToBytes } from '../shared/snapshot-wire';
import { laterPoll, syntheticCluster, type LaterPollOptions, type SyntheticClusterOptions } from '../shared/synthetic-snapshot';
import { cpuTimes, stolenPercent } from './machine';
import { installProbe, probeState, timeAction, usedHeapBytes, type PageAction, type PageCondition } from './page-probe';
import { latency, type FirstRender, type Latency, type RendererFigures } from './renderer-figures';
import { SnapshotFeed } from './snapshot-feed';
import { landUnmeasured, snapshotLanding, waitForProbe, withoutSamples } from './snapshot-landing';
import { workerHeapBytes } from './worker-heap';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-precise-memory-info',
];
const TOPIC_ROW = '[data-testid="topic-row"]';
const PARTITION_ROW = '[data-testid="partition-row"]';

export interface RendererBenchmarkOptions {
  readonly build?: boolean;
  readonly log?: (line: string) => void;
  readonly sortRuns?: number;
  readonly pushes?: number;
}

const SIZE: SyntheticClusterOptions = { brokers: 200, partitions: 100_000, partitionsPerTopic: 50, replicationFactor: 3, outOfSyncRatio: 0.01, seed: 42 };

/**
 * What a real cluster's poll changes, for the typical-poll landings: a fifth of the topics are being
 * written to (their offsets and sizes grow), and one partition in a thousand gains or loses a follower
 * from its ISR.
 */
const TYPICAL_POLL: Omit<LaterPollOptions, 'seed'> = { writtenTopicShare: 0.2, isrChangeShare: 0.001 };

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

async function act(page: Page, action: PageAction, until: PageCondition): Promise<number> {
  return page.evaluate(timeAction, { action, until, timeoutMs: 60_000 });
}

/** Page opened at `hash`, with the probe watching for the given rows. */
async function openPage(browser: Browser, url: string, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx (esbuild keepNames) wraps functions in __name(); code sent to the page needs it defined.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await context.addInitScript(installProbe, [TOPIC_ROW, PARTITION_ROW]);
  const page = await context.newPage();
  await page.goto(`${url}${hash}`);
  return page;
}

/** First render of a table opened by URL, then again by a click with the data already in the page. */
async function firstRender(browser: Browser, url: string, hash: string, rowSelector: string, reopen: { away: string; open: string }): Promise<{ figures: FirstRender; page: Page; messages: number }> {
  const page = await openPage(browser, url, hash);
  const state = await waitForProbe(page, (s) => s.firstSeen[rowSelector] !== undefined);
  const seen = state.firstSeen[rowSelector] as number;
  const arrival = state.arrivals[0]?.t ?? Number.NaN;
  // Let a second view (if any) land before counting and clicking.
  await page.waitForTimeout(3_000);
  const messages = (await page.evaluate(probeState)).arrivals.length;

  await page.click(reopen.away);
  await page.waitForSelector(rowSelector, { state: 'detached' });
  const fromClickMs = await act(page, { kind: 'click', selector: reopen.open }, { selector: rowSelector, attribute: 'data-testid', value: rowSelector.replace(/^\[data-testid="(.*)"\]$/, '$1') });
  return { figures: { fromNavigationMs: seen, fromDataArrivalMs: seen - arrival, fromClickMs }, page, messages };
}

/** Clicks headers in turn; each click must show the header's new aria-sort. */
async function sortLatency(page: Page, table: string, columns: readonly string[], runs: number): Promise<Latency> {
  const samples: number[] = [];
  const cases: string[] = [];
  for (let i = 0; i < runs; i += 1) {
    const column = columns[i % columns.length] as string;
    const header = `[data-table-id="${table}"] [data-testid="col-${column}"]`;
    const expected = await expectedSortAfterClick(page, header);
    samples.push(await act(page, { kind: 'click', selector: `${header} button` }, { selector: header, attribute: 'aria-sort', value: expected }));
    cases.push(`${column} ${expected}`);
  }
  return latency(samples, cases);
}

/**
 * What aria-sort a click will produce: found once per column by clicking through its cycle
 * (cached), since numeric columns start descending and text columns ascending.
 */
const sortCycles = new Map<string, string[]>();
async function expectedSortAfterClick(page: Page, header: string): Promise<string> {
  let cycle = sortCycles.get(header);
  if (cycle === undefined) {
    cycle = [];
    const start = (await page.getAttribute(header, 'aria-sort')) ?? 'none';
    let current = start;
    do {
      await page.click(`${header} button`);
      await page.waitForFunction(
        ({ h, c }) => (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document.querySelector(h)?.getAttribute('aria-sort') !== c,
        { h: header, c: current },
        { timeout: 60_000 },
      );
      const next = (await page.getAttribute(header, 'aria-sort')) ?? 'none';
      cycle.push(`${current}>${next}`);
      current = next;
    } while (current !== start && cycle.length < 4);
    sortCycles.set(header, cycle);
  }
  const now = (await page.getAttribute(header, 'aria-sort')) ?? 'none';
  const step = cycle.find((s) => s.startsWith(`${now}>`));
  if (step === undefined) throw new Error(`no sort step from ${now} for ${header}`);
  return step.slice(step.indexOf('>') + 1);
}

/** Drops any sort by rewriting the URL hash, as a pasted link would, so filters are timed unsorted. */
async function clearSort(page: Page, hash: string, table: string, column: string): Promise<void> {
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
  await page.waitForSelector(`[data-table-id="${table}"] [data-testid="col-${column}"][aria-sort="none"]`, { timeout: 60_000 });
}

/**
 * Types each query into the filter a key at a time, then clears it, as a person does: every
 * keystroke is a filter not typed before (most narrow the one before). A keystroke's time runs
 * until the frame showing the rows for its text has been painted (the row count says which filter
 * it counts, `data-filter`); each query's last keystroke must show the rows it keeps on the
 * generated data.
 */
async function filterLatency(page: Page, table: string, queries: readonly { text: string; rows: number }[]): Promise<Latency> {
  const samples: number[] = [];
  const cases: string[] = [];
  const input = `[data-table-id="${table}"] [data-testid="table-filter"]`;
  const count = `[data-table-id="${table}"] [data-testid="row-count"]`;
  const type = async (text: string, label: string): Promise<void> => {
    samples.push(await act(page, { kind: 'type', selector: input, text }, { selector: count, attribute: 'data-filter', value: text }));
    cases.push(label);
  };
  for (const query of queries) {
    for (let length = 1; length <= query.text.length; length += 1) await type(query.text.slice(0, length), `typing ${query.text}`);
    const shown = await page.getAttribute(count, 'data-shown');
    if (shown !== String(query.rows)) throw new Error(`renderer benchmark: ${table} filtered by ${query.text} shows ${shown} rows, not ${query.rows}`);
    await type('', 'clearing');
  }
  return latency(samples, cases);
}

/** What the benchmark types into the tables' filters: three substrings and a regular expression. */
const TYPED_QUERIES = ['topic-0004', 'topic-0123', '/^topic-0001[0-9]$/', 'topic-01077'];

/**
 * Rows a query keeps on the generated cluster. It can only match topic names: partition numbers
 * never contain "topic", and the generated partitions have no errors.
 */
function topicsMatching(snapshot: ClusterSnapshot, query: string): { topics: number; partitions: number } {
  const pattern = /^\/(.*)\/$/.exec(query);
  const test = pattern ? (name: string) => new RegExp(pattern[1] as string).test(name) : (name: string) => name.includes(query);
  const matching = snapshot.topics.filter((t) => test(t.name));
  return { topics: matching.length, partitions: matching.reduce((sum, t) => sum + t.partitions.length, 0) };
}

export async function benchmarkRenderer(options: RendererBenchmarkOptions = {}): Promise<RendererFigures> {
  const log = options.log ?? ((): void => undefined);
  if (options.build !== false || !existsSync(resolve(ROOT, 'dist/renderer/index.html'))) {
    log('building the renderer…');
    execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }

  log(`generating ${SIZE.brokers} brokers / ${SIZE.partitions} partitions…`);
  // Two variants with different ISR damage, so each push changes rows the way a real poll does.
  const variants = [syntheticCluster(SIZE), syntheticCluster({ ...SIZE, seed: SIZE.seed + 1 })];
  const first = variants[0] as ClusterSnapshot;
  // As the web server sends it: one binary message (snapshot-wire.ts).
  const messageBytes = snapshotToBytes(first).byteLength;

  const feed = new SnapshotFeed(variants);
  const cpuAtStart = cpuTimes();
  const profiles = parseProfiles({ clusters: [{ name: first.profileName, bootstrap: 'synthetic.invalid:9092', pollIntervalMs: 1_000 }] }, 'the renderer benchmark');
  const service = new ClusterService(profiles, () => feed);
  let server: RunningWebServer | null = null;
  let browser: Browser | null = null;
  try {
    service.start();
    server = await startWebServer({ service, staticDir: resolve(ROOT, 'dist/renderer') });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

    log('first render of the topics table…');
    const topics = await firstRender(browser, server.url, '#/topics', TOPIC_ROW, { away: '[data-testid="tab-cluster"]', open: '[data-testid="tab-topics"]' });
    const heapAfterLoad = await topics.page.evaluate(usedHeapBytes);

    log('sort and filter on the topics table…');
    const topicQueries = TYPED_QUERIES.map((text) => ({ text, rows: topicsMatching(first, text).topics }));
    const topicsActionsFrom = cpuTimes();
    const sortTopics = await sortLatency(topics.page, 'topics', ['partitions', 'name', 'underReplicated'], options.sortRuns ?? 30);
    await clearSort(topics.page, '#/topics', 'topics', 'partitions');
    const filterTopics = await filterLatency(topics.page, 'topics', topicQueries);
    const topicsActionsStolen = stolenPercent(topicsActionsFrom, cpuTimes());
    await topics.page.fill('[data-table-id="topics"] [data-testid="table-filter"]', '');
    log('new snapshots landing on the topics tab…');
    const landingTopics = await snapshotLanding(topics.page, feed, options.pushes ?? 5);
    await topics.page.context().close();

    log('first render of the 100,000-row partitions table…');
    const partitions = await firstRender(browser, server.url, '#/topics?parts=all', PARTITION_ROW, {
      away: '[data-testid="back-to-topics"]',
      open: '[data-testid="all-partitions"]',
    });
    log('sort and filter on the partitions table…');
    const partitionQueries = TYPED_QUERIES.map((text) => ({ text, rows: topicsMatching(first, text).partitions }));
    const partitionsActionsFrom = cpuTimes();
    const sortPartitions = await sortLatency(partitions.page, 'cluster-partitions', ['partition', 'topic', 'highWatermark'], options.sortRuns ?? 30);
    await clearSort(partitions.page, '#/topics?parts=all', 'cluster-partitions', 'partition');
    const filterPartitions = await filterLatency(partitions.page, 'cluster-partitions', partitionQueries);
    const partitionsActionsStolen = stolenPercent(partitionsActionsFrom, cpuTimes());
    await partitions.page.fill('[data-table-id="cluster-partitions"] [data-testid="table-filter"]', '');
    log('new snapshots landing under the partitions table…');
    const landingPartitions = await snapshotLanding(partitions.page, feed, options.pushes ?? 5);
    const heapAfterPushes = await partitions.page.evaluate(usedHeapBytes);
    const cdp = await partitions.page.context().newCDPSession(partitions.page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await partitions.page.evaluate(usedHeapBytes);

    const workerHeap = await workerHeapBytes(browser);

    log('typical polls landing under the partitions table…');
    const pushes = options.pushes ?? 5;
    const typical: ClusterSnapshot[] = [first];
    for (let i = 0; i <= pushes; i += 1) typical.push(laterPoll(typical[typical.length - 1] as ClusterSnapshot, { ...TYPICAL_POLL, seed: SIZE.seed + 100 + i }));
    feed.useVariants(typical.slice(1));
    // The first replaces the alternating variant the page shows, so it changes everything: not measured.
    await landUnmeasured(partitions.page, feed);
    const landingTypical = await snapshotLanding(partitions.page, feed, pushes);
    await partitions.page.context().close();

    const engine = latency(landingTopics.engineMs.concat(landingPartitions.engineMs));

    return {
      input: { ...SIZE, topics: first.topics.length, snapshotMessageMiB: mib(messageBytes) },
      snapshotMessagesOnLoad: Math.max(topics.messages, partitions.messages),
      topicsTable: topics.figures,
      partitionsTable: partitions.figures,
      sort: { topics: sortTopics, partitions: sortPartitions },
      filter: { topics: filterTopics, partitions: filterPartitions },
      sortAndFilterStolenPercent: { topics: topicsActionsStolen, partitions: partitionsActionsStolen },
      snapshotLanding: { topicsTab: withoutSamples(landingTopics), partitionsTable: withoutSamples(landingPartitions), partitionsTableTypicalPolls: withoutSamples(landingTypical) },
      engineMs: engine,
      heapMiB: { afterLoad: mib(heapAfterLoad), afterPushes: mib(heapAfterPushes), afterPushesAndGc: mib(heapAfterGc), workerAfterPushesAndGc: workerHeap === null ? null : mib(workerHeap) },
      cpuStolenPercent: stolenPercent(cpuAtStart, cpuTimes()),
    };
  } finally {
    await browser?.close();
    await server?.close();
    await feed.close();
    await service.stop();
  }
}
