import { blastRadius } from '../../../shared/blast-radius';
import { brokerTopicGroups } from '../../../shared/broker-partitions';
import { deriveClusterModel, type ClusterModel } from '../../../shared/cluster-model';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { cellPartitions } from '../../../shared/leader-follower-matrix';
import { packPartitions, type PartitionPack } from '../../../shared/partition-pack';
import type { PartitionRow } from '../../../shared/partition-rows';
import { toCsv } from '../table/csv';
import { RowOrderCache } from '../table/row-order';
import { CLUSTER_PARTITION_FIELDS } from '../views/topics/partition-fields';
import { PARTITION_SCOPE_FILTERS } from '../views/topics/partition-scope';
import { clusterView, type ClusterView } from './cluster-view';
import { mirroredOnPage, PAGE_SORTS_UP_TO, sourceKey, type EngineAnswer, type EngineRequest, type OrderAhead, type PackMessage, type PartitionSource, type RowsQuery, type RowsWindow } from './engine-protocol';
import { packedSearchTexts } from './packed-search-texts';
import { changedSince, PollRows } from './poll-rows';
import { emptyWindow, encodeRows, orderOf, rowsWindow, sortRequest, type SourceRows } from './source-rows';

/** The most tables answered ahead: more than a page shows at once (the oldest query is dropped). */
const MAX_STANDING = 8;

type BuiltSource = Omit<SourceRows, 'order' | 'texts'>;

const listed = (rows: readonly PartitionRow[]): BuiltSource => ({ count: rows.length, rowAt: (i) => rows[i], all: () => rows, encodeTexts: () => encodeRows(rows) });

/** One cluster's latest poll in the engine: the full snapshot and what is built from it on demand. */
class ClusterState {
  readonly rows: PollRows;
  readonly changed: (row: PartitionRow) => boolean;
  private readonly sources = new Map<string, SourceRows | null>();
  private packed: PartitionPack | null = null;
  /** Whether the page was sent this poll's pack. */
  packSent = false;

  constructor(
    readonly snapshot: ClusterSnapshot,
    readonly model: ClusterModel,
    readonly view: ClusterView,
    /** The previous poll: what "changed" is measured against. */
    public previous: ClusterState | null,
  ) {
    this.rows = PollRows.ofSnapshot(snapshot, model);
    this.changed = changedSince(previous?.rows ?? null);
  }

  /** Whether a request needed all of the previous poll's rows, i.e. someone was sorting partitions. */
  get previousWantedAllRows(): boolean {
    return this.previous?.rows.allWanted === true;
  }

  /** This poll's partitions packed: what the page is sent, and what filters read here. */
  pack(): PartitionPack {
    this.packed ??= packPartitions(this.snapshot.topics);
    return this.packed;
  }

  /** Lets go of what only the latest poll needs, once it is the previous one. */
  retire(): void {
    this.previous = null;
    this.rows.release();
    this.packed = null;
    this.sources.clear();
  }

