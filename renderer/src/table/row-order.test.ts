import { describe, expect, it } from 'vitest';
import { RowOrderCache, sortedPositions, type SortValue } from './row-order';
import { compileFilter } from './text-filter';

const values: SortValue[] = [3, undefined, 1, 3, 2, undefined];
const at = (i: number): SortValue => values[i];
const names = ['orders', 'payments', 'orders-dlq', 'audit', 'Orders-EU', 'clicks'];

describe('sortedPositions', () => {
  it('sorts ascending with equal values in row order and unknown values last', () => {
    expect(Array.from(sortedPositions(values.length, at, false))).toEqual([2, 4, 0, 3, 1, 5]);
  });

  it('sorts descending with equal values still in row order and unknown values still last', () => {
    expect(Array.from(sortedPositions(values.length, at, true))).toEqual([0, 3, 4, 2, 1, 5]);
  });

  it('compares text by code units, as the tables always have', () => {
    expect(Array.from(sortedPositions(names.length, (i) => names[i], false)).map((i) => names[i])).toEqual([
      'Orders-EU',
      'audit',
      'clicks',
      'orders',
      'orders-dlq',
      'payments',
    ]);
  });
});

describe('RowOrderCache', () => {
  const texts = (i: number): readonly string[] => [names[i] as string];

  it('keeps every row in row order with no sort and no filter', () => {
    const cache = new RowOrderCache(names.length);
    expect(Array.from(cache.order(null, { filter: compileFilter(''), texts }))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('filters case-insensitively by substring, then keeps the sort order', () => {
    const cache = new RowOrderCache(names.length);
    const sort = { columnId: 'name', desc: true, value: (i: number) => names[i] };
    expect(Array.from(cache.order(sort, { filter: compileFilter('orders'), texts })).map((i) => names[i])).toEqual(['orders-dlq', 'orders', 'Orders-EU']);
  });

  it('filters by regular expression', () => {
    const cache = new RowOrderCache(names.length);
    expect(Array.from(cache.order(null, { filter: compileFilter('/^orders$|^audit$/'), texts })).map((i) => names[i])).toEqual(['orders', 'audit']);
  });

  it('sorts a column and direction once, however often it is asked for', () => {
    const cache = new RowOrderCache(names.length);
    let reads = 0;
    const sort = {
      columnId: 'name',
      desc: false,
      value: (i: number) => {
        reads += 1;
        return names[i];
      },
    };
    const filter = { filter: compileFilter(''), texts };
    const firstOrder = cache.order(sort, filter);
    cache.order({ ...sort, desc: true }, filter);
    const again = cache.order(sort, filter);
    expect(again).toEqual(firstOrder);
    expect(reads).toBe(names.length * 2);
  });
});
