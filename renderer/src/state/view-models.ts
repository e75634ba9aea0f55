import { brokerTopicGroups, type BrokerTopicGroup } from '../../../shared/broker-partitions';
import { brokerRows, sameBrokerRowState, type BrokerRow } from '../../../shared/broker-rows';
import type { ClusterSnapshot } from '../../../shared/cluster-snapshot';
import { unavailableBrokers } from '../../../shared/broker-availability';
import { clusterOverview } from '../../../shared/cluster-overview';
import { isrOutlier } from '../../../shared/isr-outlier';
import { leaderFollowerMatrix } from '../../../shared/leader-follower-matrix';
import { partitionRows, samePartitionRowState, type PartitionRow } from '../../../shared/partition-rows';
import { rackLoads } from '../../../shared/rack-placement';
import { changeDetector } from '../../../shared/row-changes';
import { sameTopicRowState, topicRows, type TopicRow } from '../../../shared/topic-rows';
import { clusterModelOf } from './cluster-model-memo';
import { memoizePerSnapshot, memoizePerSnapshotPair } from './per-snapshot-memo';

/** Row builders from shared/, each run once per snapshot however many views show its rows. */
export const brokerRowsOf = memoizePerSnapshot((snapshot) =>
  brokerRows(snapshot, clusterModelOf(snapshot), new Map((snapshot.instances ?? []).map((i) => [i.brokerId, { instanceId: i.instanceId, zone: i.zone }]))),
);
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

/** Which rows changed since the previous snapshot: asked only for rows on screen (see changeDetector). */
export type ChangeDetector<Row> = (row: Row, index: number) => boolean;

export const brokerChanges = memoizePerSnapshotPair(
  (previous): ChangeDetector<BrokerRow> => changeDetector(brokerRowsOf(previous), (r) => String(r.id), sameBrokerRowState),
);
export const topicChanges = memoizePerSnapshotPair(
  (previous): ChangeDetector<TopicRow> => changeDetector(topicRowsOf(previous), (r) => r.name, sameTopicRowState),
);
export const partitionChanges = memoizePerSnapshotPair(
  (previous): ChangeDetector<PartitionRow> => changeDetector(allPartitionRowsOf(previous), (r) => r.key, samePartitionRowState),
);

const topicPartitionChangeCache = memoizePerSnapshotPair(() => new Map<string, ChangeDetector<PartitionRow>>());
/** Changes within one topic only, so an open topic never builds every partition of the cluster. */
export function topicPartitionChanges(previous: ClusterSnapshot, next: ClusterSnapshot, topicName: string): ChangeDetector<PartitionRow> {
  const cache = topicPartitionChangeCache(previous, next);
  let detector = cache.get(topicName);
  if (detector === undefined) {
    detector = changeDetector(topicPartitionRowsOf(previous, topicName) ?? [], (r) => r.key, samePartitionRowState);
    cache.set(topicName, detector);
  }
  return detector;
}
