import { LITTLE_ENDIAN } from '../../../shared/byte-order';
import { keptRows, narrows, type FilterRequest, type KeptRows } from './row-filter';
import type { CompiledFilter } from './text-filter';

/**
 * The order a table shows its rows in: positions into the rows array, filtered, then sorted.
 *
 * TanStack Table decides what is sorted (its sorting state, header toggles, aria-sort); this is
 * where the rows are put in that order, as TanStack's manual ("server-side") sorting expects.
 * Its own client-side row models copy every row object on each sort and build a dozen closures per
 * row: at 100,000 partitions that measured 0.5–1.2 s per sort and 2.7 s for the first build,
 * where sorting positions by precomputed values takes tens of milliseconds.
 *
 * Semantics match the ones the tables always had: values compare with < and > (TanStack's "basic"),
 * an unknown (undefined) value sorts last in both directions, and equal values keep the rows' order.
 */
export type SortValue = number | string | undefined;

export interface SortRequest {
  readonly columnId: string;
  readonly desc: boolean;
  readonly value: (position: number) => SortValue;
}

/** A sort of `rows` by one column's value. */
export function sortBy<Row>(rows: readonly Row[], columnId: string, value: (row: Row) => SortValue, desc: boolean): SortRequest {
  return {
    columnId,
    desc,
    value: (position) => {
      const row = rows[position];
      return row === undefined ? undefined : value(row);
    },
  };
}

/** A value that sorts last in both directions. */
const isUnknown = (value: SortValue): boolean => value === undefined || (typeof value === 'number' && Number.isNaN(value));

/** Positions 0..count-1 sorted by `value`; ties and unknowns as described above. */
export function sortedPositions(count: number, value: (position: number) => SortValue, desc: boolean): Int32Array {
  const values: SortValue[] = new Array<SortValue>(count);
  let numeric = true;
  for (let i = 0; i < count; i += 1) {
    const v = value(i);
    values[i] = v;
    if (v !== undefined && typeof v !== 'number') numeric = false;
  }
  // Below a few thousand rows, the radix sort's fixed cost (64 Ki counters per pass) is the larger one.
  return numeric && count > RADIX_FROM ? numericOrder(values as (number | undefined)[], desc) : comparedOrder(values, desc);
}

function comparedOrder(values: readonly SortValue[], desc: boolean): Int32Array {
  const positions: number[] = Array.from({ length: values.length }, (_, i) => i);
  const sign = desc ? -1 : 1;
  positions.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    if (va === undefined) return vb === undefined ? a - b : 1;
    if (vb === undefined) return -1;
    if (va === vb) return a - b;
    return va > vb ? sign : -sign;
  });
  return Int32Array.from(positions);
}

const DIGITS = 1 << 16;
const RADIX_FROM = 8_192;

/**
 * Numbers in the same order as comparedOrder, by a stable radix sort over the bits of each value
 * (four passes of 16 bits): a sort by comparisons of 100,000 random offsets took 65–110 ms, this
 * takes 15–30 ms, and a click on a numeric header of a 100,000-row table waits for exactly this.
 */
function numericOrder(values: readonly (number | undefined)[], desc: boolean): Int32Array {
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < values.length; i += 1) (isUnknown(values[i]) ? unknown : known).push(i);
  const m = known.length;
  const floats = new Float64Array(m);
  for (let k = 0; k < m; k += 1) floats[k] = (values[known[k] as number] as number) + 0; // + 0 turns -0 into 0
  const words = new Uint32Array(floats.buffer);
  const high = new Uint32Array(m);
  const low = new Uint32Array(m);
  for (let k = 0; k < m; k += 1) {
    let h = words[LITTLE_ENDIAN ? 2 * k + 1 : 2 * k] as number;
    let l = words[LITTLE_ENDIAN ? 2 * k : 2 * k + 1] as number;
    // IEEE-754 to unsigned order: flip every bit of negatives, only the sign bit of the rest.
    if ((h & 0x80000000) !== 0) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    high[k] = desc ? ~h >>> 0 : h;
    low[k] = desc ? ~l >>> 0 : l;
  }
  let order = new Uint32Array(m);
  for (let k = 0; k < m; k += 1) order[k] = k;
  let spare = new Uint32Array(m);
  const counts = new Uint32Array(DIGITS);
  for (const [keys, shift] of [
    [low, 0],
    [low, 16],
    [high, 0],
    [high, 16],
  ] as const) {
    counts.fill(0);
    for (let k = 0; k < m; k += 1) {
      const digit = ((keys[order[k] as number] as number) >>> shift) & 0xffff;
      counts[digit] = (counts[digit] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < DIGITS; d += 1) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < m; k += 1) {
      const j = order[k] as number;
      const digit = ((keys[j] as number) >>> shift) & 0xffff;
      spare[counts[digit] as number] = j;
      counts[digit] = (counts[digit] as number) + 1;
    }
    [order, spare] = [spare, order];
  }
  const out = new Int32Array(values.length);
  for (let k = 0; k < m; k += 1) out[k] = known[order[k] as number] as number;
  for (let k = 0; k < unknown.length; k += 1) out[m + k] = unknown[k] as number;
  return out;
}

