import { describe, expect, it } from 'vitest';
import { rackIndex, rackLoads, rackPlacement } from './rack-placement';
import { brokerInfo, partitionInfo, topicInfo } from './synthetic-snapshot';

describe('rackPlacement', () => {
  const rackOf = rackIndex([brokerInfo(1, { rack: 'a' }), brokerInfo(2, { rack: 'b' }), brokerInfo(3, { rack: 'a' }), brokerInfo(4, { rack: null })]);

  it('accepts replicas in different racks', () => {
    expect(rackPlacement([1, 2], rackOf)).toBe('distinct');
  });

  it('flags two replicas in the same rack', () => {
    expect(rackPlacement([1, 2, 3], rackOf)).toBe('shared');
  });

  it('cannot judge a replica on a rackless or unregistered broker', () => {
    expect(rackPlacement([1, 4], rackOf)).toBe('unknown');
    expect(rackPlacement([1, 9], rackOf)).toBe('unknown');
  });

  it('still flags a known collision next to an unknown rack', () => {
    expect(rackPlacement([4, 1, 3], rackOf)).toBe('shared');
  });
});

describe('rackLoads', () => {
  it('counts brokers, replicas and leaders per rack, rackless last', () => {
    const brokers = [brokerInfo(1, { rack: 'b' }), brokerInfo(2, { rack: 'a' }), brokerInfo(3, { rack: null })];
    const topics = [topicInfo('t', [partitionInfo(0, [1, 2]), partitionInfo(1, [2, 3]), partitionInfo(2, [3, 9], { leader: -1 })])];
    expect(rackLoads(brokers, topics)).toEqual([
      { rack: 'a', brokers: 1, replicas: 2, leaders: 1, followers: 1 },
      { rack: 'b', brokers: 1, replicas: 1, leaders: 1, followers: 0 },
      { rack: null, brokers: 1, replicas: 3, leaders: 0, followers: 3 },
    ]);
  });
});
