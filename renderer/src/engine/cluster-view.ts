import { brokerRows, type BrokerRow } from '../../../shared/broker-rows';
import { unavailableBrokers } from '../../../shared/broker-availability';
import { clusterOverview, type ClusterOverview } from '../../../shared/cluster-overview';
import type { ClusterModel } from '../../../shared/cluster-model';
import type { ClusterSnapshot, TopicInfo } from '../../../shared/cluster-snapshot';
import { deploymentFacts, type DeploymentFacts } from '../../../shared/deployment-rules';
import { isrOutlier, type IsrOutlier } from '../../../shared/isr-outlier';
import { leaderFollowerMatrix, type LeaderFollowerMatrix } from '../../../shared/leader-follower-matrix';
import { rackLoads, type RackLoad } from '../../../shared/rack-placement';
import { topicRows, type TopicRow } from '../../../shared/topic-rows';

/** A topic without its partitions: what the page itself holds. */
export type TopicHead = Omit<TopicInfo, 'partitions'> & { readonly partitionCount: number };

/**
 * The snapshot as the page holds it: everything but the per-partition detail and the consumer
 * groups' committed offsets, which stay in the view engine and reach the page a window at a time.
 * At 100,000 partitions this is a few hundred kilobytes instead of 25 MiB.
 */
export type SnapshotHead = Omit<ClusterSnapshot, 'topics' | 'consumerGroups'> & { readonly topics: readonly TopicHead[] };

/**
 * One poll of one cluster, ready to show: the snapshot head and every per-snapshot figure the
 * views read, all computed by shared/ in the view engine, off the page's main thread.
 */
export interface ClusterView {
  /** Counts this cluster's views in the engine; a row window names the view it was taken from. */
  readonly version: number;
  /** How long the engine took to derive this view from the snapshot (ms): its own cost per poll. */
  readonly engineMs: number;
  readonly snapshot: SnapshotHead;
  readonly model: ClusterModel;
  readonly brokerRows: readonly BrokerRow[];
  readonly topicRows: readonly TopicRow[];
  readonly overview: ClusterOverview;
  readonly rackLoads: readonly RackLoad[];
  readonly matrix: LeaderFollowerMatrix;
  readonly isrOutlier: IsrOutlier | null;
  /** What the deployment rules check, whatever thresholds the user sets. */
  readonly deployment: DeploymentFacts;
}

export function snapshotHead(snapshot: ClusterSnapshot): SnapshotHead {
  const { topics, consumerGroups: _groups, ...rest } = snapshot;
  return {
    ...rest,
    topics: topics.map(({ partitions, ...topic }) => ({ ...topic, partitionCount: partitions.length })),
  };
}

export function clusterView(snapshot: ClusterSnapshot, model: ClusterModel, version: number, startedAt: number): ClusterView {
  const instances = new Map((snapshot.instances ?? []).map(({ brokerId, ...instance }) => [brokerId, instance]));
  const view = {
    version,
    engineMs: 0,
    snapshot: snapshotHead(snapshot),
    model,
    brokerRows: brokerRows(snapshot, model, instances),
    topicRows: topicRows(snapshot),
    overview: clusterOverview(snapshot, model),
    rackLoads: rackLoads(snapshot.brokers, snapshot.topics),
    matrix: leaderFollowerMatrix(snapshot),
    isrOutlier: isrOutlier(model.brokerLoads, unavailableBrokers(snapshot, model.missingBrokers)),
    deployment: deploymentFacts(snapshot),
  };
  return { ...view, engineMs: performance.now() - startedAt };
}

