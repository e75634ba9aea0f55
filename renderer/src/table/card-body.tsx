import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { flashStyle, reactKey, rowClasses, rowInteraction, type BodyProps } from './row-parts';
import { useElementWidth } from './use-element-width';

/** The card view of the same rows: as many cards per line as fit, lines virtualized. */
export function CardBody<Row>(props: BodyProps<Row>) {
  const { order, rows, renderCard, cardMinWidth = 260, cardHeight = 150 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const gap = 8;
  const perLine = Math.max(1, Math.floor((width + gap) / (cardMinWidth + gap)));
  const lines = Math.ceil(order.length / perLine);
  const virtualizer = useVirtualizer({
    count: lines,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight + gap,
    overscan: 4,
  });
  if (renderCard === undefined) return null;
  return (
    <div className="dt-scroll" ref={scrollRef} data-testid="card-grid">
      {order.length === 0 ? (
        <div className="empty" data-testid="table-empty">
          {rows.length === 0 ? (props.emptyText ?? 'Nothing to show.') : 'No rows match the filter.'}
        </div>
      ) : (
        <div className="dt-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((line) => (
            <div
              key={line.index}
              className="dt-card-line"
              style={{ transform: `translateY(${line.start}px)`, gridTemplateColumns: `repeat(${perLine}, minmax(0, 1fr))`, gap, height: cardHeight + gap }}
            >
              {Array.from(order.subarray(line.index * perLine, (line.index + 1) * perLine), (position) => {
                const row = rows[position];
                if (row === undefined) return null;
                const key = props.rowKey(row);
                const changed = props.isChanged?.(row, position) === true;
                return (
                  <div
                    key={reactKey(props, key, changed)}
                    className={rowClasses(props, row, key, changed, 'dt-card')}
                    style={flashStyle(props, changed)}
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
