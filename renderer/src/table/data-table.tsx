import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { updateTable, useTableState } from '../navigation/route-store';
import { gridTracks, type ColumnSpec } from './column-spec';
import { CardBody } from './card-body';
import { toCsv } from './csv';
import { downloadText } from './download';
import { compileFilter } from './text-filter';
import { TableBody } from './table-body';
import { TableToolbar } from './table-toolbar';
import { RowOrderCache, type SortValue } from './row-order';

export type DataAttributes = Readonly<Record<`data-${string}`, string | number | boolean>>;

export interface DataTableProps<Row> {
  /** Names this table's sort, filter and view mode in the URL. */
  readonly tableId: string;
  readonly rows: readonly Row[];
  readonly columns: readonly ColumnSpec<Row>[];
  readonly rowKey: (row: Row) => string;
  readonly rowTestId: string;
  readonly rowAttributes?: (row: Row) => DataAttributes;
  readonly rowClassName?: (row: Row) => string | undefined;
  readonly onRowClick?: (row: Row) => void;
  readonly selectedKey?: string | null;
  /** Rows that changed since the previous snapshot flash once; the token restarts the flash per snapshot. */
  readonly isChanged?: (row: Row, index: number) => boolean;
  readonly flashToken?: number;
  /** Given a card renderer, the table offers a card view of the same sorted, filtered rows. */
  readonly renderCard?: (row: Row) => ReactNode;
  readonly cardMinWidth?: number;
  readonly cardHeight?: number;
  readonly rowHeight?: number;
  readonly csvFileName: string;
  readonly emptyText?: string;
  readonly toolbarExtra?: ReactNode;
  readonly filterPlaceholder?: string;
}

function originals<Row>(rows: readonly Row[], order: Int32Array): Row[] {
  const out: Row[] = [];
  for (const position of order) {
    const row = rows[position];
    if (row !== undefined) out.push(row);
  }
  return out;
}

function searchCache<Row>(columns: readonly ColumnSpec<Row>[]): (row: Row) => readonly string[] {
  const searchable = columns.filter((c) => c.searchable === true);
  const cache = new WeakMap<object, readonly string[]>();
  return (row) => {
    const key = row as object;
    let values = cache.get(key);
    if (values === undefined) {
      values = searchable.map((c) => c.csvValue(row));
      cache.set(key, values);
    }
    return values;
  };
}

const NO_ROWS: never[] = [];

/**
 * Every table of the app. TanStack Table owns the columns and the sort state (header toggles,
 * aria-sort) in manual mode; the rows are put in that order by row-order.ts, and TanStack Virtual
 * renders only what is on screen, so 100,000 rows cost the same to scroll as 100. Sort, filter and
 * view mode live in the URL.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { tableId, rows, columns, rowHeight = 28 } = props;
  const state = useTableState(tableId);
  // Typing stays responsive while a large table re-filters behind it.
  const deferredFilter = useDeferredValue(state.filter);
  const compiled = useMemo(() => compileFilter(deferredFilter), [deferredFilter]);
  const shownFilter = useMemo(() => compileFilter(state.filter), [state.filter]);
  const searchValues = useMemo(() => searchCache(columns), [columns]);

  // Text columns start ascending, counts descending (most first), as TanStack would pick from the data.
  const first = rows[0];
  const columnDefs = useMemo<ColumnDef<Row, unknown>[]>(
    () =>
      columns.map((spec) => ({
        id: spec.id,
        header: spec.header,
        accessorFn: (row: Row) => spec.sortValue(row),
        sortDescFirst: first === undefined ? false : typeof spec.sortValue(first) !== 'string',
      })),
    [columns, first],
  );

  const sorting: SortingState = state.sort === null ? [] : [state.sort];
  const table = useReactTable<Row>({
    data: NO_ROWS,
    columns: columnDefs,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      updateTable(tableId, { sort: next[0] ?? null });
    },
    manualSorting: true,
    manualFiltering: true,
    getCoreRowModel: getCoreRowModel(),
    enableMultiSort: false,
    autoResetAll: false,
  });

  const cache = useMemo(() => new RowOrderCache(rows.length), [rows]);
  const sortSpec = state.sort === null ? undefined : columns.find((c) => c.id === state.sort?.id);
  const sortDesc = state.sort?.desc === true;
  const order = useMemo(() => {
    const sort =
      sortSpec === undefined
        ? null
        : { columnId: sortSpec.id, desc: sortDesc, value: (position: number) => spec(rows, position, sortSpec.sortValue) };
    return cache.order(sort, { filter: compiled, texts: (position) => searchTexts(rows, position, searchValues) });
  }, [cache, rows, sortSpec, sortDesc, compiled, searchValues]);

  const tracks = useMemo(() => gridTracks(columns), [columns]);
  const exportCsv = (): void => downloadText(props.csvFileName, toCsv(columns, originals(rows, order)));
  const cards = state.view === 'cards' && props.renderCard !== undefined;

  return (
    <div className="data-table" data-testid="data-table" data-table-id={tableId} data-view={cards ? 'cards' : 'table'}>
      <TableToolbar
        tableId={tableId}
        filter={state.filter}
        filterError={shownFilter.kind === 'error' ? shownFilter.message : null}
        shown={order.length}
        total={rows.length}
        view={cards ? 'cards' : 'table'}
        canShowCards={props.renderCard !== undefined}
        onExportCsv={exportCsv}
        sortOptions={cards ? columns.map((c) => ({ id: c.id, label: c.header })) : null}
        sort={state.sort}
        extra={props.toolbarExtra}
        placeholder={props.filterPlaceholder}
      />
      {cards ? (
        <CardBody {...props} order={order} />
      ) : (
        <TableBody
          {...props}
          rowHeight={rowHeight}
          order={order}
          tracks={tracks}
          headers={table.getHeaderGroups()[0]?.headers ?? []}
        />
      )}
    </div>
  );
}

function spec<Row>(rows: readonly Row[], position: number, value: (row: Row) => SortValue): SortValue {
  const row = rows[position];
  return row === undefined ? undefined : value(row);
}

function searchTexts<Row>(rows: readonly Row[], position: number, texts: (row: Row) => readonly string[]): readonly string[] {
  const row = rows[position];
  return row === undefined ? [] : texts(row);
}
