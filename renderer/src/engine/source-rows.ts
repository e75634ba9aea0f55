import type { PartitionRow } from '../../../shared/partition-rows';
import { searchTexts } from '../table/column-spec';
import { encodeTexts, type EncodedTexts } from '../table/row-filter';
import type { RowOrderCache, SortRequest } from '../table/row-order';
import { compileFilter } from '../table/text-filter';
import { CLUSTER_PARTITION_FIELDS, type PartitionField } from '../views/topics/partition-fields';
import type { RowsQuery, RowsWindow } from './engine-protocol';

const FIELDS = new Map(CLUSTER_PARTITION_FIELDS.map((f) => [f.id, f]));
/** What a partition table's filter reads, whichever of the partition tables it is. */
export const PARTITION_SEARCH_TEXTS = searchTexts(CLUSTER_PARTITION_FIELDS);
/** The most rows one window carries: a screenful or two, never the table. */
const MAX_WINDOW = 500;

/** The rows one partition table lists, wherever they are kept (the view engine, or the page). */
export interface SourceRows {
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

export const encodeRows = (rows: readonly PartitionRow[]): EncodedTexts => encodeTexts(rows.length, (i) => PARTITION_SEARCH_TEXTS(rows[i] as PartitionRow));

/**
 * The sort a query asks for, reading every row (from `allRows`, by default the source's) only if
 * the order is not already held.
 */
export function sortRequest(source: SourceRows, sort: RowsQuery['sort'], allRows: () => readonly PartitionRow[] = () => source.all()): SortRequest | null {
  const field: PartitionField | undefined = sort === null ? undefined : FIELDS.get(sort.id);
  if (field === undefined || sort === null) return null;
  let rows: readonly PartitionRow[] | null = null;
  return {
    columnId: field.id,
    desc: sort.desc,
    value: (position) => {
      rows ??= allRows();
      const row = rows[position];
      return row === undefined ? undefined : field.sortValue(row);
    },
  };
}

export function orderOf(source: SourceRows, query: Pick<RowsQuery, 'sort' | 'filter'>): Int32Array {
  // Compiled per request (microseconds); what it keeps is remembered by its text in the row order cache.
  const filter = compileFilter(query.filter);
  if (filter.kind === 'match') source.texts ??= source.encodeTexts();
  const texts = (i: number): readonly string[] => {
    const row = source.rowAt(i);
    return row === undefined ? [] : PARTITION_SEARCH_TEXTS(row);
  };
  return source.order.order(sortRequest(source, query.sort), { key: query.filter, filter, texts, encoded: source.texts ?? undefined });
}

/** The poll a window of rows is taken from. */
export interface WindowMeta {
  readonly version: number;
  readonly takenAt: number;
}

/** What a table shows for a source the latest poll lacks (missing), or before any poll (meta null). */
export function emptyWindow(query: RowsQuery, meta: WindowMeta | null, missing: boolean): RowsWindow {
  return { total: 0, shown: 0, sort: query.sort, filter: query.filter, start: 0, rows: [], version: meta?.version ?? null, takenAt: meta?.takenAt ?? null, missing };
}

/** The query's window of the source's sorted, filtered rows, each saying whether the poll changed it. */
export function rowsWindow(source: SourceRows, query: RowsQuery, meta: WindowMeta, changed: (row: PartitionRow) => boolean): RowsWindow {
  const order = orderOf(source, query);
  const start = Math.max(0, Math.min(query.start, order.length));
  const end = Math.min(order.length, Math.max(start, query.end), start + MAX_WINDOW);
  const rows = [];
  for (let k = start; k < end; k += 1) {
    const row = source.rowAt(order[k] as number);
    if (row !== undefined) rows.push({ row, changed: changed(row) });
  }
  return { ...meta, total: source.count, shown: order.length, sort: query.sort, filter: query.filter, start, rows, missing: false };
}
