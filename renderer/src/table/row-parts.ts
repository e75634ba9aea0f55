import { useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import type { DataTableProps } from './data-table';
import type { ShownRows } from './shown-rows';

/* What the table and card bodies share: row click/keyboard handling, classes and the live flash. */

export interface BodyProps<Row> extends RowPresentation<Row> {
  /** Flips with every new flash token: a changed row's flash restarts without remounting it. */
  readonly flashParity: 0 | 1;
  readonly shown: ShownRows<Row>;
  /** Whether the source has any rows at all, to tell "nothing here" from "nothing matches". */
  readonly hasRows: boolean;
}

/** How rows look and behave, the same in both bodies and whatever the rows' source. */
export type RowPresentation<Row> = Pick<
  DataTableProps<Row>,
  'columns' | 'rowKey' | 'rowTestId' | 'rowAttributes' | 'rowClassName' | 'onRowClick' | 'selectedKey' | 'flashToken' | 'renderCard' | 'cardMinWidth' | 'cardHeight' | 'emptyText'
>;

export function rowInteraction<Row>(props: RowPresentation<Row>, row: Row) {
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

export function rowClasses<Row>(props: RowPresentation<Row>, row: Row, key: string, changed: boolean, base: string): string {
  const classes = [base];
  if (changed) classes.push('dt-flash');
  if (props.selectedKey === key) classes.push('dt-selected');
  if (props.onRowClick !== undefined) classes.push('dt-clickable');
  const extra = props.rowClassName?.(row);
  if (extra !== undefined) classes.push(extra);
  return classes.join(' ');
}

/**
 * A changed row's flash: the overlay's animation (table.css), switched between two identical
 * keyframes on every poll so it restarts for a row that changes again, without remounting the row.
 */
export function flashAttributes(flashParity: 0 | 1, changed: boolean): Readonly<Record<string, string>> {
  return changed ? { 'data-flash-parity': String(flashParity) } : {};
}

/**
 * A changed row scrolled into view later joins its flash where it would be by now, rather than
 * flashing late (the token is the snapshot's epoch-ms time). The delay is set as the row's own
 * animation-delay, which its overlay inherits explicitly (table.css): a custom property would be
 * inherited by every cell too, and restyle the whole row on every poll.
 */
export function flashStyle(flashToken: number | undefined, changed: boolean): CSSProperties | undefined {
  if (!changed || flashToken === undefined) return undefined;
  return { animationDelay: `${Math.min(0, flashToken - Date.now())}ms` };
}

/**
 * The presentation props (all but the per-poll flash token, which only changed rows get) as one
 * object that changes only when one of them does. The row click handler is kept stable through a
 * ref (views pass fresh closures), so memoized rows skip renders that would not change them.
 */
export function useStablePresentation<Row>(props: RowPresentation<Row>): Omit<RowPresentation<Row>, 'flashToken'> {
  const click = useRef(props.onRowClick);
  click.current = props.onRowClick;
  const clickable = props.onRowClick !== undefined;
  const { columns, rowKey, rowTestId, rowAttributes, rowClassName, selectedKey, renderCard, cardMinWidth, cardHeight, emptyText } = props;
  return useMemo(
    () => ({
      columns,
      rowKey,
      rowTestId,
      rowAttributes,
      rowClassName,
      selectedKey,
      renderCard,
      cardMinWidth,
      cardHeight,
      emptyText,
      onRowClick: clickable ? (row: Row) => click.current?.(row) : undefined,
    }),
    [columns, rowKey, rowTestId, rowAttributes, rowClassName, selectedKey, renderCard, cardMinWidth, cardHeight, emptyText, clickable],
  );
}
