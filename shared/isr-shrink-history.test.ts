import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from './cluster-snapshot';
import { EMPTY_ISR_SHRINK_HISTORY, isrShrinkCounts, nextIsrShrinkHistory, type IsrShrinkHistory } from './isr-shrink-history';
import { clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

/** Broker 3 in or out of the ISRs of the three partitions it hosts. */
function cluster(broker3InSync: boolean): ClusterSnapshot {
  const isr = (replicas: number[]): number[] => (broker3InSync ? replicas : replicas.filter((id) => id !== 3));
  return clusterSnapshot({
    topics: [
      topicInfo('orders', [partitionInfo(0, [1, 2, 3], { isr: isr([1, 2, 3]) }), partitionInfo(1, [2, 3, 1], { isr: isr([2, 3, 1]) })]),
      topicInfo('payments', [partitionInfo(0, [3, 1, 2], { leader: 1, isr: isr([3, 1, 2]) }), partitionInfo(1, [1, 2], { isr: [1, 2] })]),
    ],
  });
}

function replay(steps: readonly [ClusterSnapshot, number][]): IsrShrinkHistory {
  let history = EMPTY_ISR_SHRINK_HISTORY;
  for (const [snapshot, now] of steps) history = nextIsrShrinkHistory(history, snapshot, now);
  return history;
}

describe('ISR shrink history', () => {
  it('counts one shrink per poll per broker, however many ISRs it left', () => {
    const history = replay([
      [cluster(true), 0],
      [cluster(false), 5_000],
    ]);
    expect(isrShrinkCounts(history, 5_000)).toEqual([{ brokerId: 3, shrinks: 1, flapping: false }]);
  });

  it('flags a broker that drops out three times within ten minutes', () => {
    const steps: [ClusterSnapshot, number][] = [];
    for (let i = 0; i < 6; i += 1) steps.push([cluster(i % 2 === 0), i * 60_000]);
    const history = replay(steps);
    expect(isrShrinkCounts(history, 5 * 60_000)).toEqual([{ brokerId: 3, shrinks: 3, flapping: true }]);
  });

  it('forgets shrinks older than the window', () => {
    const steps: [ClusterSnapshot, number][] = [];
    for (let i = 0; i < 6; i += 1) steps.push([cluster(i % 2 === 0), i * 60_000]);
    steps.push([cluster(true), 20 * 60_000]);
    const history = replay(steps);
    expect(isrShrinkCounts(history, 20 * 60_000)).toEqual([]);
    expect(history.shrinks.size).toBe(0);
  });

  it('does not count a replica moved away by a reassignment, nor partitions seen for the first time', () => {
    const before = clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2, 3])])] });
    const reassigned = clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2, 4])]), topicInfo('new', [partitionInfo(0, [1, 2], { isr: [1] })])] });
    const history = replay([
      [before, 0],
      [reassigned, 5_000],
    ]);
    expect(isrShrinkCounts(history, 5_000)).toEqual([]);
  });

  it('keeps a bounded number of shrinks per broker', () => {
    const steps: [ClusterSnapshot, number][] = [];
    for (let i = 0; i < 500; i += 1) steps.push([cluster(i % 2 === 0), i * 1_000]);
    const history = replay(steps);
    expect(history.shrinks.get(3)?.length).toBeLessThanOrEqual(16);
  });
});
