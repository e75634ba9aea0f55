import { brokerTopicGroups, type BrokerTopicGroup } from '../../../shared/broker-partitions';
import { brokerRows, brokerRowSignature } from '../../../shared/broker-rows';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { unavailableBrokers } from '../../../shared/broker-availability';
import { clusterOverview } from '../../../shared/cluster-overview';
import { isrOutlier } from '../../../shared/isr-outlier';
import { leaderFollowerMatrix } from '../../../shared/leader-follower-matrix';
import { partitionRows, partitionRowSignature, type PartitionRow } from '../../../shared/partition-rows';
import { rackLoads } from '../../../shared/rack-placement';
import { changedKeys } from '../../../shared/row-changes';
import { topicRows, topicRowSignature } from '../../../shared/topic-rows';
import { clusterModelOf } from './cluster-model-memo';
import { memoizePerSnapshot, memoizePerSnapshotPair } from './per-snapshot-memo';

/** Row builders from shared/, each run once per snapshot however many views show its rows. */
export const brokerRowsOf = memoizePerSnapshot((snapshot) => brokerRows(snapshot, clusterModelOf(snapshot)));
export const clusterOverviewOf = memoizePerSnapshot((snapshot) => clusterOverview(snapshot, clusterModelOf(snapshot)));
export const rackLoadsOf = memoizePerSnapshot((snapshot) => rackLoads(snapshot.brokers, snapshot.topics));
export const leaderFollowerMatrixOf = memoizePerSnapshot((snapshot) => leaderFollowerMatrix(snapshot));
export const isrOutlierOf = memoizePerSnapshot((snapshot) => {
  const model = clusterModelOf(snapshot);
  return isrOutlier(model.brokerLoads, unavailableBrokers(snapshot, model.missingBrokers));
});
export const topicRowsOf = memoizePerSnapshot((snapshot) => topicRows(snapshot));
/** Every partition of the cluster: built only when a cluster-wide partition list is opened. */
export const allPartitionRowsOf = memoizePerSnapshot((snapshot) => partitionRows(snapshot, clusterModelOf(snapshot)));

/** Every partition row by its key, for lists of partition references (a heatmap cell, a blast radius). */
export const partitionRowIndexOf = memoizePerSnapshot((snapshot) => new Map(allPartitionRowsOf(snapshot).map((r) => [r.key, r])));

/** One topic's partitions, cached per snapshot and topic so opening a topic costs that topic only. */
const topicPartitionCache = memoizePerSnapshot(() => new Map<string, readonly PartitionRow[]>());
export function topicPartitionRowsOf(snapshot: ClusterSnapshot, topicName: string): readonly PartitionRow[] | null {
  const cache = topicPartitionCache(snapshot);
  const cached = cache.get(topicName);
  if (cached !== undefined) return cached;
  const topic = snapshot.topics.find((t) => t.name === topicName);
  if (topic === undefined) return null;
  const rows = partitionRows(snapshot, clusterModelOf(snapshot), [topic]);
  cache.set(topicName, rows);
  return rows;
}

const brokerGroupCache = memoizePerSnapshot(() => new Map<number, readonly BrokerTopicGroup[]>());
export function brokerTopicGroupsOf(snapshot: ClusterSnapshot, brokerId: number): readonly BrokerTopicGroup[] {
  const cache = brokerGroupCache(snapshot);
  let groups = cache.get(brokerId);
  if (groups === undefined) {
    groups = brokerTopicGroups(snapshot, clusterModelOf(snapshot), brokerId);
    cache.set(brokerId, groups);
  }
  return groups;
}

export const changedBrokerKeys = memoizePerSnapshotPair((previous, next) =>
  changedKeys(brokerRowsOf(previous), brokerRowsOf(next), (r) => String(r.id), brokerRowSignature),
);
export const changedTopicKeys = memoizePerSnapshotPair((previous, next) =>
  changedKeys(topicRowsOf(previous), topicRowsOf(next), (r) => r.name, topicRowSignature),
);
export const changedPartitionKeys = memoizePerSnapshotPair((previous, next) =>
  changedKeys(allPartitionRowsOf(previous), allPartitionRowsOf(next), (r) => r.key, partitionRowSignature),
);

const topicPartitionChanges = memoizePerSnapshotPair(() => new Map<string, ReadonlySet<string>>());
/** Changes within one topic only, so an open topic does not build every partition of the cluster twice. */
export function changedTopicPartitionKeys(previous: ClusterSnapshot, next: ClusterSnapshot, topicName: string): ReadonlySet<string> {
  const cache = topicPartitionChanges(previous, next);
  let keys = cache.get(topicName);
  if (keys === undefined) {
    keys = changedKeys(topicPartitionRowsOf(previous, topicName) ?? [], topicPartitionRowsOf(next, topicName) ?? [], (r) => r.key, partitionRowSignature);
    cache.set(topicName, keys);
  }
  return keys;
}
