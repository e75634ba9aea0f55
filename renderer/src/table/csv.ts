import type { ColumnSpec } from './column-spec';

function escapeCell(value: string): string {
  // Leading = + - @ make spreadsheets evaluate the cell; a topic name must never run as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<Row>(columns: readonly ColumnSpec<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => escapeCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => escapeCell(c.csvValue(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
