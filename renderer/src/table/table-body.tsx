import { useVirtualizer } from '@tanstack/react-virtual';
import type { Header } from '@tanstack/react-table';
import { useEffect, useRef, type CSSProperties } from 'react';
import { flashAttributes, flashStyle, rowClasses, rowInteraction, type BodyProps } from './row-parts';

const HEADER_HEIGHT = 30;

/** The table view: a sticky header of sort buttons over virtualized grid rows. */
export function TableBody<Row>(
  props: BodyProps<Row> & { readonly rowHeight: number; readonly tracks: { template: string; minWidth: number }; readonly headers: readonly Header<Row, unknown>[] },
) {
  const { shown, rowHeight, tracks, columns, headers } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { onRange } = shown;
  useEffect(() => onRange?.(first, last + 1), [onRange, first, last]);
  const specById = new Map(columns.map((c) => [c.id, c]));
  const gridStyle: CSSProperties = { gridTemplateColumns: tracks.template, minWidth: tracks.minWidth };

  return (
    <div className="dt-scroll" ref={scrollRef} role="table" aria-rowcount={shown.count}>
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
      {shown.count === 0 ? (
        <div className="empty" data-testid="table-empty">
          {!props.hasRows ? (props.emptyText ?? 'Nothing to show.') : 'No rows match the filter.'}
        </div>
      ) : (
        <div className="dt-body" style={{ height: virtualizer.getTotalSize(), minWidth: tracks.minWidth }}>
          {items.map((item) => {
            const entry = shown.at(item.index);
            if (entry === undefined) {
              return <div key={`pending-${item.index}`} className="dt-row dt-pending" style={{ ...gridStyle, height: item.size, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }} aria-busy="true" />;
            }
            const { row, changed } = entry;
            const key = props.rowKey(row);
            return (
              <div
                key={key}
                className={rowClasses(props, row, key, changed, 'dt-row')}
                style={{ ...gridStyle, ...flashStyle(props, changed), height: item.size, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                data-testid={props.rowTestId}
                data-row-key={key}
                aria-selected={props.selectedKey === key}
                role="row"
                {...props.rowAttributes?.(row)}
                {...flashAttributes(props.flashParity, changed)}
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
