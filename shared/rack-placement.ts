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
  const seen = new Set<string>();
  let unknown = false;
  for (const id of replicas) {
    const rack = rackOf.get(id) ?? null;
    if (rack === null) {
      unknown = true;
      continue;
    }
    if (seen.has(rack)) return 'shared';
    seen.add(rack);
  }
  return unknown ? 'unknown' : 'distinct';
}

export interface RackLoad {
  /** Null collects brokers with no broker.rack and replicas on unregistered brokers. */
  readonly rack: string | null;
  readonly brokers: number;
  readonly replicas: number;
  readonly leaders: number;
}

/** Replicas and leaders per rack, racks in name order with the rackless last. */
export function rackLoads(brokers: readonly BrokerInfo[], topics: readonly TopicInfo[]): RackLoad[] {
  const rackOf = rackIndex(brokers);
  const loads = new Map<string | null, { brokers: number; replicas: number; leaders: number }>();
  const loadFor = (rack: string | null) => {
    let load = loads.get(rack);
    if (load === undefined) {
      load = { brokers: 0, replicas: 0, leaders: 0 };
      loads.set(rack, load);
    }
    return load;
  };
  for (const broker of brokers) loadFor(broker.rack).brokers += 1;
  for (const topic of topics) {
    for (const partition of topic.partitions) {
      for (const id of partition.replicas) loadFor(rackOf.get(id) ?? null).replicas += 1;
      if (partition.leader >= 0) loadFor(rackOf.get(partition.leader) ?? null).leaders += 1;
    }
  }
  return [...loads.entries()]
    .map(([rack, load]) => ({ rack, ...load }))
    .sort((a, b) => (a.rack === null ? 1 : b.rack === null ? -1 : a.rack.localeCompare(b.rack)));
}
