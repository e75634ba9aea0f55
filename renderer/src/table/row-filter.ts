import type { CompiledFilter } from './text-filter';

/**
 * Which rows a table filter keeps. The filter tests each row's searchable texts (a topic's name,
 * a partition number, an error); any match keeps the row.
 */
export interface FilterRequest {
  /** The filter as typed: what its result is remembered by. */
  readonly key: string;
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

/** Builds EncodedTexts one text at a time, for encoders that read texts from somewhere other than rows. */
export class TextsEncoder {
  private readonly columns: { values: string[]; codes: Int32Array; index: Map<string, number>; last: string | null; lastCode: number }[] = [];

  constructor(readonly count: number) {}

  set(position: number, column: number, text: string): void {
    let encoded = this.columns[column];
    if (encoded === undefined) {
      encoded = { values: [], codes: new Int32Array(this.count).fill(-1), index: new Map(), last: null, lastCode: -1 };
      this.columns[column] = encoded;
    }
    // Neighbouring rows often repeat a text (a topic's partitions): skip the lookup then.
    if (text !== encoded.last) {
      let code = encoded.index.get(text);
      if (code === undefined) {
        code = encoded.values.length;
        encoded.values.push(text);
        encoded.index.set(text, code);
      }
      encoded.last = text;
      encoded.lastCode = code;
    }
    encoded.codes[position] = encoded.lastCode;
  }

  done(): EncodedTexts {
    return { count: this.count, columns: this.columns.map(({ values, codes }) => ({ values, codes })) };
  }
}

export function encodeTexts(count: number, texts: (position: number) => readonly string[]): EncodedTexts {
  const encoder = new TextsEncoder(count);
  for (let i = 0; i < count; i += 1) {
    const row = texts(i);
    for (let c = 0; c < row.length; c += 1) encoder.set(i, c, row[c] as string);
  }
  return encoder.done();
}

/** The rows a filter keeps: one byte per position, and the kept positions in row order. */
export interface KeptRows {
  readonly mask: Uint8Array;
  readonly positions: Int32Array;
}

/**
 * Which positions the filter keeps; null when it keeps everything. Given the rows kept by a filter
 * this one narrows (typing on: "orders" after "order"), only those rows are tested.
 */
export function keptRows(count: number, request: FilterRequest, within: Int32Array | null = null): KeptRows | null {
  const { filter, encoded } = request;
  if (filter.kind !== 'match') return null;
  const mask = new Uint8Array(count);
  const n = within === null ? count : within.length;
  let kept = 0;
  if (encoded !== undefined && encoded.count === count) {
    // Column by column: each distinct text is tested once, then a plain pass over the codes, and a
    // column none of whose texts match (partition numbers for a topic name) costs nothing more.
    for (const { values, codes } of encoded.columns) {
      const matches = Uint8Array.from(values, (text) => (filter.test(text) ? 1 : 0));
      if (!matches.includes(1)) continue;
      // Every text of a column every row has matches ("t" in topic names): every candidate is kept.
      if (!matches.includes(0) && !codes.includes(-1)) return allKept(count, within);
      for (let k = 0; k < n; k += 1) {
        const i = within === null ? k : (within[k] as number);
        if (mask[i] === 1) continue;
        const code = codes[i] as number;
        if (code >= 0 && matches[code] === 1) {
          mask[i] = 1;
          kept += 1;
        }
      }
    }
  } else {
    for (let k = 0; k < n; k += 1) {
      const i = within === null ? k : (within[k] as number);
      if (request.texts(i).some((text) => filter.test(text))) {
        mask[i] = 1;
        kept += 1;
      }
    }
  }
  const positions = new Int32Array(kept);
  for (let i = 0, at = 0; at < kept; i += 1) {
    if (mask[i] === 1) {
      positions[at] = i;
      at += 1;
    }
  }
  return { mask, positions };
}

/** Every position (or every one of `within`) kept. */
function allKept(count: number, within: Int32Array | null): KeptRows {
  const mask = new Uint8Array(count);
  if (within === null) {
    mask.fill(1);
    const positions = new Int32Array(count);
    for (let i = 0; i < count; i += 1) positions[i] = i;
    return { mask, positions };
  }
  for (let k = 0; k < within.length; k += 1) mask[within[k] as number] = 1;
  return { mask, positions: within.slice() };
}

/** Whether every row `next` keeps is one `previous` kept: both substrings, the new one containing the old. */
export function narrows(next: CompiledFilter, previous: CompiledFilter): boolean {
  return next.kind === 'match' && previous.kind === 'match' && next.needle !== undefined && previous.needle !== undefined && next.needle.includes(previous.needle);
}
