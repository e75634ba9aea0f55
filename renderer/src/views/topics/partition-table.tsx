import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { PartitionRow } from '../../../../shared/partition-rows';
import type { PartitionSource, RowsWindow } from '../../engine/engine-protocol';
import { useEngine } from '../../state/engine-store';
import { useLatestView } from '../../state/snapshot-store';
import type { ColumnSpec } from '../../table/column-spec';
import { useTableState } from '../../navigation/route-store';
import { TableFrame } from '../../table/data-table';
import { downloadText } from '../../table/download';
import type { ShownRows } from '../../table/shown-rows';
import { partitionRowAttributes, partitionRowClass, partitionRowKey } from './partition-columns';

/** Rows fetched around the visible ones, so a short scroll needs no round trip. */
const MARGIN = 12;

export interface PartitionTableProps {
  readonly tableId: string;
  readonly clusterKey: string;
  readonly source: PartitionSource;
  readonly columns: readonly ColumnSpec<PartitionRow>[];
  readonly onRowClick?: (row: PartitionRow) => void;
  readonly csvFileName: string;
  readonly emptyText?: string;
  readonly filterPlaceholder?: string;
  readonly toolbarExtra?: ReactNode;
}

/**
 * A partition table whose rows stay in the view engine: it sorts and filters every partition there
 * and sends the rows on screen, so a 100,000-row table costs the page what 100 rows cost.
 */
export function PartitionTable(props: PartitionTableProps) {
  const { tableId, clusterKey, source } = props;
  const engine = useEngine();
  const version = useLatestView(clusterKey)?.version ?? null;
  // The engine filters off the page, so typing never waits on it.
  const state = useTableState(tableId);
  const filter = state.filter;
  const [page, setPage] = useState<RowsWindow | null>(null);
  const range = useRef({ start: 0, end: MARGIN });
  const latestRequest = useRef(0);
  const sourceKey = JSON.stringify(source);

  const fetchRows = useCallback(
    (start: number, end: number) => {
      if (engine === null) return;
      latestRequest.current += 1;
      const id = latestRequest.current;
      const query = { clusterKey, source: JSON.parse(sourceKey) as PartitionSource, sort: state.sort, filter, start: Math.max(0, start - MARGIN), end: end + MARGIN };
      engine
        .ask({ kind: 'rows', query })
        .then((answer) => {
          // Rendered in the task the answer arrived in, not one scheduled after it: that can fall
          // behind a frame and show the rows a frame later.
          if (id === latestRequest.current) flushSync(() => setPage(answer));
        })
        .catch((error: unknown) => console.warn('Brokerscope: partition rows failed:', error));
    },
    [engine, clusterKey, sourceKey, state.sort, filter],
  );

  // Fetched again for a new sort or filter, and for a new poll (`version`): new rows, same window.
  // Asked before the browser paints, so the answer can land in the next frame rather than the one after.
  useLayoutEffect(() => fetchRows(range.current.start, range.current.end), [fetchRows, version]);

  const onRange = useCallback(
    (start: number, end: number) => {
      range.current = { start, end };
      const have = page !== null && page.start <= start && (page.start + page.rows.length >= end || page.start + page.rows.length >= page.shown);
      // A changed sort, filter or poll is fetched by the effect above; this only follows scrolling.
      if (!have) fetchRows(start, end);
    },
    [page, fetchRows],
  );

  const shown = useMemo<ShownRows<PartitionRow>>(
    () => ({
      count: page?.shown ?? 0,
      at: (index) => (page === null ? undefined : page.rows[index - page.start]),
      onRange,
    }),
    [page, onRange],
  );

  const exportCsv = (): void => {
    engine
      ?.ask({ kind: 'csv', query: { clusterKey, source, sort: state.sort, filter: state.filter } })
      .then((text) => downloadText(props.csvFileName, text))
      .catch((error: unknown) => console.warn('Brokerscope: CSV export failed:', error));
  };

  return (
    <TableFrame
      {...props}
      rowKey={partitionRowKey}
      rowTestId="partition-row"
      rowAttributes={partitionRowAttributes}
      rowClassName={partitionRowClass}
      state={state}
      shown={shown}
      total={page?.total ?? 0}
      appliedSort={page?.sort ?? null}
      appliedFilter={page?.filter ?? ''}
      sample={page?.rows[0]?.row}
      flashToken={page?.takenAt ?? undefined}
      onExportCsv={exportCsv}
      emptyText={page === null ? 'Loading…' : page.version === null ? 'Waiting for the first poll…' : props.emptyText}
    />
  );
}
