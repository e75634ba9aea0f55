import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { updateTable, useTableState } from '../navigation/route-store';
import type { SortState } from '../navigation/view-route';
import { CardBody } from './card-body';
import { gridTracks, searchTexts, type ColumnSpec } from './column-spec';
import { toCsv } from './csv';
import { downloadText } from './download';
import { RowOrderCache, sortBy } from './row-order';
import type { RowPresentation } from './row-parts';
import type { ShownRows } from './shown-rows';
import { TableBody } from './table-body';
import { TableToolbar } from './table-toolbar';
import { compileFilter } from './text-filter';

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
  /** A short table (a few log directories, the quorum's voters): see TableFrameProps.fitRows. */
  readonly fitRows?: number;
  readonly csvFileName: string;
  readonly emptyText?: string;
  readonly toolbarExtra?: ReactNode;
  readonly filterPlaceholder?: string;
}

export interface TableFrameProps<Row> extends RowPresentation<Row> {
  readonly tableId: string;
  readonly state: ReturnType<typeof useTableState>;
  readonly shown: ShownRows<Row>;
  readonly total: number;
  /** The sort the shown rows are in (for rows ordered elsewhere, the last one applied). */
  readonly appliedSort: SortState | null;
  /** The filter the shown rows were kept by (for rows filtered elsewhere, the last one applied). */
  readonly appliedFilter: string;
  /** Text columns start ascending, counts descending (most first), as TanStack would pick from the data. */
  readonly sample: Row | undefined;
  readonly onExportCsv: () => void;
  readonly rowHeight?: number;
  /**
   * Sizes the table to its rows, up to this many, instead of filling its container: a table of
   * three voters is not a screenful of blank space. Sized by every row the table has, not by the
   * ones a filter keeps, so typing in the filter does not move what is below it.
   */
  readonly fitRows?: number;
  readonly toolbarExtra?: ReactNode;
  readonly filterPlaceholder?: string;
}

const NO_ROWS: never[] = [];

/**
 * Every table of the app. TanStack Table owns the columns and the sort state (header toggles,
 * aria-sort) in manual mode; the rows come in that order from a ShownRows (ordered here by
 * row-order.ts, or by the view engine for partition tables), and TanStack Virtual renders only
 * what is on screen, so 100,000 rows cost the same to scroll as 100. Sort, filter and view mode
 * live in the URL.
 */
export function TableFrame<Row>(props: TableFrameProps<Row>) {
  const { tableId, state, columns, sample, appliedSort, rowHeight = 28 } = props;
  const shownFilter = useMemo(() => compileFilter(state.filter), [state.filter]);
  // Which columns sort descending first, as a key: the sample row is a new object with every poll
  // and every window of rows, and new column definitions make TanStack rebuild its columns and headers.
  const descFirst = columns.map((spec) => (sample !== undefined && typeof spec.sortValue(sample) !== 'string' ? '1' : '0')).join('');
  const columnDefs = useMemo<ColumnDef<Row, unknown>[]>(
    () =>
      columns.map((spec, i) => ({
        id: spec.id,
        header: spec.header,
        accessorFn: (row: Row) => spec.sortValue(row),
        sortDescFirst: descFirst[i] === '1',
      })),
    [columns, descFirst],
  );
  const sorting: SortingState = appliedSort === null ? [] : [appliedSort];
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
  const tracks = useMemo(() => gridTracks(columns), [columns]);
  const flashParity = useFlashParity(props.flashToken);
  const cards = state.view === 'cards' && props.renderCard !== undefined;
  const hasRows = props.total > 0;

  return (
    <div className={props.fitRows === undefined ? 'data-table' : 'data-table dt-fit'} data-testid="data-table" data-table-id={tableId} data-view={cards ? 'cards' : 'table'}>
      <TableToolbar
        tableId={tableId}
        filter={state.filter}
        filterError={shownFilter.kind === 'error' ? shownFilter.message : null}
        shown={props.shown.count}
        shownFilter={props.appliedFilter}
        total={props.total}
        view={cards ? 'cards' : 'table'}
        canShowCards={props.renderCard !== undefined}
        onExportCsv={props.onExportCsv}
        sortOptions={cards ? columns.map((c) => ({ id: c.id, label: c.header })) : null}
        sort={state.sort}
        extra={props.toolbarExtra}
        placeholder={props.filterPlaceholder}
      />
      {cards ? (
        <CardBody {...props} hasRows={hasRows} flashParity={flashParity} />
      ) : (
        <TableBody
          {...props}
          hasRows={hasRows}
          flashParity={flashParity}
          rowHeight={rowHeight}
          fitRows={props.fitRows === undefined ? undefined : Math.min(props.fitRows, props.total)}
          tracks={tracks}
          headers={table.getHeaderGroups()[0]?.headers ?? []}
        />
      )}
    </div>
  );
}

/** 0 or 1, flipping whenever the flash token (the poll shown) changes. */
function useFlashParity(token: number | undefined): 0 | 1 {
  const [flash, setFlash] = useState<{ token: number | undefined; parity: 0 | 1 }>({ token, parity: 0 });
  if (flash.token !== token) {
    const next = { token, parity: flash.parity === 0 ? (1 as const) : (0 as const) };
    setFlash(next);
    return next.parity;
  }
  return flash.parity;
}

function searchCache<Row>(columns: readonly ColumnSpec<Row>[]): (row: Row) => readonly string[] {
  const textsOf = searchTexts(columns);
  const cache = new WeakMap<object, readonly string[]>();
  return (row) => {
    const key = row as object;
    let values = cache.get(key);
    if (values === undefined) {
      values = textsOf(row);
      cache.set(key, values);
    }
    return values;
  };
}

/** A table of rows the page holds (brokers, topics, a broker's topics), ordered on the page. */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { tableId, rows, columns, isChanged } = props;
  // Not deferred: the page's own tables are a few thousand rows at most (brokers, topics), which
  // filter in a millisecond, and a deferred filter shows its rows a frame later.
  const state = useTableState(tableId);
  const compiled = useMemo(() => compileFilter(state.filter), [state.filter]);
  const searchValues = useMemo(() => searchCache(columns), [columns]);
  const cache = useMemo(() => new RowOrderCache(rows.length), [rows]);
  const sortSpec = state.sort === null ? undefined : columns.find((c) => c.id === state.sort?.id);
  const sortDesc = state.sort?.desc === true;
  const order = useMemo(() => {
    const sort = sortSpec === undefined ? null : sortBy(rows, sortSpec.id, sortSpec.sortValue, sortDesc);
    return cache.order(sort, {
      key: state.filter,
      filter: compiled,
      texts: (i) => {
        const row = rows[i];
        return row === undefined ? [] : searchValues(row);
      },
    });
  }, [cache, rows, sortSpec, sortDesc, state.filter, compiled, searchValues]);
  const shown = useMemo<ShownRows<Row>>(
    () => ({
      count: order.length,
      at: (index) => {
        const position = order[index];
        const row = position === undefined ? undefined : rows[position];
        return row === undefined || position === undefined ? undefined : { row, changed: isChanged?.(row, position) === true };
      },
    }),
    [order, rows, isChanged],
  );
  const exportCsv = (): void => downloadText(props.csvFileName, toCsv(columns, Array.from(order, (i) => rows[i] as Row)));
  return (
    <TableFrame
      {...props}
      state={state}
      shown={shown}
      total={rows.length}
      appliedSort={sortSpec === undefined ? null : state.sort}
      appliedFilter={state.filter}
      sample={rows[0]}
      onExportCsv={exportCsv}
    />
  );
}
