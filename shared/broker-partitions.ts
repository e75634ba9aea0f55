import { unavailableBrokers } from './broker-availability';
import type { ClusterModel } from './cluster-model';
import type { ClusterSnapshot } from './cluster-snapshot';
import { replicaState } from './partition-state';

/** What one broker does for one topic: the broker detail lists these, one per topic. */
export interface BrokerTopicGroup {
  readonly topic: string;
  readonly led: readonly number[];
  /** Partitions it replicates without leading, whatever the replica's state. */
  readonly followed: readonly number[];
  /** Of those it hosts, the partitions where its replica is out of the ISR. */
  readonly outOfSync: readonly number[];
  /** Of those it hosts, the partitions where its replica is offline. */
  readonly offline: readonly number[];
}

export function brokerTopicGroups(snapshot: ClusterSnapshot, model: ClusterModel, brokerId: number): BrokerTopicGroup[] {
  const unavailable = unavailableBrokers(snapshot, model.missingBrokers);
  const groups: BrokerTopicGroup[] = [];
  for (const topic of snapshot.topics) {
    const led: number[] = [];
    const followed: number[] = [];
    const outOfSync: number[] = [];
    const offline: number[] = [];
    for (const partition of topic.partitions) {
      if (!partition.replicas.includes(brokerId)) continue;
      if (partition.leader === brokerId) led.push(partition.partition);
      else followed.push(partition.partition);
      const state = replicaState(partition, brokerId, unavailable);
      if (state === 'out-of-sync') outOfSync.push(partition.partition);
      else if (state === 'offline') offline.push(partition.partition);
    }
    if (led.length + followed.length > 0) groups.push({ topic: topic.name, led, followed, outOfSync, offline });
  }
  return groups;
}
