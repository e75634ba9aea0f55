import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { syntheticCluster } from '../../../shared/synthetic-snapshot';
import { CLUSTER_PARTITION_FIELDS } from '../views/topics/partition-fields';
import { PAGE_SORTS_UP_TO, type RowsQuery } from './engine-protocol';
import { PageRows } from './page-rows';
import { ViewEngine } from './view-engine';

const SIZE = { brokers: 9, partitions: PAGE_SORTS_UP_TO + 1_000, partitionsPerTopic: 60, replicationFactor: 3, outOfSyncRatio: 0.05, seed: 21 };
const all = (overrides: Partial<RowsQuery> = {}): RowsQuery => ({ clusterKey: 'synthetic', source: { kind: 'cluster', scope: 'all' }, sort: null, filter: '', start: 0, end: 60, ...overrides });

/**
 * The engine and a page fed what the engine's host sends it: views, packs, and orders ahead. The
 * tables in `open` ask again after each view, as open tables do.
 */
function engineAndPage(open: readonly RowsQuery[] = []): { engine: ViewEngine; page: PageRows; poll: (snapshot: ClusterSnapshot) => void; sortAhead: () => void } {
  const engine = new ViewEngine();
  const page = new PageRows();
  const poll = (snapshot: ClusterSnapshot): void => {
    const view = engine.applySnapshot(snapshot);
    if (view === null) return;
    page.takeView(view);
    engine.answersAhead(snapshot.clusterKey);
    for (const q of open) engine.stand(q);
    const pack = engine.packToSend(snapshot.clusterKey);
    if (pack !== null) page.takePack(structuredClone(pack));
  };
  const sortAhead = (): void => {
    for (const job of engine.ordersAhead('synthetic')) {
      const order = job();
      if (order !== null) page.takeOrder({ ...order, order: order.order.slice() });
    }
  };
  return { engine, page, poll, sortAhead };
}

/** A poll that heals some partitions and damages others, so rows change between polls. */
function nextPoll(snapshot: ClusterSnapshot, takenAt: number): ClusterSnapshot {
  return {
    ...snapshot,
    takenAt,
    topics: snapshot.topics.map((topic, t) => ({
      ...topic,
      partitions: topic.partitions.map((p) => (p.partition % 9 === t % 4 ? { ...p, isr: p.isr.length === p.replicas.length ? p.replicas.slice(0, 1) : p.replicas } : p)),
    })),
  };
}

describe('PageRows', () => {
  const snapshot = syntheticCluster(SIZE);
  const topic = snapshot.topics[7]?.name ?? '';

  it('answers nothing until the engine sends the partitions of a table it was asked for', () => {
    const { engine, page, poll } = engineAndPage();
    poll(snapshot);
    expect(page.answer(all())).toBeNull();
    engine.answer({ kind: 'rows', query: all() });
    poll(nextPoll(snapshot, 1));
    expect(page.answer(all())).not.toBeNull();
    // Scoped lists and heatmap cells stay with the engine.
    expect(page.answer(all({ source: { kind: 'cluster', scope: 'under-replicated' } }))).toBeNull();
    expect(page.answer(all({ source: { kind: 'cell', leader: 1, follower: 2 } }))).toBeNull();
  });

  it('answers exactly as the engine does: windows, filters, a topic, a topic that is gone, and what changed', () => {
    const { engine, page, poll } = engineAndPage([all()]);
    poll(snapshot);
    poll(nextPoll(snapshot, 1));
    const queries = [
      all(),
      all({ start: 3_000, end: 3_080 }),
      all({ filter: topic }),
      all({ filter: '/^topic-0000[0-3]$/', start: 100, end: 160 }),
      all({ source: { kind: 'topic', topic }, sort: { id: 'highWatermark', desc: true } }),
      all({ source: { kind: 'topic', topic }, filter: '1' }),
      all({ source: { kind: 'topic', topic: 'gone' } }),
    ];
    for (const q of queries) expect(page.answer(q)).toEqual(engine.answer({ kind: 'rows', query: q }));
    expect(page.answer(all())?.rows.some((r) => r.changed)).toBe(true);
  });

  it('tells what changed from the first pack on: the engine sends the poll before it too', () => {
    const { engine, page, poll } = engineAndPage();
    poll(snapshot);
    poll(nextPoll(snapshot, 1));
    // The table opens now: the pack sent for it carries the poll before.
    engine.answer({ kind: 'rows', query: all() });
    const pack = engine.packToSend('synthetic');
    expect(pack?.previous).not.toBeNull();
    page.takePack(structuredClone(pack as NonNullable<typeof pack>));
    expect(page.answer(all())).toEqual(engine.answer({ kind: 'rows', query: all() }));
    expect(engine.packToSend('synthetic')).toBeNull();
  });

  it('sorts a big list only with the orders the engine worked out, in both directions, as the engine sorts', () => {
    const { engine, page, poll, sortAhead } = engineAndPage();
    engine.answer({ kind: 'rows', query: all() });
    poll(snapshot);
    const sorted = all({ sort: { id: 'size', desc: true }, filter: 'topic-0001' });
    expect(page.answer(sorted)).toBeNull();
    sortAhead();
    for (const field of CLUSTER_PARTITION_FIELDS) {
      for (const desc of [false, true]) {
        const q = all({ sort: { id: field.id, desc }, start: 200, end: 240 });
        expect(page.answer(q)).toEqual(engine.answer({ kind: 'rows', query: q }));
      }
    }
    expect(page.answer(sorted)).toEqual(engine.answer({ kind: 'rows', query: sorted }));
  });

  it('answers nothing for a view whose partitions have not come yet, rather than the rows of the poll before', () => {
    const { engine, page, poll } = engineAndPage();
    engine.answer({ kind: 'rows', query: all() });
    poll(snapshot);
    expect(page.answer(all())?.takenAt).toBe(snapshot.takenAt);
    const view = engine.applySnapshot(nextPoll(snapshot, 5));
    if (view !== null) page.takeView(view);
    expect(page.answer(all())).toBeNull();
  });
});
