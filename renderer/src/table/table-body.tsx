import { useVirtualizer } from '@tanstack/react-virtual';
import type { Header } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { useStablePresentation, type BodyProps } from './row-parts';
import { TableRow } from './table-row';

const HEADER_HEIGHT = 30;
/** Room for a horizontal scrollbar under a table sized to its rows. */
const SCROLLBAR_ROOM = 14;

/**
 * Rows are keyed by their place on screen, not by the row they show: a sort, a filter or a new
 * poll then updates the text of the row elements already there instead of removing a screenful
 * and creating another, which was most of the page's work in a sort of a 100,000-row table.
 * Indexes map to slots modulo a number larger than any screenful, so while scrolling the rows that
 * stay on screen keep their elements (and, memoized, are not rendered again).
 */
const SLOTS = 512;
const slotKey = (index: number): number => index % SLOTS;

/** The table view: a sticky header of sort buttons over virtualized grid rows. */
export function TableBody<Row>(
  props: BodyProps<Row> & {
    readonly rowHeight: number;
    /** Rows to size the table for (at least one, for its empty text); undefined fills the container. */
    readonly fitRows?: number;
    readonly tracks: { template: string; minWidth: number };
    readonly headers: readonly Header<Row, unknown>[];
  },
) {
  const { shown, rowHeight, fitRows, tracks, columns, headers } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 5,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { onRange } = shown;
  useEffect(() => onRange?.(first, last + 1), [onRange, first, last]);
  const specById = new Map(columns.map((c) => [c.id, c]));
  // The tracks are set once, as variables the header and every row read (table.css): rows then
  // share one computed style instead of each parsing its own grid template.
  const gridVariables = useMemo(
    () =>
      ({
        '--dt-columns': tracks.template,
        '--dt-min-width': `${tracks.minWidth}px`,
        '--dt-row-height': `${rowHeight}px`,
        ...(fitRows === undefined ? {} : { height: HEADER_HEIGHT + Math.max(1, fitRows) * rowHeight + SCROLLBAR_ROOM }),
      }) as CSSProperties,
    [tracks, rowHeight, fitRows],
  );
  const presentation = useStablePresentation(props);

  return (
    <div className="dt-scroll" ref={scrollRef} role="table" aria-rowcount={shown.count} style={gridVariables}>
      <div className="dt-header dt-grid" role="row" style={{ height: HEADER_HEIGHT }}>
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
        <div className="dt-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = shown.at(item.index);
            if (entry === undefined) {
              return <div key={slotKey(item.index)} className="dt-row dt-grid dt-pending" style={{ top: item.start - HEADER_HEIGHT }} aria-busy="true" />;
            }
            const { row, changed } = entry;
            return (
              <TableRow
                key={slotKey(item.index)}
                presentation={presentation}
                row={row}
                rowKey={props.rowKey(row)}
                changed={changed}
                flashParity={changed ? props.flashParity : 0}
                flashToken={changed ? props.flashToken : undefined}
                top={item.start - HEADER_HEIGHT}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
