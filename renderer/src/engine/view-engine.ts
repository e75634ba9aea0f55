import { blastRadius } from '../../../shared/blast-radius';
import { brokerTopicGroups } from '../../../shared/broker-partitions';
import { deriveClusterModel, type ClusterModel } from '../../../shared/cluster-model';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { cellPartitions } from '../../../shared/leader-follower-matrix';
import { samePartitionRowState, type PartitionRow } from '../../../shared/partition-rows';
import { searchTexts } from '../table/column-spec';
import { toCsv } from '../table/csv';
import { encodeTexts, type EncodedTexts } from '../table/row-filter';
import { RowOrderCache, sortBy } from '../table/row-order';
import { compileFilter } from '../table/text-filter';
import { CLUSTER_PARTITION_FIELDS, type PartitionField } from '../views/topics/partition-fields';
import { PARTITION_SCOPE_FILTERS } from '../views/topics/partition-scope';
import { clusterView, type ClusterView } from './cluster-view';
import { PollRows } from './poll-rows';
import { pollSearchTexts } from './poll-search-texts';
import type { EngineAnswer, EngineRequest, PartitionSource, RowsQuery, RowsWindow } from './engine-protocol';

const FIELDS = new Map(CLUSTER_PARTITION_FIELDS.map((f) => [f.id, f]));
const SEARCH_TEXTS = searchTexts(CLUSTER_PARTITION_FIELDS);
/** The most rows one window carries: a screenful or two, never the table. */
const MAX_WINDOW = 500;
/** The most tables answered ahead: more than a page shows at once (the oldest query is dropped). */
const MAX_STANDING = 8;

interface SourceRows {
  readonly count: number;
  /** The row at a position in the source's own order. */
  rowAt(position: number): PartitionRow | undefined;
  /** Every row, in that order: built on first need for the whole-cluster list. */
  all(): readonly PartitionRow[];
  readonly order: RowOrderCache;
  /** Encodes the rows' searchable texts. */
  encodeTexts(): EncodedTexts;
  /** Searchable texts per row, dictionary-encoded, built on the first filter. */
  texts: EncodedTexts | null;
}

type BuiltSource = Omit<SourceRows, 'order' | 'texts'>;

const encodeRows = (rows: readonly PartitionRow[]): EncodedTexts => encodeTexts(rows.length, (i) => SEARCH_TEXTS(rows[i] as PartitionRow));
const listed = (rows: readonly PartitionRow[]): BuiltSource => ({ count: rows.length, rowAt: (i) => rows[i], all: () => rows, encodeTexts: () => encodeRows(rows) });

/** One cluster's latest poll in the engine: the full snapshot and what is built from it on demand. */
class ClusterState {
  readonly rows: PollRows;
  private readonly sources = new Map<string, SourceRows | null>();

  constructor(
    readonly snapshot: ClusterSnapshot,
    readonly model: ClusterModel,
    readonly view: ClusterView,
    /** The previous poll's rows: what "changed" is measured against. */
    private readonly previous: PollRows | null,
  ) {
    this.rows = new PollRows(snapshot, model);
  }

  /** Whether a request needed all of the previous poll's rows, i.e. someone was sorting partitions. */
  get previousWantedAllRows(): boolean {
    return this.previous?.allWanted === true;
  }

  changed(row: PartitionRow): boolean {
    const before = this.previous?.rowFor(row.topic, row.partition);
    return before !== undefined && !samePartitionRowState(before, row);
  }

  source(source: PartitionSource): SourceRows | null {
    const key = JSON.stringify(source);
    if (!this.sources.has(key)) {
      const rows = this.build(source);
      this.sources.set(key, rows === null ? null : { ...rows, order: new RowOrderCache(rows.count), texts: null });
    }
    return this.sources.get(key) ?? null;
  }

  private build(source: PartitionSource): BuiltSource | null {
    if (source.kind === 'cluster') {
      const { rows, snapshot } = this;
      if (source.scope === 'all') {
        return {
          count: rows.count,
          rowAt: (i) => rows.rowAt(i),
          all: () => rows.all(),
          encodeTexts: () => pollSearchTexts(snapshot, CLUSTER_PARTITION_FIELDS) ?? encodeRows(rows.all()),
        };
      }
      return listed(rows.all().filter(PARTITION_SCOPE_FILTERS[source.scope]));
    }
    if (source.kind === 'topic') {
      const topic = this.snapshot.topics.find((t) => t.name === source.topic);
      return topic === undefined ? null : listed(this.rowsOf(topic.partitions.map((p) => ({ topic: topic.name, partition: p.partition }))));
    }
    if (source.kind === 'blast') return listed(this.rowsOf(blastRadius(this.snapshot, source.brokerId)[source.effect]));
    return listed(this.rowsOf(cellPartitions(this.snapshot, source.leader, source.follower)));
  }

  private rowsOf(refs: readonly { readonly topic: string; readonly partition: number }[]): PartitionRow[] {
    return refs.map((ref) => this.rows.rowFor(ref.topic, ref.partition)).filter((r): r is PartitionRow => r !== undefined);
  }
}

function orderOf(source: SourceRows, query: Pick<RowsQuery, 'sort' | 'filter'>): Int32Array {
  const field: PartitionField | undefined = query.sort === null ? undefined : FIELDS.get(query.sort.id);
  // Compiled per request (microseconds); what it keeps is remembered by its text in the row order cache.
  const filter = compileFilter(query.filter);
  if (filter.kind === 'match') source.texts ??= source.encodeTexts();
  const sort = field === undefined || query.sort === null ? null : sortBy(source.all(), field.id, field.sortValue, query.sort.desc);
  const texts = (i: number): readonly string[] => {
    const row = source.rowAt(i);
    return row === undefined ? [] : SEARCH_TEXTS(row);
  };
  return source.order.order(sort, { key: query.filter, filter, texts, encoded: source.texts ?? undefined });
}

