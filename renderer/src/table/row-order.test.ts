import { describe, expect, it } from 'vitest';
import { encodeTexts, type FilterRequest } from './row-filter';
import { reversedOrder, RowOrderCache, sortedPositions, type SortValue } from './row-order';
import { compileFilter } from './text-filter';

const values: SortValue[] = [3, undefined, 1, 3, 2, undefined];
const at = (i: number): SortValue => values[i];
const names = ['orders', 'payments', 'orders-dlq', 'audit', 'Orders-EU', 'clicks'];

/** A repeatable sequence of numbers in [0, 1). */
function seeded(start: number): () => number {
  let seed = start;
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

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

describe('sortedPositions on numbers', () => {
  it('orders negatives, fractions, zeros, huge offsets and unknowns exactly as comparisons would (radix path: over 8,192 rows)', () => {
    const random = seeded(7);
    const mixed: SortValue[] = Array.from({ length: 20_000 }, (_, i) => {
      const r = random();
      if (r < 0.05) return undefined;
      if (r < 0.1) return i % 2 === 0 ? 0 : -0;
      if (r < 0.3) return Math.floor(random() * 20); // many ties
      if (r < 0.4) return -random() * 1e6;
      return Math.floor(random() * 2 ** 52);
    });
    for (const desc of [false, true]) {
      const byComparison = Array.from({ length: mixed.length }, (_, i) => i).sort((a, b) => {
        const va = mixed[a] as number | undefined;
        const vb = mixed[b] as number | undefined;
        if (va === undefined) return vb === undefined ? a - b : 1;
        if (vb === undefined) return -1;
        if (va === vb) return a - b;
        return (va > vb ? 1 : -1) * (desc ? -1 : 1);
      });
      expect(Array.from(sortedPositions(mixed.length, (i) => mixed[i], desc))).toEqual(byComparison);
    }
  });
});

describe('reversedOrder', () => {
  it('gives the other direction exactly as sorting it would, ties in row order and unknowns last', () => {
    const random = seeded(11);
    const many: SortValue[] = Array.from({ length: 12_000 }, () => {
      const r = random();
      return r < 0.05 ? undefined : r < 0.5 ? Math.floor(random() * 30) : Math.floor(random() * 2 ** 40);
    });
    const words = ['b', 'a', undefined, 'b', 'c', 'a', undefined];
    for (const list of [values, many, words]) {
      const value = (i: number): SortValue => list[i];
      for (const desc of [false, true]) {
        expect(Array.from(reversedOrder(sortedPositions(list.length, value, desc), value))).toEqual(Array.from(sortedPositions(list.length, value, !desc)));
      }
    }
    expect(Array.from(reversedOrder(new Int32Array(0), () => undefined))).toEqual([]);
  });
});

describe('RowOrderCache', () => {
  const texts = (i: number): readonly string[] => [names[i] as string];
  const by = (text: string, textsOf: (i: number) => readonly string[] = texts): FilterRequest => ({ key: text, filter: compileFilter(text), texts: textsOf });

  it('keeps every row in row order with no sort and no filter', () => {
    const cache = new RowOrderCache(names.length);
    expect(Array.from(cache.order(null, by('')))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('filters case-insensitively by substring, then keeps the sort order', () => {
    const cache = new RowOrderCache(names.length);
    const sort = { columnId: 'name', desc: true, value: (i: number) => names[i] };
    expect(Array.from(cache.order(sort, by('orders'))).map((i) => names[i])).toEqual(['orders-dlq', 'orders', 'Orders-EU']);
  });

  it('filters by regular expression', () => {
    const cache = new RowOrderCache(names.length);
    expect(Array.from(cache.order(null, by('/^orders$|^audit$/'))).map((i) => names[i])).toEqual(['orders', 'audit']);
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
    const filter = by('');
    const firstOrder = cache.order(sort, filter);
    cache.order({ ...sort, desc: true }, filter);
    const readsForBoth = reads;
    const again = cache.order(sort, filter);
    cache.order({ ...sort, desc: true }, by('o'));
    expect(again).toEqual(firstOrder);
    expect(reads).toBe(readsForBoth);
  });

  it('narrows a filter being typed on from the rows the shorter text kept, with the same result as filtering afresh', () => {
    const cache = new RowOrderCache(names.length);
    let tested: number[] = [];
    const counting = (i: number): readonly string[] => {
      tested.push(i);
      return texts(i);
    };
    const order = (text: string) => Array.from(cache.order(null, by(text, counting)));
    expect(order('ord').map((i) => names[i])).toEqual(['orders', 'orders-dlq', 'Orders-EU']);
    tested = [];
    const narrowed = order('orders-');
    expect(new Set(tested)).toEqual(new Set([0, 2, 4]));
    expect(narrowed).toEqual(Array.from(new RowOrderCache(names.length).order(null, by('orders-'))));
    tested = [];
    order('ders');
    expect(tested).toHaveLength(names.length);
  });

  it('does not run a filter typed again (after a backspace), and keeps its result in each sort', () => {
    const cache = new RowOrderCache(names.length);
    let tested = 0;
    const counting = (i: number): readonly string[] => {
      tested += 1;
      return texts(i);
    };
    const sort = { columnId: 'name', desc: false, value: (i: number) => names[i] };
    const first = Array.from(cache.order(sort, by('ord', counting)));
    cache.order(sort, by('orde', counting));
    tested = 0;
    expect(Array.from(cache.order(sort, by('ord', counting)))).toEqual(first);
    expect(Array.from(cache.order(null, by('ord', counting))).map((i) => names[i])).toEqual(['orders', 'orders-dlq', 'Orders-EU']);
    expect(tested).toBe(0);
  });

  it('keeps rows with an empty searchable text when the expression matches the empty text', () => {
    const rows = [['orders', ''], ['audit', 'timeout']];
    const cache = new RowOrderCache(rows.length);
    const byRow = (i: number): readonly string[] => rows[i] as string[];
    expect(Array.from(cache.order(null, by('/^$/', byRow)))).toEqual([0]);
    expect(Array.from(new RowOrderCache(rows.length).order(null, by('/^t/', byRow)))).toEqual([1]);
  });

  it('filters dictionary-encoded texts exactly as it filters the texts themselves', () => {
    const rows = [['orders', '0', ''], ['orders', '1', 'timeout'], ['audit', '0', ''], ['Orders-EU', '12']];
    const byRow = (i: number): readonly string[] => rows[i] as string[];
    const encoded = encodeTexts(rows.length, byRow);
    expect(encoded.columns[0]?.values).toEqual(['orders', 'audit', 'Orders-EU']);
    for (const text of ['orders', 'ORD', '1', 'time', '/^$/', '/^orders$/', '/^[0-9]+$/', 'nothing']) {
      const plain = Array.from(new RowOrderCache(rows.length).order(null, by(text, byRow)));
      const viaCodes = Array.from(new RowOrderCache(rows.length).order(null, { ...by(text, byRow), encoded }));
      expect(viaCodes, text).toEqual(plain);
    }
    // Typing on narrows within the rows the previous filter kept, via the codes as well.
    const typing = new RowOrderCache(rows.length);
    const kept = ['o', 'or', 'ord', 'orders', 'orders-'].map((text) => Array.from(typing.order(null, { ...by(text, byRow), encoded })));
    expect(kept).toEqual([[0, 1, 3], [0, 1, 3], [0, 1, 3], [0, 1, 3], [3]]);
  });

  it('keeps every row when every text of a column all rows have matches, afresh and narrowing, and still filters after', () => {
    const rows = [['topic-b', '0'], ['topic-a', '1'], ['topic-b', '1'], ['topic-c', '0']];
    const byRow = (i: number): readonly string[] => rows[i] as string[];
    const encoded = encodeTexts(rows.length, byRow);
    const typing = new RowOrderCache(rows.length);
    const kept = ['t', 'to', 'topic-', 'topic-b', '/^topic-[ab]$/'].map((text) => Array.from(typing.order(null, { ...by(text, byRow), encoded })));
    expect(kept).toEqual([[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 2], [0, 1, 2]]);
    // A column some rows lack (no error text on them) is not "every row".
    const sparse = [['x', 'timeout'], ['y']];
    const sparseRows = (i: number): readonly string[] => sparse[i] as string[];
    const filtered = new RowOrderCache(sparse.length).order(null, { ...by('timeout', sparseRows), encoded: encodeTexts(sparse.length, sparseRows) });
    expect(Array.from(filtered)).toEqual([0]);
  });
});
