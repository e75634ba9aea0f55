import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from './column-spec';
import { toCsv } from './csv';

describe('toCsv', () => {
  const columns: ColumnSpec<{ name: string; n: number }>[] = [
    { id: 'name', header: 'name', sortValue: (r) => r.name, csvValue: (r) => r.name, width: 100, grow: 1 },
    { id: 'n', header: 'count', sortValue: (r) => r.n, csvValue: (r) => String(r.n), width: 100, grow: 1 },
  ];

  it('writes a header and one line per row, quoting where needed', () => {
    expect(toCsv(columns, [{ name: 'a,b', n: 1 }, { name: 'say "hi"', n: -2 }])).toBe('name,count\r\n"a,b",1\r\n"say ""hi""",-2\r\n');
  });

  it('defuses spreadsheet formulas', () => {
    expect(toCsv(columns, [{ name: '=cmd()', n: 0 }])).toBe("name,count\r\n'=cmd(),0\r\n");
  });
});
