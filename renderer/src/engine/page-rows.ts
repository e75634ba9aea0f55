import type { PartitionPack } from '../../../shared/partition-pack';
import type { PartitionRow } from '../../../shared/partition-rows';
import { RowOrderCache } from '../table/row-order';
import { CLUSTER_PARTITION_FIELDS } from '../views/topics/partition-fields';
import type { ClusterView } from './cluster-view';
import { mirroredOnPage, PAGE_SORTS_UP_TO, sourceKey, type OrderAhead, type PackMessage, type RowsQuery, type RowsWindow } from './engine-protocol';
import { packedSearchTexts } from './packed-search-texts';
import { changedSince, packedPartitions, PollRows } from './poll-rows';
import { emptyWindow, rowsWindow, type SourceRows } from './source-rows';

/** One poll held on the page: its view and its partitions. */
class PagePoll {
  readonly rows: PollRows;
  readonly changed: (row: PartitionRow) => boolean;
  private readonly topicNames: readonly string[];
  private topicIndex: ReadonlyMap<string, number> | null = null;
  private readonly sources = new Map<string, SourceRows | null>();

  constructor(
    readonly view: ClusterView,
    private readonly pack: PartitionPack,
    previous: PollRows | null,
  ) {
    const { snapshot, model } = view;
    this.rows = new PollRows(packedPartitions(pack, snapshot.topics), snapshot, model);
    this.changed = changedSince(previous);
    this.topicNames = snapshot.topics.map((t) => t.name);
  }

  /** The rows of a list the page answers (mirroredOnPage); null for a topic this poll does not have. */
  source(query: RowsQuery): SourceRows | null {
    const key = sourceKey(query.source);
    if (!this.sources.has(key)) this.sources.set(key, this.build(query));
    return this.sources.get(key) ?? null;
  }

  private build({ source }: RowsQuery): SourceRows | null {
    let range = { start: 0, end: this.rows.count };
    if (source.kind === 'topic') {
      this.topicIndex ??= new Map(this.topicNames.map((name, t) => [name, t]));
      const t = this.topicIndex.get(source.topic);
      if (t === undefined) return null;
      range = this.rows.topicRange(t);
    }
    const { start, end } = range;
    const count = end - start;
    let all: PartitionRow[] | null = null;
    return {
      count,
      rowAt: (i) => (i >= 0 && i < count ? this.rows.rowAt(start + i) : undefined),
      // Only ever called for a list the page may sort itself (PAGE_SORTS_UP_TO rows at most).
      all: () => (all ??= Array.from({ length: count }, (_, i) => this.rows.rowAt(start + i) as PartitionRow)),
      order: new RowOrderCache(count),
      encodeTexts: () => {
        const texts = packedSearchTexts({ pack: this.pack, topicNames: this.topicNames, start, end }, CLUSTER_PARTITION_FIELDS);
        if (texts === null) throw new Error('a searchable partition field has no reading in the pack');
        return texts;
      },
      texts: null,
    };
  }
}

/**
 * Partition rows answered on the page, from the partitions the view engine sends for the page's
 * open tables (PackMessage) and the sort orders it works out ahead (OrderAhead): a sort, a filter
 * keystroke or a scroll is then answered in the task of the input itself, and its rows reach the
 * screen in the input's own frame instead of a frame or two after a round trip to the worker.
 * Anything it cannot answer at once (another kind of list, a big list whose order has not come
 * yet, a poll whose partitions have not come yet) it leaves to the engine.
 */
export class PageRows {
  /** Each cluster's latest views by version (the latest two). */
  private readonly views = new Map<string, ClusterView[]>();
  private readonly polls = new Map<string, PagePoll>();

  takeView(view: ClusterView): void {
    const key = view.snapshot.clusterKey;
    this.views.set(key, [view, ...(this.views.get(key) ?? [])].slice(0, 2));
  }

  takePack(message: PackMessage): void {
    const view = this.viewOf(message.clusterKey, message.version);
    if (view === undefined) return;
    let previous = this.polls.get(message.clusterKey)?.rows ?? null;
    if (message.previous !== null) {
      const before = this.viewOf(message.clusterKey, message.previous.version);
      previous = before === undefined ? null : new PagePoll(before, message.previous.pack, null).rows;
    }
    this.polls.set(message.clusterKey, new PagePoll(view, message.pack, previous));
  }

  takeOrder(order: OrderAhead): void {
    const poll = this.polls.get(order.clusterKey);
    if (poll?.view.version !== order.version) return;
    poll.source({ clusterKey: order.clusterKey, source: order.source, sort: null, filter: '', start: 0, end: 0 })?.order.know(order.columnId, order.desc, order.order);
  }

  /** The query's rows from the latest poll, or null when the page cannot answer it at once. */
  answer(query: RowsQuery): RowsWindow | null {
    const poll = this.polls.get(query.clusterKey);
    if (poll === undefined || !mirroredOnPage(query.source) || poll.view.version !== this.views.get(query.clusterKey)?.[0]?.version) return null;
    const meta = { version: poll.view.version, takenAt: poll.view.snapshot.takenAt };
    const source = poll.source(query);
    if (source === null) return emptyWindow(query, meta, true);
    if (query.sort !== null && source.count > PAGE_SORTS_UP_TO && !source.order.holds(query.sort.id, query.sort.desc)) return null;
    return rowsWindow(source, query, meta, poll.changed);
  }

  private viewOf(clusterKey: string, version: number): ClusterView | undefined {
    return this.views.get(clusterKey)?.find((view) => view.version === version);
  }
}
