import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';

/**
 * Snapshots are immutable and replaced whole, so the snapshot object itself is the cache key:
 * a derivation runs once per poll however many components ask for it, and is dropped with the snapshot.
 */
export function memoizePerSnapshot<T>(derive: (snapshot: ClusterSnapshot) => T): (snapshot: ClusterSnapshot) => T {
  const cache = new WeakMap<ClusterSnapshot, T>();
  return (snapshot) => {
    if (cache.has(snapshot)) return cache.get(snapshot) as T;
    const value = derive(snapshot);
    cache.set(snapshot, value);
    return value;
  };
}

/** The same for derivations that compare two consecutive snapshots. */
export function memoizePerSnapshotPair<T>(
  derive: (previous: ClusterSnapshot, next: ClusterSnapshot) => T,
): (previous: ClusterSnapshot, next: ClusterSnapshot) => T {
  const cache = new WeakMap<ClusterSnapshot, WeakMap<ClusterSnapshot, T>>();
  return (previous, next) => {
    let inner = cache.get(next);
    if (inner === undefined) {
      inner = new WeakMap();
      cache.set(next, inner);
    }
    if (inner.has(previous)) return inner.get(previous) as T;
    const value = derive(previous, next);
    inner.set(previous, value);
    return value;
  };
}
