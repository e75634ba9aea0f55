import { describe, expect, it } from 'vitest';
import type { PartitionInfo } from './cluster-snapshot';
import { laterPoll, syntheticCluster } from './synthetic-snapshot';

const base = syntheticCluster({ brokers: 12, partitions: 3_000, partitionsPerTopic: 30, replicationFactor: 3, outOfSyncRatio: 0.05, seed: 9 });
const hw = (p: PartitionInfo): number => (p.offsets.status === 'ok' ? p.offsets.value.highWatermark : Number.NaN);

describe('a generated cluster one poll later', () => {
  it('grows the topics being written to, changes a few ISRs, and leaves everything else as it was', () => {
    const next = laterPoll(base, { writtenTopicShare: 0.2, isrChangeShare: 0.01, seed: 1 });
    let grown = 0;
    let isrChanged = 0;
    next.topics.forEach((topic, t) => {
      const before = base.topics[t];
      expect(topic.name).toBe(before?.name);
      topic.partitions.forEach((p, i) => {
        const was = before?.partitions[i] as PartitionInfo;
        expect(hw(p)).toBeGreaterThanOrEqual(hw(was));
        if (hw(p) > hw(was)) grown += 1;
        if (p.isr.join() !== was.isr.join()) isrChanged += 1;
        // An ISR is always of the partition's replicas, and keeps its leader.
        expect(p.isr.every((id) => p.replicas.includes(id))).toBe(true);
        expect(p.isr).toContain(p.leader);
        expect(p.replicas).toBe(was.replicas);
      });
    });
    const unchangedTopics = next.topics.filter((topic, t) => topic === base.topics[t]).length;
    expect(grown).toBeGreaterThan(300);
    expect(grown).toBeLessThan(1_000);
    expect(isrChanged).toBeGreaterThan(10);
    expect(isrChanged).toBeLessThan(80);
    expect(unchangedTopics).toBeGreaterThan(40);
  });

  it('is the same cluster when nothing is written and no ISR changes', () => {
    const next = laterPoll(base, { writtenTopicShare: 0, isrChangeShare: 0, seed: 1 });
    expect(next.topics.every((topic, t) => topic === base.topics[t])).toBe(true);
  });
});
