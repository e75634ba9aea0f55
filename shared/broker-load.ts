import type { BrokerInfo, TopicInfo } from './cluster-snapshot';

/** How much of the cluster's work one broker carries. */
export interface BrokerLoad {
  readonly brokerId: number;
  readonly leaders: number;
  readonly replicas: number;
  readonly followers: number;
  /** Replicas hosted here that are not in their partition's ISR. */
  readonly outOfSyncReplicas: number;
  /** Replicas hosted here that Kafka reports as offline. */
  readonly offlineReplicas: number;
  /** Partitions whose preferred (first assigned) replica is this broker. */
  readonly preferredLeaders: number;
  /** Of those, the ones it currently leads. */
  readonly preferredLeading: number;
  /** (leaders − average) / average in percent; null when the cluster is too small to judge. */
  readonly leaderSkewPct: number | null;
  readonly replicaSkewPct: number | null;
}

export interface SkewOptions {
  /** Below this many partitions, skew is noise: kafbat's distribution view uses 50. */
  readonly minPartitionsForSkew: number;
}

export const DEFAULT_SKEW_OPTIONS: SkewOptions = { minPartitionsForSkew: 50 };

interface Counter {
  leaders: number;
  replicas: number;
  outOfSync: number;
  offline: number;
  preferred: number;
  preferredLeading: number;
}

function emptyCounter(): Counter {
  return { leaders: 0, replicas: 0, outOfSync: 0, offline: 0, preferred: 0, preferredLeading: 0 };
}

/**
 * Counts per broker in one pass over every partition. Brokers that are not registered but still
 * appear in an assignment get a row too: they are exactly the ones an on-call engineer looks for.
 * Skew is measured against the average over the brokers that can take load (registered, unfenced).
 */
export function brokerLoads(
  brokers: readonly BrokerInfo[],
  topics: readonly TopicInfo[],
  options: SkewOptions = DEFAULT_SKEW_OPTIONS,
): BrokerLoad[] {
  const counters = new Map<number, Counter>();
  for (const broker of brokers) counters.set(broker.id, emptyCounter());
  const counterFor = (id: number): Counter => {
    let counter = counters.get(id);
    if (counter === undefined) {
      counter = emptyCounter();
      counters.set(id, counter);
    }
    return counter;
  };

  let partitionCount = 0;
  let leaderTotal = 0;
  let replicaTotal = 0;
  for (const topic of topics) {
    for (const partition of topic.partitions) {
      partitionCount += 1;
      const isr = partition.isr;
      const offline = partition.offlineReplicas;
      for (let i = 0; i < partition.replicas.length; i += 1) {
        const id = partition.replicas[i] as number;
        const counter = counterFor(id);
        counter.replicas += 1;
        replicaTotal += 1;
        if (i === 0) {
          counter.preferred += 1;
          if (partition.leader === id) counter.preferredLeading += 1;
        }
        if (!isr.includes(id)) counter.outOfSync += 1;
        if (offline.includes(id)) counter.offline += 1;
      }
      if (partition.leader >= 0) {
        counterFor(partition.leader).leaders += 1;
        leaderTotal += 1;
      }
    }
  }

  // The average is over the brokers that can carry load, of the load they carry: a fenced or
  // missing broker's replicas would otherwise make every healthy broker look under-loaded.
  const capable = brokers.filter((b) => !b.fenced);
  let capableLeaders = 0;
  let capableReplicas = 0;
  for (const broker of capable) {
    const counter = counters.get(broker.id);
    capableLeaders += counter?.leaders ?? 0;
    capableReplicas += counter?.replicas ?? 0;
  }
  const judge = partitionCount >= options.minPartitionsForSkew && capable.length > 0 && leaderTotal + replicaTotal > 0;
  const avgLeaders = capableLeaders / Math.max(capable.length, 1);
  const avgReplicas = capableReplicas / Math.max(capable.length, 1);
  const skew = (value: number, average: number): number | null =>
    judge && average > 0 ? ((value - average) / average) * 100 : null;

  return [...counters.entries()]
    .sort(([a], [b]) => a - b)
    .map(([brokerId, c]) => ({
      brokerId,
      leaders: c.leaders,
      replicas: c.replicas,
      followers: c.replicas - c.leaders,
      outOfSyncReplicas: c.outOfSync,
      offlineReplicas: c.offline,
      preferredLeaders: c.preferred,
      preferredLeading: c.preferredLeading,
      leaderSkewPct: skew(c.leaders, avgLeaders),
      replicaSkewPct: skew(c.replicas, avgReplicas),
    }));
}
