import { useMemo, useRef } from 'react';

/**
 * What TanStack Table is given as data: the positions of the rows, as an array that stays the same
 * object for as long as the rows' keys are the same, in the same order, as last time.
 *
 * TanStack builds an object with a dozen closures for every data item whenever `data` changes;
 * for 100,000 partitions that is a second of work and garbage on every poll. A poll rarely adds or
 * removes a partition, so the handles usually survive it and only the values behind them change.
 */
export function useRowHandles<Row>(rows: readonly Row[], rowKey: (row: Row) => string): readonly number[] {
  const last = useRef<{ keys: readonly string[]; handles: readonly number[] } | null>(null);
  return useMemo(() => {
    const keys = rows.map(rowKey);
    const previous = last.current;
    if (previous !== null && previous.keys.length === keys.length && previous.keys.every((k, i) => k === keys[i])) {
      return previous.handles;
    }
    const handles = rows.map((_, i) => i);
    last.current = { keys, handles };
    return handles;
  }, [rows, rowKey]);
}
