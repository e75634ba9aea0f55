import { describe, expect, it } from 'vitest';
import { deriveClusterModel } from '../../../shared/cluster-model';
import { partitionRows } from '../../../shared/partition-rows';
import { syntheticCluster } from '../../../shared/synthetic-snapshot';
import { searchTexts } from '../table/column-spec';
import { CLUSTER_PARTITION_FIELDS, type PartitionField } from '../views/topics/partition-fields';
import { pollSearchTexts } from './poll-search-texts';

describe('pollSearchTexts', () => {
  const base = syntheticCluster({ brokers: 5, partitions: 300, partitionsPerTopic: 30, replicationFactor: 3, outOfSyncRatio: 0.1, seed: 5 });
  // Some partitions with a Metadata error, so the error column has more than the empty text.
  const snapshot = {
    ...base,
    topics: base.topics.map((topic, t) => ({
      ...topic,
      partitions: topic.partitions.map((p) => (p.partition % 7 === t % 3 ? { ...p, error: t % 2 === 0 ? 'LEADER_NOT_AVAILABLE' : 'REPLICA_NOT_AVAILABLE' } : p)),
    })),
  };

  it('reads off the snapshot the same searchable texts the table filter sees on each built row', () => {
    const rows = partitionRows(snapshot, deriveClusterModel(snapshot));
    const encoded = pollSearchTexts(snapshot, CLUSTER_PARTITION_FIELDS);
    expect(encoded?.count).toBe(rows.length);
    const texts = searchTexts(CLUSTER_PARTITION_FIELDS);
    const decoded = rows.map((_, i) => encoded?.columns.map((column) => column.values[column.codes[i] as number]));
    expect(decoded).toEqual(rows.map(texts));
    expect(new Set(decoded.map((row) => row?.[2]))).toEqual(new Set(['', 'LEADER_NOT_AVAILABLE', 'REPLICA_NOT_AVAILABLE']));
  });

  it('declines a searchable field it cannot read off the snapshot, so the caller encodes rows instead', () => {
    const leader = CLUSTER_PARTITION_FIELDS.find((f) => f.id === 'leader') as PartitionField;
    expect(pollSearchTexts(snapshot, [...CLUSTER_PARTITION_FIELDS, { ...leader, searchable: true }])).toBeNull();
  });
});
