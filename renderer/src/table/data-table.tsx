import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type FilterFn,
  type Header,
  type Row as TableRow,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { updateTable, useTableState } from '../navigation/route-store';
import { gridTracks, type ColumnSpec } from './column-spec';
import { toCsv } from './csv';
import { downloadText } from './download';
import { compileFilter, type CompiledFilter } from './text-filter';
import { TableToolbar } from './table-toolbar';
import { useElementWidth } from './use-element-width';

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
  readonly changedKeys?: ReadonlySet<string>;
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

const HEADER_HEIGHT = 30;

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

  const columnDefs = useMemo<ColumnDef<Row, unknown>[]>(
    () =>
      columns.map((spec, i) => ({
        id: spec.id,
        header: spec.header,
        accessorFn: (row: Row) => spec.sortValue(row),
        sortUndefined: 'last',
        sortingFn: 'basic',
        // One column carries the row-level filter: it checks every searchable column at once,
        // so filtering costs one call per row instead of one per cell.
        enableGlobalFilter: i === 0,
      })),
    [columns],
  );

  const globalFilterFn = useMemo<FilterFn<Row>>(
    () => (row: TableRow<Row>, _columnId: string, filter: CompiledFilter) =>
      filter.kind !== 'match' || searchValues(row.original).some((value) => filter.test(value)),
    [searchValues],
  );

  const sorting: SortingState = state.sort === null ? [] : [state.sort];
  const table = useReactTable<Row>({
    data: rows as Row[],
    columns: columnDefs,
    state: { sorting, globalFilter: compiled.kind === 'match' ? compiled : undefined },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      updateTable(tableId, { sort: next[0] ?? null });
    },
    globalFilterFn,
    getColumnCanGlobalFilter: () => true,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId: (row) => rowKey(row),
    enableMultiSort: false,
    autoResetAll: false,
  });

  const tableRows = table.getRowModel().rows;
  const tracks = useMemo(() => gridTracks(columns), [columns]);
  const exportCsv = (): void => downloadText(props.csvFileName, toCsv(columns, tableRows.map((r) => r.original)));
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

interface BodyProps<Row> extends DataTableProps<Row> {
  readonly tableRows: readonly TableRow<Row>[];
}

function rowInteraction<Row>(props: DataTableProps<Row>, row: Row) {
  const { onRowClick } = props;
  if (onRowClick === undefined) return {};
  return {
    onClick: () => onRowClick(row),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onRowClick(row);
      }
    },
    tabIndex: 0,
  };
}

function rowClasses<Row>(props: DataTableProps<Row>, row: Row, key: string, base: string): string {
  const classes = [base];
  if (props.changedKeys?.has(key) === true) classes.push('dt-flash');
  if (props.selectedKey === key) classes.push('dt-selected');
  if (props.onRowClick !== undefined) classes.push('dt-clickable');
  const extra = props.rowClassName?.(row);
  if (extra !== undefined) classes.push(extra);
  return classes.join(' ');
}

/** Remounting a changed row restarts its flash animation on every snapshot that changes it again. */
function reactKey<Row>(props: DataTableProps<Row>, key: string): string {
  return props.changedKeys?.has(key) === true ? `${key}@${props.flashToken ?? 0}` : key;
}

function TableBody<Row>(
  props: BodyProps<Row> & { readonly rowHeight: number; readonly tracks: { template: string; minWidth: number }; readonly headers: readonly Header<Row, unknown>[] },
) {
  const { tableRows, rowHeight, tracks, columns, headers } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const specById = new Map(columns.map((c) => [c.id, c]));
  const gridStyle: CSSProperties = { gridTemplateColumns: tracks.template, minWidth: tracks.minWidth };

  return (
    <div className="dt-scroll" ref={scrollRef} role="table" aria-rowcount={tableRows.length}>
      <div className="dt-header" role="row" style={{ ...gridStyle, height: HEADER_HEIGHT }}>
        {headers.map((header) => {
          const spec = specById.get(header.column.id);
          const sorted = header.column.getIsSorted();
          return (
            <div
              key={header.id}
              role="columnheader"
              className={`dt-th${spec?.align === 'end' ? ' dt-end' : ''}`}
              data-testid={`col-${header.column.id}`}
              data-sorted={sorted === false ? 'none' : sorted}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              title={spec?.description}
            >
              <button type="button" className="dt-sort" onClick={header.column.getToggleSortingHandler()}>
                {spec?.header ?? header.column.id}
                <span className="dt-sort-mark" aria-hidden="true">
                  {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      {tableRows.length === 0 ? (
        <div className="empty" data-testid="table-empty">
          {props.rows.length === 0 ? (props.emptyText ?? 'Nothing to show.') : 'No rows match the filter.'}
        </div>
      ) : (
        <div className="dt-body" style={{ height: virtualizer.getTotalSize(), minWidth: tracks.minWidth }}>
          {virtualizer.getVirtualItems().map((item) => {
            const tableRow = tableRows[item.index];
            if (tableRow === undefined) return null;
            const row = tableRow.original;
            const key = tableRow.id;
            return (
              <div
                key={reactKey(props, key)}
                className={rowClasses(props, row, key, 'dt-row')}
                style={{ ...gridStyle, height: item.size, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                data-testid={props.rowTestId}
                data-row-key={key}
                aria-selected={props.selectedKey === key}
                role="row"
                {...props.rowAttributes?.(row)}
                {...rowInteraction(props, row)}
              >
                {columns.map((spec) => (
                  <div key={spec.id} role="cell" className={`dt-td${spec.align === 'end' ? ' dt-end' : ''}`} data-col={spec.id}>
                    {spec.cell === undefined ? spec.csvValue(row) : spec.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

function CardBody<Row>(props: BodyProps<Row>) {
  const { tableRows, renderCard, cardMinWidth = 260, cardHeight = 150 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const gap = 8;
  const perLine = Math.max(1, Math.floor((width + gap) / (cardMinWidth + gap)));
  const lines = Math.ceil(tableRows.length / perLine);
  const virtualizer = useVirtualizer({
    count: lines,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight + gap,
    overscan: 4,
  });
  if (renderCard === undefined) return null;
  return (
    <div className="dt-scroll" ref={scrollRef} data-testid="card-grid">
      {tableRows.length === 0 ? (
        <div className="empty" data-testid="table-empty">
          {props.rows.length === 0 ? (props.emptyText ?? 'Nothing to show.') : 'No rows match the filter.'}
        </div>
      ) : (
        <div className="dt-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((line) => (
            <div
              key={line.index}
              className="dt-card-line"
              style={{ transform: `translateY(${line.start}px)`, gridTemplateColumns: `repeat(${perLine}, minmax(0, 1fr))`, gap, height: cardHeight + gap }}
            >
              {tableRows.slice(line.index * perLine, (line.index + 1) * perLine).map((tableRow) => {
                const row = tableRow.original;
                const key = tableRow.id;
                return (
                  <div
                    key={reactKey(props, key)}
                    className={rowClasses(props, row, key, 'dt-card')}
                    data-testid={props.rowTestId}
                    data-row-key={key}
                    data-card="true"
                    aria-selected={props.selectedKey === key}
                    {...props.rowAttributes?.(row)}
                    {...rowInteraction(props, row)}
                  >
                    {renderCard(row)}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
