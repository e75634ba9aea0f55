import type { ClusterSnapshot } from './cluster-snapshot';

/**
 * Which brokers keep dropping out of ISRs. Each poll is compared with the previous one: a broker
 * that left the ISR of at least one partition it still hosts has one shrink at that poll, however
 * many partitions it left (a crash empties every ISR at once; that is one drop-out, not hundreds).
 * A broker that left and rejoined between two polls is not seen: the poll interval bounds what
 * can be seen, and ISR changes under replica.lag.time.max.ms (30 s by default) are rarely faster.
 */
export interface IsrShrinkHistory {
  /** Each partition's ISR at the last poll, keyed `topic\0partition`. */
  readonly isr: ReadonlyMap<string, readonly number[]>;
  /** Per broker, epoch ms of the polls at which it left an ISR, oldest first, bounded. */
  readonly shrinks: ReadonlyMap<number, readonly number[]>;
}

export const EMPTY_ISR_SHRINK_HISTORY: IsrShrinkHistory = { isr: new Map(), shrinks: new Map() };

export interface IsrFlapOptions {
  /** Shrinks older than this are forgotten. */
  readonly windowMs: number;
  /** This many shrinks within the window make a broker flapping. */
  readonly minShrinks: number;
}

export const DEFAULT_ISR_FLAP_OPTIONS: IsrFlapOptions = { windowMs: 600_000, minShrinks: 3 };

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export function nextIsrShrinkHistory(
  previous: IsrShrinkHistory,
  snapshot: ClusterSnapshot,
  now: number,
  options: IsrFlapOptions = DEFAULT_ISR_FLAP_OPTIONS,
): IsrShrinkHistory {
  const isr = new Map<string, readonly number[]>();
  const shrunk = new Set<number>();
  for (const topic of snapshot.topics) {
    for (const partition of topic.partitions) {
      const k = key(topic.name, partition.partition);
      isr.set(k, partition.isr);
      const before = previous.isr.get(k);
      if (before === undefined) continue;
      for (const id of before) {
        if (!partition.isr.includes(id) && partition.replicas.includes(id)) shrunk.add(id);
      }
    }
  }
  const cutoff = now - options.windowMs;
  const shrinks = new Map<number, readonly number[]>();
  const ids = new Set<number>([...previous.shrinks.keys(), ...shrunk]);
  for (const id of ids) {
    // Bounded twice: by the window, and by count, so a pathological cluster cannot grow it.
    const kept = (previous.shrinks.get(id) ?? []).filter((t) => t > cutoff);
    if (shrunk.has(id)) kept.push(now);
    const bounded = kept.slice(-Math.max(options.minShrinks * 4, 16));
    if (bounded.length > 0) shrinks.set(id, bounded);
  }
  return { isr, shrinks };
}

export interface BrokerIsrShrinks {
  readonly brokerId: number;
  /** Polls within the window at which it left an ISR. */
  readonly shrinks: number;
  readonly flapping: boolean;
}

export function isrShrinkCounts(history: IsrShrinkHistory, now: number, options: IsrFlapOptions = DEFAULT_ISR_FLAP_OPTIONS): BrokerIsrShrinks[] {
  const cutoff = now - options.windowMs;
  return [...history.shrinks.entries()]
    .map(([brokerId, times]) => {
      const shrinks = times.filter((t) => t > cutoff).length;
      return { brokerId, shrinks, flapping: shrinks >= options.minShrinks };
    })
    .filter((b) => b.shrinks > 0)
    .sort((a, b) => a.brokerId - b.brokerId);
}