/**
 * Everything the views show that needs every partition: the cluster model and per-snapshot
 * figures on each poll, and on request, windows of sorted, filtered partition rows, CSV exports,
 * a broker's topics, a blast radius. It runs in a worker in the app (engine.worker.ts), so a
 * 100,000-partition poll is parsed, derived and sorted off the page's main thread; tests run it in-process.
 */
export class ViewEngine {
  private readonly clusters = new Map<string, ClusterState>();
  private versions = 0;
  /** Each partition table's latest rows query (by cluster and source), and whether it came since the last view. */
  private readonly standing = new Map<string, { readonly query: RowsQuery; asked: boolean }>();

  /** Takes a new poll; returns what the page holds of it, or null for one older than the one held. */
  applySnapshot(snapshot: ClusterSnapshot): ClusterView | null {
    const current = this.clusters.get(snapshot.clusterKey);
    if (current !== undefined && current.snapshot.takenAt >= snapshot.takenAt) return null;
    const startedAt = performance.now();
    const model = deriveClusterModel(snapshot);
    this.versions += 1;
    const view = clusterView(snapshot, model, this.versions, startedAt);
    current?.rows.release();
    this.clusters.set(snapshot.clusterKey, new ClusterState(snapshot, model, view, current?.rows ?? null));
    return view;
  }

  /**
   * Builds every partition row of the latest poll ahead of the request for them, when a request
   * needed all of the previous poll's (a partition table is sorted): called after the view is sent,
   * so the page has its view first and the table's refresh finds the rows ready.
   */
  warm(clusterKey: string): void {
    const state = this.clusters.get(clusterKey);
    if (state?.previousWantedAllRows === true) state.rows.prebuild();
  }

  /**
   * Encodes the searchable texts of the rows a table shows, if not yet done: called when the engine
   * is idle after answering for that table, so the first keystroke in its filter finds them ready.
   */
  prepareSearch(query: Pick<RowsQuery, 'clusterKey' | 'source'>): void {
    const source = this.clusters.get(query.clusterKey)?.source(query.source);
    if (source !== undefined && source !== null) source.texts ??= source.encodeTexts();
  }

  /**
   * The rows each open partition table of the cluster will ask for with the latest view, answered
   * now: a table's latest query, if it asked since the previous view (a table that stopped asking
   * has closed, and is forgotten). Sent with the view, so a table shows its rows for a new poll
   * without a round trip to an engine that may by then be busy collecting the old poll's garbage.
   */
  answersAhead(clusterKey: string): { readonly query: RowsQuery; readonly answer: RowsWindow }[] {
    const answers = [];
    for (const [key, entry] of this.standing) {
      if (entry.query.clusterKey !== clusterKey) continue;
      if (!entry.asked) {
        this.standing.delete(key);
        continue;
      }
      entry.asked = false;
      answers.push({ query: entry.query, answer: this.rows(entry.query, false) });
    }
    return answers;
  }

  latestView(clusterKey: string): ClusterView | null {
    return this.clusters.get(clusterKey)?.view ?? null;
  }

  answer<R extends EngineRequest>(request: R): EngineAnswer<R> {
    return this.answerAny(request) as EngineAnswer<R>;
  }

  private answerAny(request: EngineRequest): unknown {
    switch (request.kind) {
      case 'rows':
        return this.rows(request.query);
      case 'csv': {
        const state = this.clusters.get(request.query.clusterKey);
        const source = state?.source(request.query.source) ?? null;
        if (source === null) return '';
        const order = orderOf(source, request.query);
        const columns = request.query.source.kind === 'topic' ? CLUSTER_PARTITION_FIELDS.slice(1) : CLUSTER_PARTITION_FIELDS;
        const rows = source.all();
        return toCsv(columns, Array.from(order, (i) => rows[i] as PartitionRow));
      }
      case 'brokerGroups': {
        const state = this.clusters.get(request.clusterKey);
        return state === undefined ? null : brokerTopicGroups(state.snapshot, state.model, request.brokerId);
      }
      case 'blastRadius': {
        const state = this.clusters.get(request.clusterKey);
        return state === undefined ? null : blastRadius(state.snapshot, request.brokerId);
      }
    }
  }

  private rows(query: RowsQuery, asked = true): RowsWindow {
    if (asked) {
      const key = `${query.clusterKey}\u0000${JSON.stringify(query.source)}`;
      this.standing.delete(key);
      this.standing.set(key, { query, asked: true });
      if (this.standing.size > MAX_STANDING) this.standing.delete(this.standing.keys().next().value as string);
    }
    const state = this.clusters.get(query.clusterKey);
    const empty = { total: 0, shown: 0, sort: query.sort, filter: query.filter, start: 0, rows: [] };
    if (state === undefined) return { ...empty, version: null, takenAt: null, missing: false };
    const meta = { version: state.view.version, takenAt: state.snapshot.takenAt };
    const source = state.source(query.source);
    if (source === null) return { ...empty, ...meta, missing: true };
    const order = orderOf(source, query);
    const start = Math.max(0, Math.min(query.start, order.length));
    const end = Math.min(order.length, Math.max(start, query.end), start + MAX_WINDOW);
    const rows = [];
    for (let k = start; k < end; k += 1) {
      const row = source.rowAt(order[k] as number);
      if (row !== undefined) rows.push({ row, changed: state.changed(row) });
    }
    return { ...meta, total: source.count, shown: order.length, sort: query.sort, filter: query.filter, start, rows, missing: false };
  }
}
