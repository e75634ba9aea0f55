/**
 * Whether a row's state differs from the previous snapshot's, so a live view can flash it. A row
 * that is new counts as changed. Each row builder says what "its state" is with a `same` function;
 * offsets and sizes that grow every poll are left out on purpose, or everything would flash.
 *
 * Lazy on purpose: a virtualized table asks only about the rows on screen, so 100,000 partitions
 * cost a few dozen comparisons per poll. Consecutive snapshots list rows in the same order, so the
 * row at the same index is tried first and a key index is built only if that guess fails.
 */
export function changeDetector<Row>(
  previous: readonly Row[],
  key: (row: Row) => string,
  same: (before: Row, after: Row) => boolean,
): (row: Row, index: number) => boolean {
  let byKey: Map<string, Row> | null = null;
  return (row, index) => {
    const k = key(row);
    let before = previous[index];
    if (before === undefined || key(before) !== k) {
      byKey ??= new Map(previous.map((r) => [key(r), r]));
      before = byKey.get(k);
    }
    return before === undefined || !same(before, row);
  };
}

/** Every changed key at once, for small row sets and tests. */
export function changedKeys<Row>(
  previous: readonly Row[],
  next: readonly Row[],
  key: (row: Row) => string,
  same: (before: Row, after: Row) => boolean,
): ReadonlySet<string> {
  const isChanged = changeDetector(previous, key, same);
  const changed = new Set<string>();
  next.forEach((row, index) => {
    if (isChanged(row, index)) changed.add(key(row));
  });
  return changed;
}
