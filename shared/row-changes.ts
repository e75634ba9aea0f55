/**
 * Keys of the rows whose state differs between two consecutive snapshots, so a live view can flash
 * them. A row that is new counts as changed; a row that disappeared is simply gone.
 * Each row builder says what "its state" is with a signature; offsets and sizes that grow every poll
 * are left out of signatures on purpose, or everything would flash all the time.
 */
export function changedKeys<Row>(
  previous: readonly Row[],
  next: readonly Row[],
  key: (row: Row) => string,
  signature: (row: Row) => string,
): ReadonlySet<string> {
  const before = new Map<string, string>();
  for (const row of previous) before.set(key(row), signature(row));
  const changed = new Set<string>();
  for (const row of next) {
    const k = key(row);
    if (before.get(k) !== signature(row)) changed.add(k);
  }
  return changed;
}
