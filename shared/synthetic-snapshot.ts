import type { BrokerInfo, ClusterSnapshot, PartitionInfo, TopicInfo } from './cluster-snapshot';
import { ok } from './fetched';

/** Builds snapshots by hand for tests and benchmarks; every field defaults to a healthy cluster. */
export function brokerInfo(id: number, overrides: Partial<BrokerInfo> = {}): BrokerInfo {
  return {
    id,
    host: '127.0.0.1',
    port: 9091 + id,
    rack: `rack-${String.fromCharCode(96 + (((id - 1) % 3) + 1))}`,
    fenced: false,
    logDirs: ok([]),
    ...overrides,
  };
}

export function partitionInfo(partition: number, replicas: readonly number[], overrides: Partial<PartitionInfo> = {}): PartitionInfo {
  return {
    partition,
    leader: replicas[0] ?? -1,
    leaderEpoch: 0,
    replicas,
    isr: replicas,
    offlineReplicas: [],
    error: null,
    offsets: ok({ logStartOffset: 0, highWatermark: 0 }),
    sizeBytes: ok(0),
    ...overrides,
  };
}

export function topicInfo(name: string, partitions: readonly PartitionInfo[], minInsyncReplicas: number | null = 1): TopicInfo {
  return {
    name,
    internal: name.startsWith('__'),
    partitions,
    config: ok({ minInsyncReplicas, retentionMs: 604_800_000, retentionBytes: -1, cleanupPolicy: 'delete' }),
  };
}

export function clusterSnapshot(overrides: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  const brokers = overrides.brokers ?? [brokerInfo(1), brokerInfo(2), brokerInfo(3)];
  return {
    clusterKey: 'test',
    profileName: 'test',
    kafkaClusterId: 'test-cluster-id',
    takenAt: 0,
    pollDurationMs: 0,
    requestCount: 0,
    bootstrap: ['127.0.0.1:9092'],
    brokers,
    quorum: ok({
      leaderId: brokers[0]?.id ?? -1,
      leaderEpoch: 1,
      highWatermark: 100,
      voters: brokers.map((b) => ({ id: b.id, logEndOffset: 100, lag: 0, lastFetchTimestamp: 0, lastCaughtUpTimestamp: 0 })),
      observers: [],
    }),
    topics: [],
    consumerGroups: ok([]),
    brokerErrors: [],
    ...overrides,
  };
}

/** A deterministic pseudo-random generator (mulberry32), so a generated cluster is the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticClusterOptions {
  readonly brokers: number;
  readonly partitions: number;
  readonly partitionsPerTopic: number;
  readonly replicationFactor: number;
  /** Share of replicas that are out of sync, to exercise the unhealthy paths. */
  readonly outOfSyncRatio: number;
  readonly seed: number;
}

/** A large, plausible cluster for benchmarks: rack-aware round-robin assignment with some ISR damage. */
export function syntheticCluster(options: SyntheticClusterOptions): ClusterSnapshot {
  const rand = random(options.seed);
  const brokers = Array.from({ length: options.brokers }, (_, i) => brokerInfo(i + 1, { host: `broker-${i + 1}.kafka.internal`, port: 9092 }));
  const topics: TopicInfo[] = [];
  let made = 0;
  let topicIndex = 0;
  while (made < options.partitions) {
    const count = Math.min(options.partitionsPerTopic, options.partitions - made);
    const start = Math.floor(rand() * options.brokers);
    const partitions: PartitionInfo[] = [];
    for (let p = 0; p < count; p += 1) {
      const replicas: number[] = [];
      for (let r = 0; r < options.replicationFactor; r += 1) replicas.push(((start + p + r * 7) % options.brokers) + 1);
      const isr = replicas.filter((_, r) => r === 0 || rand() >= options.outOfSyncRatio);
      const hw = Math.floor(rand() * 1e9);
      partitions.push(
        partitionInfo(p, replicas, {
          isr,
          leaderEpoch: Math.floor(rand() * 20),
          offsets: ok({ logStartOffset: Math.floor(hw / 2), highWatermark: hw }),
          sizeBytes: ok(Math.floor(rand() * 1e10)),
        }),
      );
    }
    topics.push(topicInfo(`topic-${String(topicIndex).padStart(5, '0')}`, partitions, 2));
    made += count;
    topicIndex += 1;
  }
  return clusterSnapshot({ clusterKey: 'synthetic', profileName: 'synthetic', brokers, topics });
}

export interface LaterPollOptions {
  /** Share of topics being written to: their partitions' high watermarks and sizes move on. */
  readonly writtenTopicShare: number;
  /** Share of partitions where one follower leaves the ISR, or all of them come back to it. */
  readonly isrChangeShare: number;
  readonly seed: number;
}

/**
 * The same generated cluster one poll later, as a real cluster changes between polls: the topics
 * being written to have grown, and a few partitions' ISRs have changed. Everything else is the
 * same objects as before.
 */
export function laterPoll(snapshot: ClusterSnapshot, options: LaterPollOptions): ClusterSnapshot {
  const rand = random(options.seed);
  const topics = snapshot.topics.map((topic): TopicInfo => {
    const written = rand() < options.writtenTopicShare;
    let changed = false;
    const partitions = topic.partitions.map((p): PartitionInfo => {
      const isrChanges = rand() < options.isrChangeShare;
      if (!written && !isrChanges) return p;
      changed = true;
      const grown = Math.floor(rand() * 10_000);
      const isr = !isrChanges ? p.isr : p.isr.length < p.replicas.length ? p.replicas : p.replicas.filter((id, r) => r !== 1 || id === p.leader);
      return {
        ...p,
        isr,
        offsets: written && p.offsets.status === 'ok' ? ok({ ...p.offsets.value, highWatermark: p.offsets.value.highWatermark + grown }) : p.offsets,
        sizeBytes: written && p.sizeBytes.status === 'ok' ? ok(p.sizeBytes.value + grown * 1_000) : p.sizeBytes,
      };
    });
    return changed ? { ...topic, partitions } : topic;
  });
  return { ...snapshot, topics };
}