/**
 * The same positions sorted the other way, from an order sortedPositions gave: runs of equal values
 * swap places but keep their rows' order inside, and unknown values stay last. A pass over the
 * positions instead of a second sort of every row (15–30 ms at 100,000).
 */
export function reversedOrder(order: Int32Array, value: (position: number) => SortValue): Int32Array {
  const out = new Int32Array(order.length);
  let known = order.length;
  while (known > 0 && isUnknown(value(order[known - 1] as number))) known -= 1;
  out.set(order.subarray(known), known);
  let at = 0;
  let end = known;
  while (end > 0) {
    const v = value(order[end - 1] as number);
    let start = end - 1;
    while (start > 0 && value(order[start - 1] as number) === v) start -= 1;
    for (let k = start; k < end; k += 1) out[at++] = order[k] as number;
    end = start;
  }
  return out;
}

/** The positions of `order` the filter kept, in that order. */
function keptInOrder(order: Int32Array, kept: KeptRows): Int32Array {
  const out = new Int32Array(kept.positions.length);
  let at = 0;
  for (let k = 0; k < order.length && at < out.length; k += 1) {
    const position = order[k] as number;
    if (kept.mask[position] === 1) {
      out[at] = position;
      at += 1;
    }
  }
  return out;
}

const sortKey = (columnId: string, desc: boolean): string => `${columnId}:${desc ? 'desc' : 'asc'}`;

/** How many filters and sorted-and-filtered orders each table remembers (typing back and forth, toggling a sort). */
const REMEMBERED = 8;

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value as string);
  return value;
}

function recall<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  return value === undefined ? undefined : remember(map, key, value);
}

/**
 * Remembers orders and filters for one rows array, so toggling a sort back and forth, or typing a
 * filter after sorting, never sorts the same rows twice, and a filter typed again (after a
 * backspace) is not run again. A new rows array (a new poll) starts afresh.
 */
export class RowOrderCache {
  private readonly sorts = new Map<string, Int32Array>();
  private readonly filters = new Map<string, { readonly filter: CompiledFilter; readonly kept: KeptRows | null }>();
  private readonly orders = new Map<string, Int32Array>();
  private lastFilter: string | null = null;
  private identity: Int32Array | null = null;

  constructor(readonly count: number) {}

  order(sort: SortRequest | null, filter: FilterRequest): Int32Array {
    const orderKey = `${sort === null ? '' : sortKey(sort.columnId, sort.desc)}\u0000${filter.key}`;
    const known = recall(this.orders, orderKey);
    if (known !== undefined) return known;
    const sorted = sort === null ? null : this.sorted(sort);
    const kept = this.keptBy(filter);
    const order = kept === null ? (sorted ?? this.all()) : sorted === null ? kept.positions : keptInOrder(sorted, kept);
    return remember(this.orders, orderKey, order);
  }

  /** Every position in the sort's order, remembered; the other direction, if known, is reversed rather than sorted. */
  private sorted(sort: SortRequest): Int32Array {
    const key = sortKey(sort.columnId, sort.desc);
    let sorted = this.sorts.get(key);
    if (sorted === undefined) {
      const other = this.sorts.get(sortKey(sort.columnId, !sort.desc));
      sorted = other === undefined ? sortedPositions(this.count, sort.value, sort.desc) : reversedOrder(other, sort.value);
      this.sorts.set(key, sorted);
    }
    return sorted;
  }

  private keptBy(request: FilterRequest): KeptRows | null {
    const last = this.lastFilter === null ? undefined : this.filters.get(this.lastFilter);
    this.lastFilter = request.key;
    const known = recall(this.filters, request.key);
    if (known !== undefined) return known.kept;
    const within = last !== undefined && last.kept !== null && narrows(request.filter, last.filter) ? last.kept.positions : null;
    return remember(this.filters, request.key, { filter: request.filter, kept: keptRows(this.count, request, within) }).kept;
  }

  private all(): Int32Array {
    if (this.identity === null) {
      this.identity = new Int32Array(this.count);
      for (let i = 0; i < this.count; i += 1) this.identity[i] = i;
    }
    return this.identity;
  }
}
