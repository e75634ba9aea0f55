import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/fetched';
import { snapshotToBytes } from '../../../shared/snapshot-wire';
import { demoSnapshot } from '../test/demo-snapshot';
import type { ClusterView } from './cluster-view';
import { workerEngineClient, type EngineClient } from './engine-client';
import { hostEngine, type EngineScope } from './engine-host';
import type { FromEngine, RowsQuery } from './engine-protocol';

const query: RowsQuery = { clusterKey: 'demo', source: { kind: 'cluster', scope: 'all' }, sort: { id: 'topic', desc: true }, filter: '', start: 0, end: 50 };
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

/** The page's client and the engine's host, joined by a real message channel (a worker's, in the app); `sent` is what the engine posted. */
function connected(): { client: EngineClient; views: ClusterView[]; sent: FromEngine[]; close: () => void } {
  const channel = new MessageChannel();
  const port = channel.port2;
  const sent: FromEngine[] = [];
  hostEngine({
    postMessage(message) {
      sent.push(message);
      port.postMessage(message);
    },
    get onmessage() {
      return port.onmessage as EngineScope['onmessage'];
    },
    set onmessage(handler) {
      port.onmessage = handler as typeof port.onmessage;
    },
  });
  const client = workerEngineClient(channel.port1 as unknown as Worker, null);
  const views: ClusterView[] = [];
  client.onView((view) => views.push(view));
  return { client, views, sent, close: () => channel.port1.close() };
}

