import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type FilterFn,
  type Row as TableRow,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useDeferredValue, useMemo, useRef, type ReactNode } from 'react';
import { updateTable, useTableState } from '../navigation/route-store';
import { gridTracks, type ColumnSpec } from './column-spec';
import { CardBody } from './card-body';
import { toCsv } from './csv';
import { downloadText } from './download';
import { compileFilter, type CompiledFilter } from './text-filter';
import { TableBody } from './table-body';
import { TableToolbar } from './table-toolbar';
import { useRowHandles } from './use-row-handles';

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

interface RowsFilter<Row> {
  readonly filter: CompiledFilter;
  readonly rows: readonly Row[];
}

function originals<Row>(rows: readonly Row[], tableRows: readonly TableRow<number>[]): Row[] {
  const out: Row[] = [];
  for (const tableRow of tableRows) {
    const row = rows[tableRow.original];
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

/**
 * Every table of the app: TanStack Table sorts and filters, TanStack Virtual renders only what is
 * on screen, so 100,000 rows cost the same to scroll as 100. Sort, filter and view mode live in the URL.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { tableId, rows, columns, rowKey, rowHeight = 28 } = props;
  const state = useTableState(tableId);
  // Typing stays responsive while a large table re-filters behind it.
  const deferredFilter = useDeferredValue(state.filter);
  const compiled = useMemo(() => compileFilter(deferredFilter), [deferredFilter]);
  const shownFilter = useMemo(() => compileFilter(state.filter), [state.filter]);
  const searchValues = useMemo(() => searchCache(columns), [columns]);
  const handles = useRowHandles(rows, rowKey);

  // Accessors read the current rows through the handle, so new values need no new TanStack rows.
  const columnDefs = useMemo<ColumnDef<number, unknown>[]>(
    () =>
      columns.map((spec, i) => ({
        id: spec.id,
        header: spec.header,
        accessorFn: (handle: number) => {
          const row = rows[handle];
          return row === undefined ? undefined : spec.sortValue(row);
        },
        sortUndefined: 'last',
        sortingFn: 'basic',
        // One column carries the row-level filter: it checks every searchable column at once,
        // so filtering costs one call per row instead of one per cell.
        enableGlobalFilter: i === 0,
      })),
    [columns, rows],
  );

  // A new object whenever the rows or the filter change: that is what makes TanStack filter and
  // sort again when the handles (and so its row model) stayed the same.
  const globalFilter = useMemo<RowsFilter<Row>>(() => ({ filter: compiled, rows }), [compiled, rows]);
  const globalFilterFn = useMemo<FilterFn<number>>(
    () => (row: TableRow<number>, _columnId: string, value: RowsFilter<Row>) => {
      const { filter } = value;
      if (filter.kind !== 'match') return true;
      const original = value.rows[row.original];
      return original !== undefined && searchValues(original).some((text) => filter.test(text));
    },
    [searchValues],
  );

  const sorting: SortingState = state.sort === null ? [] : [state.sort];
  const table = useReactTable<number>({
    data: handles as number[],
    columns: columnDefs,
    state: { sorting, globalFilter },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      updateTable(tableId, { sort: next[0] ?? null });
    },
    globalFilterFn,
    getColumnCanGlobalFilter: () => true,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId: (handle) => {
      const row = rows[handle];
      return row === undefined ? String(handle) : rowKey(row);
    },
    enableMultiSort: false,
    autoResetAll: false,
  });

  // TanStack caches each row's sort values; when the rows behind unchanged handles are replaced,
  // those values are stale. Dropping the caches is cheap next to rebuilding 100,000 rows.
  const valuesFrom = useRef(rows);
  if (valuesFrom.current !== rows) {
    valuesFrom.current = rows;
    for (const row of table.getCoreRowModel().flatRows) row._valuesCache = {};
  }

  const tableRows = table.getRowModel().rows;
  const tracks = useMemo(() => gridTracks(columns), [columns]);
  const exportCsv = (): void => downloadText(props.csvFileName, toCsv(columns, originals(rows, tableRows)));
  const cards = state.view === 'cards' && props.renderCard !== undefined;

  return (
    <div className="data-table" data-testid="data-table" data-table-id={tableId} data-view={cards ? 'cards' : 'table'}>
      <TableToolbar
        tableId={tableId}
        filter={state.filter}
        filterError={shownFilter.kind === 'error' ? shownFilter.message : null}
        shown={tableRows.length}
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
        <CardBody {...props} tableRows={tableRows} />
      ) : (
        <TableBody
          {...props}
          rowHeight={rowHeight}
          tableRows={tableRows}
          tracks={tracks}
          headers={table.getHeaderGroups()[0]?.headers ?? []}
        />
      )}
    </div>
  );
}
