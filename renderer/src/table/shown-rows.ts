/** What the table and card bodies show, wherever the rows are kept and ordered. */
export interface ShownRows<Row> {
  /** Rows the filter keeps, in display order. */
  readonly count: number;
  /** The row at a display index and whether it changed in the latest poll; undefined while it is fetched. */
  at(index: number): { readonly row: Row; readonly changed: boolean } | undefined;
  /** Told which display indexes are on screen, so rows kept elsewhere can be fetched. */
  readonly onRange?: (start: number, end: number) => void;
}
