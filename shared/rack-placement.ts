import type { BrokerInfo, TopicInfo } from './cluster-snapshot';

/**
 * Whether one partition's replicas sit in different racks (availability zones).
 * 'unknown' when a replica is on a broker with no rack or no registration: that cannot be judged,
 * and calling it fine would hide exactly the misconfiguration the rule exists to catch.
 */
export type RackPlacement = 'distinct' | 'shared' | 'unknown';

export type RackOf = ReadonlyMap<number, string | null>;

export function rackIndex(brokers: readonly BrokerInfo[]): RackOf {
  return new Map(brokers.map((b) => [b.id, b.rack]));
}

export function rackPlacement(replicas: readonly number[], rackOf: RackOf): RackPlacement {
  // A partition has a handful of replicas: comparing each rack with the ones before it is cheaper
  // than a Set per partition, and this runs for every partition of every poll, three times over.
  let unknown = false;
  for (let i = 0; i < replicas.length; i += 1) {
    const rack = rackOf.get(replicas[i] as number) ?? null;
    if (rack === null) {
      unknown = true;
      continue;
    }
    for (let j = 0; j < i; j += 1) if (rackOf.get(replicas[j] as number) === rack) return 'shared';
  }
  return unknown ? 'unknown' : 'distinct';
}

export interface RackLoad {
  /** Null collects brokers with no broker.rack and replicas on unregistered brokers. */
  readonly rack: string | null;
  readonly brokers: number;
  readonly replicas: number;
  readonly leaders: number;
  /** Replicas that do not lead their partition (a leaderless partition's replicas included): replicas − leaders. */
  readonly followers: number;
}

/** Replicas and leaders per rack, racks in name order with the rackless last. */
export function rackLoads(brokers: readonly BrokerInfo[], topics: readonly TopicInfo[]): RackLoad[] {
  const loads = new Map<string | null, { brokers: number; replicas: number; leaders: number }>();
  const loadFor = (rack: string | null) => {
    let load = loads.get(rack);
    if (load === undefined) {
      load = { brokers: 0, replicas: 0, leaders: 0 };
      loads.set(rack, load);
    }
    return load;
  };
  // Each broker's rack load, looked up once here rather than once per replica.
  const loadOf = new Map<number, ReturnType<typeof loadFor>>();
  for (const broker of brokers) {
    const load = loadFor(broker.rack);
    load.brokers += 1;
    loadOf.set(broker.id, load);
  }
  const of = (id: number) => loadOf.get(id) ?? loadFor(null);
  for (const topic of topics) {
    for (const partition of topic.partitions) {
      for (const id of partition.replicas) of(id).replicas += 1;
      if (partition.leader >= 0) of(partition.leader).leaders += 1;
    }
  }
  return [...loads.entries()]
    .map(([rack, load]) => ({ rack, ...load, followers: load.replicas - load.leaders }))
    .sort((a, b) => (a.rack === null ? 1 : b.rack === null ? -1 : a.rack.localeCompare(b.rack)));
}
