import type { ReactNode } from 'react';

/**
 * A column as data: what it sorts by, what it exports, what the filter sees. Views declare these
 * beside their row builders; the table turns them into TanStack columns.
 */
export interface ColumnSpec<Row> {
  readonly id: string;
  readonly header: string;
  /** Explains the column on hover: what exactly is counted. */
  readonly description?: string;
  /** The value sorted on; undefined (an unknown value) always sorts last. */
  readonly sortValue: (row: Row) => number | string | undefined;
  /** The cell as plain text in CSV exports. */
  readonly csvValue: (row: Row) => string;
  /** Defaults to csvValue. */
  readonly cell?: (row: Row) => ReactNode;
  /** Whether the table filter looks at this column (names and addresses, not counts). */
  readonly searchable?: boolean;
  /** Minimum width in px; columns with grow share the space left over, in proportion. */
  readonly width: number;
  readonly grow?: number;
  readonly align?: 'start' | 'end';
}

/**
 * Grid tracks with fixed minimums, and the row width they need. Every row is its own grid, so
 * tracks must not depend on content (no auto, no max-content), or rows would disagree with the header.
 */
export function gridTracks(columns: readonly Pick<ColumnSpec<unknown>, 'width' | 'grow'>[]): { template: string; minWidth: number } {
  return {
    template: columns.map((c) => (c.grow === undefined ? `${c.width}px` : `minmax(${c.width}px, ${c.grow}fr)`)).join(' '),
    minWidth: columns.reduce((sum, c) => sum + c.width, 0),
  };
}

/** What the table filter sees of a row: the text of each searchable column, as exported. */
export function searchTexts<Row>(columns: readonly Pick<ColumnSpec<Row>, 'searchable' | 'csvValue'>[]): (row: Row) => string[] {
  const searchable = columns.filter((c) => c.searchable === true);
  return (row) => searchable.map((c) => c.csvValue(row));
}
