import type { CompiledFilter } from './text-filter';

/**
 * Which rows a table filter keeps. The filter tests each row's searchable texts (a topic's name,
 * a partition number, an error); any match keeps the row.
 */
export interface FilterRequest {
  readonly filter: CompiledFilter;
  /** The searchable texts of the row at a position. */
  readonly texts: (position: number) => readonly string[];
  /** The same texts dictionary-encoded, when the caller keeps them (the view engine does). */
  readonly encoded?: EncodedTexts;
}

/**
 * Searchable texts by column, each column a list of its distinct texts and one code per row: rows
 * repeat their texts (a topic's name on each of its partitions, partition numbers, an empty error),
 * so a filter over 100,000 partitions tests a few thousand texts and then reads the codes.
 */
export interface EncodedTexts {
  readonly count: number;
  readonly columns: readonly { readonly values: readonly string[]; readonly codes: Int32Array }[];
}

export function encodeTexts(count: number, texts: (position: number) => readonly string[]): EncodedTexts {
  const columns: { values: string[]; codes: Int32Array; index: Map<string, number> }[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = texts(i);
    for (let c = 0; c < row.length; c += 1) {
      let column = columns[c];
      if (column === undefined) {
        column = { values: [], codes: new Int32Array(count).fill(-1), index: new Map() };
        columns[c] = column;
      }
      const text = row[c] as string;
      let code = column.index.get(text);
      if (code === undefined) {
        code = column.values.length;
        column.values.push(text);
        column.index.set(text, code);
      }
      column.codes[i] = code;
    }
  }
  return { count, columns: columns.map(({ values, codes }) => ({ values, codes })) };
}

/**
 * Which positions the filter keeps, one byte per row; null when it keeps everything. Given the mask
 * of a filter this one narrows (typing on: "orders" after "order"), only the rows that one kept are tested.
 */
export function filterMask(count: number, request: FilterRequest, within: Uint8Array | null = null): Uint8Array | null {
  const { filter, encoded } = request;
  if (filter.kind !== 'match') return null;
  const mask = new Uint8Array(count);
  if (encoded !== undefined && encoded.count === count) {
    const matching = encoded.columns.map((column) => Uint8Array.from(column.values, (text) => (filter.test(text) ? 1 : 0)));
    encoded.columns.forEach((column, c) => {
      const matches = matching[c] as Uint8Array;
      const { codes } = column;
      for (let i = 0; i < count; i += 1) {
        const code = codes[i] as number;
        if (code >= 0 && matches[code] === 1 && (within === null || within[i] === 1)) mask[i] = 1;
      }
    });
    return mask;
  }
  for (let i = 0; i < count; i += 1) {
    if (within !== null && within[i] !== 1) continue;
    for (const text of request.texts(i)) {
      if (filter.test(text)) {
        mask[i] = 1;
        break;
      }
    }
  }
  return mask;
}

/** Whether every row `next` keeps is one `previous` kept: both substrings, the new one containing the old. */
export function narrows(next: CompiledFilter, previous: CompiledFilter): boolean {
  return next.kind === 'match' && previous.kind === 'match' && next.needle !== undefined && previous.needle !== undefined && next.needle.includes(previous.needle);
}
