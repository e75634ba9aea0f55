import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { flashAttributes, flashStyle, rowClasses, rowInteraction, type BodyProps } from './row-parts';
import { useElementWidth } from './use-element-width';

/** The card view of the same rows: as many cards per line as fit, lines virtualized. */
export function CardBody<Row>(props: BodyProps<Row>) {
  const { shown, renderCard, cardMinWidth = 260, cardHeight = 150 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const gap = 8;
  const perLine = Math.max(1, Math.floor((width + gap) / (cardMinWidth + gap)));
  const lines = Math.ceil(shown.count / perLine);
  const virtualizer = useVirtualizer({
    count: lines,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight + gap,
    overscan: 4,
  });
  // The virtualizer keeps the sizes it estimated: lines placed before a table changed its card height must move.
  useEffect(() => virtualizer.measure(), [virtualizer, cardHeight]);
  const lineItems = virtualizer.getVirtualItems();
  const firstLine = lineItems[0]?.index ?? 0;
  const lastLine = lineItems[lineItems.length - 1]?.index ?? -1;
  const { onRange } = shown;
  useEffect(() => onRange?.(firstLine * perLine, (lastLine + 1) * perLine), [onRange, firstLine, lastLine, perLine]);
  if (renderCard === undefined) return null;
  return (
    <div className="dt-scroll" ref={scrollRef} data-testid="card-grid">
      {shown.count === 0 ? (
        <div className="empty" data-testid="table-empty">
          {!props.hasRows ? (props.emptyText ?? 'Nothing to show.') : 'No rows match the filter.'}
        </div>
      ) : (
        <div className="dt-body" style={{ height: virtualizer.getTotalSize() }}>
          {lineItems.map((line) => (
            <div
              key={line.index}
              className="dt-card-line"
              style={{ transform: `translateY(${line.start}px)`, gridTemplateColumns: `repeat(${perLine}, minmax(0, 1fr))`, gap, height: cardHeight + gap }}
            >
              {Array.from({ length: Math.max(0, Math.min(perLine, shown.count - line.index * perLine)) }, (_, k) => {
                const entry = shown.at(line.index * perLine + k);
                if (entry === undefined) return <div key={`pending-${k}`} className="dt-card dt-pending" aria-busy="true" />;
                const { row, changed } = entry;
                const key = props.rowKey(row);
                return (
                  <div
                    key={key}
                    className={rowClasses(props, row, key, changed, 'dt-card')}
                    style={flashStyle(props.flashToken, changed)}
                    data-testid={props.rowTestId}
                    data-row-key={key}
                    data-card="true"
                    aria-selected={props.selectedKey === key}
                    {...props.rowAttributes?.(row)}
                    {...flashAttributes(props.flashParity, changed)}
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
