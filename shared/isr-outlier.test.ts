import { describe, expect, it } from 'vitest';
import { brokerLoads } from './broker-load';
import { isrOutlier } from './isr-outlier';
import { brokerInfo, partitionInfo, topicInfo } from './synthetic-snapshot';

describe('isrOutlier', () => {
  const brokers = [brokerInfo(1), brokerInfo(2), brokerInfo(3), brokerInfo(4, { fenced: true })];
  const topics = [
    topicInfo('t', [
      partitionInfo(0, [1, 3], { isr: [1] }),
      partitionInfo(1, [2, 3], { isr: [2] }),
      partitionInfo(2, [1, 2], { isr: [1] }),
      partitionInfo(3, [1, 4], { isr: [1] }),
      partitionInfo(4, [2, 4], { isr: [2] }),
    ]),
  ];

  it('names the up-and-running broker most often out of the ISR, ignoring fenced ones', () => {
    expect(isrOutlier(brokerLoads(brokers, topics), new Set([4]))).toEqual({ brokerId: 3, outOfSync: 2, hosted: 2, sharePct: 100, runnerUpOutOfSync: 1 });
  });

  it('finds none when every replica is in sync', () => {
    expect(isrOutlier(brokerLoads(brokers, [topicInfo('t', [partitionInfo(0, [1, 2])])]), new Set())).toBeNull();
  });
});
