import { memo } from 'react';
import { flashAttributes, flashStyle, rowClasses, rowInteraction, type RowPresentation } from './row-parts';

export interface TableRowProps<Row> {
  readonly presentation: Omit<RowPresentation<Row>, 'flashToken'>;
  readonly row: Row;
  readonly rowKey: string;
  readonly changed: boolean;
  /** The poll's flash parity and time, for a changed row only (so the others stay memoized). */
  readonly flashParity: 0 | 1;
  readonly flashToken: number | undefined;
  readonly top: number;
}

/**
 * One row of the table view. Memoized: a sort click, a scroll or a poll that leaves a row's data,
 * place and flash as they were does not render it again, so only rows that did change cost a render.
 * `presentation` must be stable across renders (TableBody keeps it so).
 */
function TableRowImpl<Row>(props: TableRowProps<Row>) {
  const { presentation, row, rowKey: key, changed, top } = props;
  return (
    <div
      className={rowClasses(presentation, row, key, changed, 'dt-row dt-grid')}
      style={{ ...flashStyle(props.flashToken, changed), top }}
      data-testid={presentation.rowTestId}
      data-row-key={key}
      aria-selected={presentation.selectedKey === key}
      role="row"
      {...presentation.rowAttributes?.(row)}
      {...flashAttributes(props.flashParity, changed)}
      {...rowInteraction(presentation, row)}
    >
      {presentation.columns.map((spec) => (
        <div key={spec.id} role="cell" className={spec.align === 'end' ? 'dt-td dt-end' : 'dt-td'} data-col={spec.id}>
          {spec.cell === undefined ? spec.csvValue(row) : spec.cell(row)}
        </div>
      ))}
    </div>
  );
}

export const TableRow = memo(TableRowImpl) as typeof TableRowImpl;
