import { blastRadius } from '../../../shared/blast-radius';
import { brokerTopicGroups } from '../../../shared/broker-partitions';
import { deriveClusterModel, type ClusterModel } from '../../../shared/cluster-model';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { cellPartitions } from '../../../shared/leader-follower-matrix';
import { partitionKey, partitionRows, samePartitionRowState, type PartitionRow } from '../../../shared/partition-rows';
import { searchTexts } from '../table/column-spec';
import { toCsv } from '../table/csv';
import { encodeTexts, type EncodedTexts } from '../table/row-filter';
import { RowOrderCache, sortBy } from '../table/row-order';
import { compileFilter, type CompiledFilter } from '../table/text-filter';
import { CLUSTER_PARTITION_FIELDS, type PartitionField } from '../views/topics/partition-fields';
import { PARTITION_SCOPE_FILTERS } from '../views/topics/partition-scope';
import { clusterView, type ClusterView } from './cluster-view';
import type { EngineAnswer, EngineRequest, PartitionSource, RowsQuery, RowsWindow } from './engine-protocol';

const FIELDS = new Map(CLUSTER_PARTITION_FIELDS.map((f) => [f.id, f]));
const SEARCH_TEXTS = searchTexts(CLUSTER_PARTITION_FIELDS);
/** The most rows one window carries: a screenful or two, never the table. */
const MAX_WINDOW = 500;

interface SourceRows {
  readonly rows: readonly PartitionRow[];
  readonly order: RowOrderCache;
  /** The last filter compiled, so scrolling a filtered table reuses its mask rather than testing every row again. */
  filter: { readonly text: string; readonly compiled: CompiledFilter } | null;
  /** Searchable texts per row, dictionary-encoded, built on the first filter. */
  texts: EncodedTexts | null;
}

/** One cluster's latest poll in the engine: the full snapshot and what is built from it on demand. */
class ClusterState {
  private all: readonly PartitionRow[] | null = null;
  private index: ReadonlyMap<string, PartitionRow> | null = null;
  private readonly sources = new Map<string, SourceRows | null>();

  constructor(
    readonly snapshot: ClusterSnapshot,
    readonly model: ClusterModel,
    readonly view: ClusterView,
    /** The previous poll's rows by key, when they were built: what "changed" is measured against. */
    private readonly previous: ReadonlyMap<string, PartitionRow> | null,
  ) {}

  allRows(): readonly PartitionRow[] {
    this.all ??= partitionRows(this.snapshot, this.model);
    return this.all;
  }

  rowIndex(): ReadonlyMap<string, PartitionRow> {
    this.index ??= new Map(this.allRows().map((r) => [r.key, r]));
    return this.index;
  }

  /** The index to hand the next poll, only if this one built it (no work for nobody's sake). */
  builtIndex(): ReadonlyMap<string, PartitionRow> | null {
    return this.all === null ? null : this.rowIndex();
  }

  /** Whether the previous poll's rows were built, i.e. someone was looking at partitions. */
  get hadRows(): boolean {
    return this.previous !== null;
  }

  changed(row: PartitionRow): boolean {
    const before = this.previous?.get(row.key);
    return before !== undefined && !samePartitionRowState(before, row);
  }

  source(source: PartitionSource): SourceRows | null {
    const key = JSON.stringify(source);
    if (!this.sources.has(key)) this.sources.set(key, this.build(source));
    return this.sources.get(key) ?? null;
  }

  private build(source: PartitionSource): SourceRows | null {
    let rows: readonly PartitionRow[];
    if (source.kind === 'cluster') {
      const keep = PARTITION_SCOPE_FILTERS[source.scope];
      rows = source.scope === 'all' ? this.allRows() : this.allRows().filter(keep);
    } else if (source.kind === 'topic') {
      const topic = this.snapshot.topics.find((t) => t.name === source.topic);
      if (topic === undefined) return null;
      // One topic's rows are built alone unless every row exists already (a cluster list is open).
      rows = this.all === null ? partitionRows(this.snapshot, this.model, [topic]) : this.rowsOf(topic.partitions.map((p) => ({ topic: topic.name, partition: p.partition })));
    } else {
      rows = this.rowsOf(cellPartitions(this.snapshot, source.leader, source.follower));
    }
    return { rows, order: new RowOrderCache(rows.length), filter: null, texts: null };
  }

  private rowsOf(refs: readonly { readonly topic: string; readonly partition: number }[]): PartitionRow[] {
    const index = this.rowIndex();
    return refs.map((ref) => index.get(partitionKey(ref.topic, ref.partition))).filter((r): r is PartitionRow => r !== undefined);
  }
}

function orderOf(source: SourceRows, query: Pick<RowsQuery, 'sort' | 'filter'>): Int32Array {
  const field: PartitionField | undefined = query.sort === null ? undefined : FIELDS.get(query.sort.id);
  if (source.filter?.text !== query.filter) source.filter = { text: query.filter, compiled: compileFilter(query.filter) };
  const filter = source.filter.compiled;
  if (filter.kind === 'match' && source.texts === null) source.texts = encodeTexts(source.rows.length, (i) => SEARCH_TEXTS(source.rows[i] as PartitionRow));
  const encoded = source.texts ?? undefined;
  const sort = field === undefined || query.sort === null ? null : sortBy(source.rows, field.id, field.sortValue, query.sort.desc);
  return source.order.order(sort, { filter, texts: (i) => SEARCH_TEXTS(source.rows[i] as PartitionRow), encoded });
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

  /** Takes a new poll; returns what the page holds of it, or null for one older than the one held. */
  applySnapshot(snapshot: ClusterSnapshot): ClusterView | null {
    const current = this.clusters.get(snapshot.clusterKey);
    if (current !== undefined && current.snapshot.takenAt >= snapshot.takenAt) return null;
    const startedAt = performance.now();
    const model = deriveClusterModel(snapshot);
    this.versions += 1;
    const view = clusterView(snapshot, model, this.versions, startedAt);
    this.clusters.set(snapshot.clusterKey, new ClusterState(snapshot, model, view, current?.builtIndex() ?? null));
    return view;
  }

  /**
   * Builds the latest poll's partition rows ahead of the request for them, when the previous poll's
   * were built (a partition table is open): called after the view is sent, so the page has its view
   * first and the table's refresh finds the rows ready.
   */
  warm(clusterKey: string): void {
    const state = this.clusters.get(clusterKey);
    if (state?.hadRows === true) state.rowIndex();
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
        return toCsv(columns, Array.from(order, (i) => source.rows[i] as PartitionRow));
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

  private rows(query: RowsQuery): RowsWindow {
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
      const row = source.rows[order[k] as number] as PartitionRow;
      rows.push({ row, changed: state.changed(row) });
    }
    return { ...meta, total: source.rows.length, shown: order.length, sort: query.sort, filter: query.filter, start, rows, missing: false };
  }
}
