import { describe, expect, it } from 'vitest';
import { deriveClusterModel } from '../../../shared/cluster-model';
import { partitionRows } from '../../../shared/partition-rows';
import { syntheticCluster } from '../../../shared/synthetic-snapshot';
import { demoSnapshot } from '../test/demo-snapshot';
import { PollRows } from './poll-rows';

describe('PollRows', () => {
  const snapshot = syntheticCluster({ brokers: 7, partitions: 530, partitionsPerTopic: 37, replicationFactor: 3, outOfSyncRatio: 0.1, seed: 11 });
  const model = deriveClusterModel(snapshot);
  const expected = partitionRows(snapshot, model);

  it('builds the row at any position exactly as the full build does, without building the others', () => {
    const rows = new PollRows(snapshot, model);
    expect(rows.count).toBe(expected.length);
    for (const position of [0, 1, 36, 37, 38, 300, expected.length - 1]) expect(rows.rowAt(position)).toEqual(expected[position]);
    expect(rows.rowAt(expected.length)).toBeUndefined();
    expect(rows.rowAt(-1)).toBeUndefined();
    expect(rows.allWanted).toBe(false);
    expect(rows.all()).toEqual(expected);
    expect(rows.allWanted).toBe(true);
  });

  it('tells a prebuild from a request that needed every row, and rebuilds rows after letting them go', () => {
    const rows = new PollRows(snapshot, model);
    expect(rows.prebuild()).toEqual(expected);
    expect(rows.allWanted).toBe(false);
    const built = rows.rowAt(200);
    rows.release();
    expect(rows.rowAt(200)).not.toBe(built);
    expect(rows.rowAt(200)).toEqual(expected[200]);
    expect(rows.rowFor(expected[200]?.topic ?? '', expected[200]?.partition ?? -1)).toEqual(expected[200]);
  });

  it('finds a topic partition by name and id, built or not, and nothing for one the poll does not have', () => {
    const demo = demoSnapshot();
    const demoRows = new PollRows(demo, deriveClusterModel(demo));
    expect(demoRows.rowFor('orders', 2)?.key).toBe('orders/2');
    expect(demoRows.rowFor('orders', 9)).toBeUndefined();
    expect(demoRows.rowFor('gone', 0)).toBeUndefined();
    const target = expected[100];
    const rows = new PollRows(snapshot, model);
    expect(rows.rowFor(target?.topic ?? '', target?.partition ?? -1)).toEqual(target);
    rows.all();
    expect(rows.rowFor(target?.topic ?? '', target?.partition ?? -1)).toBe(rows.all()[100]);
  });
});
