import { describe, expect, it } from 'vitest';
import { blastRadius } from './blast-radius';
import { clusterSnapshot, partitionInfo, topicInfo } from './synthetic-snapshot';

describe('blastRadius', () => {
  const snapshot = clusterSnapshot({
    topics: [
      topicInfo(
        't',
        [
          // Leads, sole in-sync replica: would go offline.
          partitionInfo(0, [1, 2], { isr: [1] }),
          // Leads, fully in sync, min ISR 2 of 3: leadership moves, becomes under-replicated.
          partitionInfo(1, [1, 2, 3]),
          // Follows, ISR exactly min ISR: would drop under min ISR.
          partitionInfo(2, [2, 1, 3], { isr: [2, 1] }),
          // Follows, out of sync already: nothing changes.
          partitionInfo(3, [2, 1, 3], { isr: [2, 3] }),
          // Does not host it.
          partitionInfo(4, [2, 3]),
        ],
        2,
      ),
    ],
  });

  it('sorts what would newly break into offline, under min ISR and under-replicated', () => {
    const radius = blastRadius(snapshot, 1);
    const names = (refs: readonly { partition: number }[]) => refs.map((r) => r.partition);
    expect(names(radius.offline)).toEqual([0]);
    expect(names(radius.underMinIsr)).toEqual([2]);
    expect(names(radius.underReplicated)).toEqual([1]);
    expect(names(radius.leadershipMoves)).toEqual([1]);
    expect(radius.hosted).toBe(4);
  });

  it('does not count partitions already offline', () => {
    const down = clusterSnapshot({ topics: [topicInfo('t', [partitionInfo(0, [1, 2], { leader: -1, isr: [1] })])] });
    expect(blastRadius(down, 1).offline).toEqual([]);
  });

  it('does not guess min ISR when it is unknown: the partitions that would lose an in-sync replica get a list of their own', () => {
    const unknown = clusterSnapshot({
      topics: [
        topicInfo(
          't',
          [
            // Follows, fully in sync.
            partitionInfo(0, [2, 1], { isr: [2, 1] }),
            // Leads, already under-replicated: leadership moves, and the ISR shrinks again.
            partitionInfo(1, [1, 2, 3], { isr: [1, 2] }),
            // Leads, sole in-sync replica: offline whatever the minimum.
            partitionInfo(2, [1, 3], { isr: [1] }),
          ],
          null,
        ),
      ],
    });
    const radius = blastRadius(unknown, 1);
    const names = (refs: readonly { partition: number }[]) => refs.map((r) => r.partition);
    expect(names(radius.minIsrUnknown)).toEqual([0, 1]);
    expect(radius.underMinIsr).toEqual([]);
    expect(radius.underReplicated).toEqual([]);
    expect(names(radius.leadershipMoves)).toEqual([1]);
    expect(names(radius.offline)).toEqual([2]);
  });

  it('lists nothing under an unknown minimum when every topic’s min ISR is known', () => {
    expect(blastRadius(snapshot, 1).minIsrUnknown).toEqual([]);
  });
});