describe('the engine client and its host', () => {
  let close = (): void => undefined;
  afterEach(() => {
    close();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('gives an open table its rows for a new poll with the view, without a round trip', async () => {
    const page = connected();
    close = page.close;
    // Opened before the first poll: nothing yet, and the engine now knows what the table shows.
    expect((await page.client.ask({ kind: 'rows', query })).version).toBeNull();
    page.client.pushSnapshot(demoSnapshot());
    while (page.views.length === 0) await tick();
    await tick();
    let answered = false;
    const asked = page.client.ask({ kind: 'rows', query }).then((answer) => {
      answered = true;
      return answer;
    });
    // Settled from the answer sent with the view: no message had to go to the engine and back.
    await Promise.resolve();
    await Promise.resolve();
    expect(answered).toBe(true);
    const answer = await asked;
    expect(answer.version).toBe(page.views[0]?.version);
    expect(answer.rows.map((r) => r.row.key)).toEqual(['payments/0', 'orders/0', 'orders/1', 'orders/2', 'audit/0']);
  });

  it('settles a request already on its way with the rows sent with the view, and answers others as before', async () => {
    const page = connected();
    close = page.close;
    await page.client.ask({ kind: 'rows', query });
    let inFlight: Promise<unknown> | null = null;
    page.client.onView(() => {
      inFlight = page.client.ask({ kind: 'rows', query });
    });
    page.client.pushSnapshot(demoSnapshot({ takenAt: 5_000 }));
    while (inFlight === null) await tick();
    expect(await inFlight).toMatchObject({ takenAt: 5_000, total: 5 });
    const other = await page.client.ask({ kind: 'rows', query: { ...query, sort: null, filter: 'orders' } });
    expect(other.rows.map((r) => r.row.key)).toEqual(['orders/0', 'orders/1', 'orders/2']);
  });

  it("sends a part of a view only when it changed since the cluster's previous view, and the page keeps the one it has", async () => {
    const page = connected();
    close = page.close;
    const partsSent = (): string[] => page.sent.flatMap((m) => (m.type === 'view-part' ? [m.part] : []));
    page.client.pushSnapshot(demoSnapshot({ takenAt: 1_000 }));
    while (page.views.length < 1) await tick();
    expect(partsSent()).toEqual(['topicRows/0', 'matrix', 'topicHeads']);

    // The same cluster polled again: nothing of it changed but the time, so no part travels.
    page.sent.length = 0;
    page.client.pushSnapshot(demoSnapshot({ takenAt: 2_000 }));
    while (page.views.length < 2) await tick();
    expect(partsSent()).toEqual([]);
    const [first, second] = page.views as [ClusterView, ClusterView];
    expect(second.snapshot.takenAt).toBe(2_000);
    expect(second.snapshot.topics).toBe(first.snapshot.topics);
    expect(second.matrix).toBe(first.matrix);
    expect(second.topicRows.every((row, i) => row === first.topicRows[i])).toBe(true);

    // A topic's retention changed: its heads and its slice of topic rows travel, the matrix does not.
    page.sent.length = 0;
    const base = demoSnapshot({ takenAt: 3_000 });
    const topics = base.topics.map((t) => (t.name === 'orders' && t.config.status === 'ok' ? { ...t, config: ok({ ...t.config.value, retentionMs: 3_600_000 }) } : t));
    page.client.pushSnapshot({ ...base, topics });
    while (page.views.length < 3) await tick();
    expect(partsSent()).toEqual(['topicRows/0', 'topicHeads']);
    const third = page.views[2] as ClusterView;
    expect(third.snapshot.topics.find((t) => t.name === 'orders')?.config).toMatchObject({ status: 'ok', value: { retentionMs: 3_600_000 } });
    expect(third.matrix).toBe(first.matrix);
  });

  it("reads a shown cluster's later views a frame at a time: each part the page uses, then the view, after a frame of its own", async () => {
    // A page that draws a frame only when the test says so.
    const frames: (() => void)[] = [];
    vi.stubGlobal('document', { hidden: false });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const drawFrame = async (): Promise<void> => {
      for (const callback of frames.splice(0)) callback();
      await tick();
    };
    const page = connected();
    close = page.close;
    // The first view of a cluster is shown as soon as it is read: the page has nothing to keep drawing.
    page.client.pushSnapshot(demoSnapshot({ takenAt: 1_000 }));
    while (page.views.length < 1) await tick();
    // The page shows the topics, as the topics tab does: it reads their rows and heads.
    expect(page.views[0]?.topicRows).toHaveLength(3);
    expect(page.views[0]?.snapshot.topics).toHaveLength(3);

    // A retention change: two parts travel, the topic rows and the topic heads.
    const base = demoSnapshot({ takenAt: 2_000 });
    const topics = base.topics.map((t) => (t.name === 'orders' && t.config.status === 'ok' ? { ...t, config: ok({ ...t.config.value, retentionMs: 60_000 }) } : t));
    page.client.pushSnapshot({ ...base, topics });
    while (!page.sent.some((m) => m.type === 'view' && m.version === 2)) await tick();
    await tick();
    let framesDrawn = 0;
    while (page.views.length < 2) {
      expect(framesDrawn).toBeLessThan(5);
      await drawFrame();
      framesDrawn += 1;
    }
    // A frame after the first part, another after the second, and the view follows.
    expect(framesDrawn).toBe(2);
    expect(page.views[1]?.snapshot.topics.find((t) => t.name === 'orders')?.config).toMatchObject({ value: { retentionMs: 60_000 } });
  });

  it('leaves the parts of a view the page does not read as text, and reads them when it does', async () => {
    vi.stubGlobal('document', { hidden: false });
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const parse = vi.spyOn(JSON, 'parse');
    const page = connected();
    close = page.close;
    const partTexts = (): string[] => page.sent.flatMap((m) => (m.type === 'view-part' ? [m.json] : []));
    const partsParsed = (): number => parse.mock.calls.filter(([text]) => partTexts().includes(text)).length;
    page.client.pushSnapshot(demoSnapshot({ takenAt: 1_000 }));
    while (page.views.length < 1) await tick();
    // A retention change, on a page that shows neither topics nor the matrix (the brokers tab, the partitions table).
    const base = demoSnapshot({ takenAt: 2_000 });
    const topics = base.topics.map((t) => (t.name === 'orders' && t.config.status === 'ok' ? { ...t, config: ok({ ...t.config.value, retentionMs: 60_000 }) } : t));
    page.client.pushSnapshot({ ...base, topics });
    // Shown without a frame drawn in between (the test draws none), and no part parsed.
    while (page.views.length < 2) await tick();
    expect(partTexts()).toHaveLength(5);
    expect(partsParsed()).toBe(0);
    expect(page.views[1]?.model.totals.partitions).toBe(5);

    // The user opens the topics tab: the latest parts are read then, once.
    const [, second] = page.views as [ClusterView, ClusterView];
    expect(second.topicRows.find((t) => t.name === 'orders')?.retentionMs).toEqual(ok(60_000));
    expect(second.topicRows).toBe(second.topicRows);
    expect(second.snapshot.topics.find((t) => t.name === 'orders')?.config).toMatchObject({ value: { retentionMs: 60_000 } });
    expect(second.matrix.brokerIds).toEqual([1, 2, 3, 4]);
    expect(partsParsed()).toBe(3);
    expect(second.matrix).toBe(second.matrix);
    expect(partsParsed()).toBe(3);
  });

  it('reads every view of a hidden page at once: it draws no frames to wait for', async () => {
    vi.stubGlobal('document', { hidden: true });
    vi.stubGlobal('requestAnimationFrame', () => {
      throw new Error('a hidden page draws no frames');
    });
    const page = connected();
    close = page.close;
    for (const takenAt of [1_000, 2_000, 3_000]) {
      const base = demoSnapshot({ takenAt });
      // Each poll changes a retention, so its parts travel.
      const topics = base.topics.map((t) => (t.name === 'orders' && t.config.status === 'ok' ? { ...t, config: ok({ ...t.config.value, retentionMs: takenAt }) } : t));
      page.client.pushSnapshot({ ...base, topics });
    }
    while (page.views.length < 3) await tick();
    expect(page.views.map((v) => v.snapshot.takenAt)).toEqual([1_000, 2_000, 3_000]);
  });

  it('takes a snapshot as the Electron bridge hands it over: bytes, read in the engine', async () => {
    const page = connected();
    close = page.close;
    const bytes = snapshotToBytes(demoSnapshot({ takenAt: 9_000 }));
    page.client.pushSnapshotBytes(bytes);
    // Handed over to the engine, not copied: the page's buffer is now empty.
    expect(bytes.byteLength).toBe(0);
    while (page.views.length === 0) await tick();
    expect(page.views[0]?.snapshot.takenAt).toBe(9_000);
    expect(page.views[0]?.model.totals).toMatchObject({ partitions: 5, offline: 1 });
    const rows = await page.client.ask({ kind: 'rows', query: { ...query, sort: null } });
    expect(rows.rows.map((r) => r.row.key)).toEqual(['orders/0', 'orders/1', 'orders/2', 'payments/0', 'audit/0']);
  });
});
