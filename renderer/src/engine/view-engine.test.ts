import { describe, expect, it } from 'vitest';
import { BLAST_EFFECTS } from '../../../shared/blast-radius';
import { syntheticCluster } from '../../../shared/synthetic-snapshot';
import { demoSnapshot } from '../test/demo-snapshot';
import type { RowsQuery } from './engine-protocol';
import { ViewEngine } from './view-engine';

const query = (overrides: Partial<RowsQuery> = {}): RowsQuery => ({
  clusterKey: 'demo',
  source: { kind: 'cluster', scope: 'all' },
  sort: null,
  filter: '',
  start: 0,
  end: 100,
  ...overrides,
});
const keys = (engine: ViewEngine, q: RowsQuery): string[] => engine.answer({ kind: 'rows', query: q }).rows.map((r) => r.row.key);

describe('ViewEngine', () => {
  it('keeps the partitions to itself: the view has topic heads with counts, and the figures the views read', () => {
    const engine = new ViewEngine();
    const view = engine.applySnapshot(demoSnapshot());
    expect(view?.snapshot.topics.map((t) => [t.name, t.partitionCount])).toEqual([
      ['orders', 3],
      ['payments', 1],
      ['audit', 1],
    ]);
    expect(view?.snapshot.topics.some((t) => 'partitions' in t)).toBe(false);
    expect(view?.model.totals).toMatchObject({ partitions: 5, offline: 1 });
    expect(view?.topicRows.map((t) => t.name)).toEqual(['orders', 'payments', 'audit']);
    expect(view?.deployment.brokerCount).toBe(4);
  });

  it('ignores a snapshot no newer than the one it holds', () => {
    const engine = new ViewEngine();
    expect(engine.applySnapshot(demoSnapshot({ takenAt: 2_000 }))).not.toBeNull();
    expect(engine.applySnapshot(demoSnapshot({ takenAt: 1_000 }))).toBeNull();
    expect(engine.latestView('demo')?.snapshot.takenAt).toBe(2_000);
  });

  it('answers a window of partition rows, sorted and filtered, with the counts before and after the filter', () => {
    const engine = new ViewEngine();
    engine.applySnapshot(demoSnapshot());
    expect(keys(engine, query())).toEqual(['orders/0', 'orders/1', 'orders/2', 'payments/0', 'audit/0']);
    expect(keys(engine, query({ sort: { id: 'topic', desc: true } }))).toEqual(['payments/0', 'orders/0', 'orders/1', 'orders/2', 'audit/0']);
    const filtered = engine.answer({ kind: 'rows', query: query({ filter: 'ORDERS', start: 1, end: 2 }) });
    expect(filtered).toMatchObject({ total: 5, shown: 3, start: 1, filter: 'ORDERS' });
    expect(filtered.rows.map((r) => r.row.key)).toEqual(['orders/1']);
  });

  it('lists a scope, a topic and a heatmap cell, and says when a topic is gone', () => {
    const engine = new ViewEngine();
    engine.applySnapshot(demoSnapshot());
    expect(keys(engine, query({ source: { kind: 'cluster', scope: 'offline' } }))).toEqual(['payments/0']);
    expect(keys(engine, query({ source: { kind: 'topic', topic: 'orders' } }))).toEqual(['orders/0', 'orders/1', 'orders/2']);
    expect(keys(engine, query({ source: { kind: 'cell', leader: 1, follower: 3 } }))).toEqual(['orders/0', 'audit/0']);
    expect(engine.answer({ kind: 'rows', query: query({ source: { kind: 'topic', topic: 'gone' } }) }).missing).toBe(true);
  });

  it("lists every partition of each list of a broker's blast radius, the same as the radius the panel shows", () => {
    const engine = new ViewEngine();
    engine.applySnapshot(demoSnapshot());
    for (const brokerId of [1, 2, 3]) {
      const radius = engine.answer({ kind: 'blastRadius', clusterKey: 'demo', brokerId });
      for (const effect of BLAST_EFFECTS) {
        const listed = keys(engine, query({ source: { kind: 'blast', brokerId, effect } }));
        expect(listed, `broker ${brokerId} ${effect}`).toEqual(radius?.[effect].map((ref) => `${ref.topic}/${ref.partition}`));
      }
    }
    // Not vacuous: the demo cluster has partitions in more than one list.
    const radius = engine.answer({ kind: 'blastRadius', clusterKey: 'demo', brokerId: 1 });
    expect(BLAST_EFFECTS.filter((effect) => (radius?.[effect].length ?? 0) > 0).length).toBeGreaterThan(1);
  });

  it('marks as changed the rows whose state differs from the previous poll that was shown', () => {
    const engine = new ViewEngine();
    engine.applySnapshot(demoSnapshot());
    keys(engine, query());
    const healed = demoSnapshot({ takenAt: 2_000 });
    const orders = healed.topics[0];
    const topics = orders === undefined ? healed.topics : [{ ...orders, partitions: orders.partitions.map((p) => ({ ...p, isr: p.replicas })) }, ...healed.topics.slice(1)];
    engine.applySnapshot({ ...healed, topics });
    const changed = engine.answer({ kind: 'rows', query: query() }).rows.filter((r) => r.changed).map((r) => r.row.key);
    expect(changed).toEqual(['orders/0', 'orders/1']);
  });

  it('filters the same after preparing the search ahead of the first keystroke, and on a new poll', () => {
    const snapshot = syntheticCluster({ brokers: 6, partitions: 600, partitionsPerTopic: 30, replicationFactor: 3, outOfSyncRatio: 0.05, seed: 9 });
    const topic = snapshot.topics[3]?.name ?? '';
    const q = query({ clusterKey: 'synthetic', filter: topic, end: 600 });
    const fresh = new ViewEngine();
    fresh.applySnapshot(snapshot);
    const prepared = new ViewEngine();
    prepared.applySnapshot(snapshot);
    prepared.prepareSearch(q);
    expect(keys(prepared, q)).toEqual(keys(fresh, q));
    expect(keys(prepared, q)).toHaveLength(30);
    prepared.applySnapshot({ ...snapshot, takenAt: snapshot.takenAt + 1, topics: snapshot.topics.slice(4) });
    expect(keys(prepared, q)).toEqual([]);
  });

  it('answers each open table again with a new view, ahead of its asking, until the table stops asking', () => {
    const engine = new ViewEngine();
    const open = query({ sort: { id: 'partition', desc: true } });
    expect(engine.answer({ kind: 'rows', query: open }).version).toBeNull();
    const first = engine.applySnapshot(demoSnapshot());
    const ahead = engine.answersAhead('demo');
    expect(ahead.map((a) => a.query)).toEqual([open]);
    expect(ahead[0]?.answer.version).toBe(first?.version);
    expect(ahead[0]?.answer).toEqual(engine.answer({ kind: 'rows', query: open }));
    expect(engine.answersAhead('other')).toEqual([]);
    // The table asked again (above): answered with the next view too; then it stops asking.
    engine.applySnapshot(demoSnapshot({ takenAt: 2_000 }));
    expect(engine.answersAhead('demo').map((a) => a.answer.takenAt)).toEqual([2_000]);
    engine.applySnapshot(demoSnapshot({ takenAt: 3_000 }));
    expect(engine.answersAhead('demo')).toEqual([]);
    engine.applySnapshot(demoSnapshot({ takenAt: 4_000 }));
    expect(engine.answersAhead('demo')).toEqual([]);
  });

  it('answers ahead for the eight tables that asked last, however many asked', () => {
    const engine = new ViewEngine();
    const topics = Array.from({ length: 12 }, (_, i) => `topic-${i}`);
    for (const topic of topics) engine.answer({ kind: 'rows', query: query({ source: { kind: 'topic', topic } }) });
    engine.applySnapshot(demoSnapshot());
    expect(engine.answersAhead('demo').map((a) => (a.query.source.kind === 'topic' ? a.query.source.topic : ''))).toEqual(topics.slice(4));
  });

  it('exports every shown row as CSV in the shown order, not only the window', () => {
    const engine = new ViewEngine();
    const snapshot = syntheticCluster({ brokers: 6, partitions: 1_200, partitionsPerTopic: 40, replicationFactor: 3, outOfSyncRatio: 0.05, seed: 3 });
    engine.applySnapshot(snapshot);
    const topic = snapshot.topics[1]?.name ?? '';
    const q = { clusterKey: 'synthetic', source: { kind: 'cluster', scope: 'all' } as const, sort: { id: 'partition', desc: true }, filter: `/^${topic}$/` };
    const lines = engine.answer({ kind: 'csv', query: q }).trim().split('\n');
    expect(lines).toHaveLength(41);
    expect(lines[0]?.split(',').slice(0, 2)).toEqual(['topic', 'partition']);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join('/'))).toEqual(Array.from({ length: 40 }, (_, i) => `${topic}/${39 - i}`));
  });
});
