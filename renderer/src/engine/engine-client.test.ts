import { afterEach, describe, expect, it } from 'vitest';
import { snapshotToBytes } from '../../../shared/snapshot-wire';
import { demoSnapshot } from '../test/demo-snapshot';
import type { ClusterView } from './cluster-view';
import { workerEngineClient, type EngineClient } from './engine-client';
import { hostEngine, type EngineScope } from './engine-host';
import type { RowsQuery } from './engine-protocol';

const query: RowsQuery = { clusterKey: 'demo', source: { kind: 'cluster', scope: 'all' }, sort: { id: 'topic', desc: true }, filter: '', start: 0, end: 50 };
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

/** The page's client and the engine's host, joined by a real message channel (a worker's, in the app). */
function connected(): { client: EngineClient; views: ClusterView[]; close: () => void } {
  const channel = new MessageChannel();
  hostEngine(channel.port2 as unknown as EngineScope);
  const client = workerEngineClient(channel.port1 as unknown as Worker, null);
  const views: ClusterView[] = [];
  client.onView((view) => views.push(view));
  return { client, views, close: () => channel.port1.close() };
}

describe('the engine client and its host', () => {
  let close = (): void => undefined;
  afterEach(() => close());

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