  source(source: PartitionSource): SourceRows | null {
    const key = sourceKey(source);
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
        const topicNames = snapshot.topics.map((t) => t.name);
        return {
          count: rows.count,
          rowAt: (i) => rows.rowAt(i),
          all: () => rows.all(),
          encodeTexts: () => packedSearchTexts({ pack: this.pack(), topicNames, start: 0, end: rows.count }, CLUSTER_PARTITION_FIELDS) ?? encodeRows(rows.all()),
        };
      }
      return listed(rows.all().filter(PARTITION_SCOPE_FILTERS[source.scope]));
    }
    if (source.kind === 'topic') {
      const topic = this.snapshot.topics.find((t) => t.name === source.topic);
      return topic === undefined ? null : listed(this.rowsOf(topic.partitions.map((p) => ({ topic: topic.name, partition: p.partition }))));
    }
    return listed(this.rowsOf(cellPartitions(this.snapshot, source.leader, source.follower)));
  }

  private rowsOf(refs: readonly { readonly topic: string; readonly partition: number }[]): PartitionRow[] {
    return refs.map((ref) => this.rows.rowFor(ref.topic, ref.partition)).filter((r): r is PartitionRow => r !== undefined);
  }
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
    current?.retire();
    this.clusters.set(snapshot.clusterKey, new ClusterState(snapshot, model, view, current ?? null));
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

  /** Notes a table's query answered on the page, so the engine keeps answering it ahead. */
  stand(query: RowsQuery): void {
    const key = `${query.clusterKey}\u0000${sourceKey(query.source)}`;
    this.standing.delete(key);
    this.standing.set(key, { query, asked: true });
    if (this.standing.size > MAX_STANDING) this.standing.delete(this.standing.keys().next().value as string);
  }

  /**
   * The latest poll's partitions for the page, when an open table there can answer from them
   * (mirroredOnPage) and they were not sent yet; with the poll before it when that one was not
   * sent either, so the page can tell which rows changed from the first pack on.
   */
  packToSend(clusterKey: string): PackMessage | null {
    const state = this.clusters.get(clusterKey);
    if (state === undefined || state.packSent || !this.standingSources(clusterKey).some(mirroredOnPage)) return null;
    state.packSent = true;
    const previous = state.previous;
    return {
      clusterKey,
      version: state.view.version,
      pack: state.pack(),
      previous: previous === null || previous.packSent ? null : { version: previous.view.version, pack: previous.pack() },
    };
  }

  /**
   * The sort orders the page will want for its open tables too big for it to sort (over
   * PAGE_SORTS_UP_TO rows): every sortable column, both ways, each worked out when its job is
   * called (tens of milliseconds), so a caller can post each before working out the next. A job
   * gives null when there is nothing to send (the poll was superseded since). The rows built to
   * sort by are let go after the last job, unless a request needs them too.
   */
  ordersAhead(clusterKey: string): (() => OrderAhead | null)[] {
    const state = this.clusters.get(clusterKey);
    if (state === undefined) return [];
    const version = state.view.version;
    const current = (): boolean => this.clusters.get(clusterKey) === state;
    const jobs: (() => OrderAhead | null)[] = [];
    for (const source of this.standingSources(clusterKey)) {
      if (!mirroredOnPage(source) || (state.source(source)?.count ?? 0) <= PAGE_SORTS_UP_TO) continue;
      // The whole cluster's rows are the poll's rows: built without counting as a request for them all.
      const allRows = source.kind === 'cluster' ? () => state.rows.prebuild() : undefined;
      for (const field of CLUSTER_PARTITION_FIELDS) {
        for (const desc of [false, true]) {
          jobs.push(() => {
            const rows = current() ? state.source(source) : null;
            const sort = rows === null ? null : sortRequest(rows, { id: field.id, desc }, allRows);
            return rows === null || sort === null ? null : { clusterKey, version, source, columnId: field.id, desc, order: rows.order.sorted(sort) };
          });
        }
      }
    }
    if (jobs.length > 0) {
      jobs.push(() => {
        if (current() && !state.rows.allWanted) state.rows.release();
        return null;
      });
    }
    return jobs;
  }

  private standingSources(clusterKey: string): PartitionSource[] {
    return [...this.standing.values()].filter((entry) => entry.query.clusterKey === clusterKey).map((entry) => entry.query.source);
  }

  private rows(query: RowsQuery, asked = true): RowsWindow {
    if (asked) this.stand(query);
    const state = this.clusters.get(query.clusterKey);
    if (state === undefined) return emptyWindow(query, null, false);
    const meta = { version: state.view.version, takenAt: state.snapshot.takenAt };
    const source = state.source(query.source);
    if (source === null) return emptyWindow(query, meta, true);
    return rowsWindow(source, query, meta, state.changed);
  }
}
