import type { BrokerInfo, ClusterSnapshot, LogDirInfo, PartitionInfo, QuorumInfo, QuorumVoter, TopicInfo } from '../../shared/cluster-snapshot';
import { missing, ok, type Fetched } from '../../shared/fetched';
import type { DescribeLogDirsResult } from './protocol/describe-log-dirs';
import type { QuorumReplicaState } from './protocol/describe-quorum';
import { partitionKey, type PollResponses } from './poll-responses';

/** Turns one poll's protocol responses into the pure snapshot the rest of the app reads. */
export function toClusterSnapshot(responses: PollResponses): ClusterSnapshot {
  const sizeIndex = new Map<number, Fetched<ReadonlyMap<string, number>>>();
  for (const [brokerId, logDirs] of responses.logDirsByBroker) {
    sizeIndex.set(brokerId, logDirs.status === 'ok' ? ok(replicaSizes(logDirs.value)) : missing(logDirs.error));
  }

  const topics: TopicInfo[] = responses.metadata.topics
    .map((topic) => ({
      name: topic.name,
      internal: topic.isInternal,
      config: topicConfig(responses, topic.name),
      partitions: topic.partitions
        .map((p): PartitionInfo => {
          const key = partitionKey(topic.name, p.partitionIndex);
          return {
            partition: p.partitionIndex,
            leader: p.leaderId,
            leaderEpoch: p.leaderEpoch >= 0 ? p.leaderEpoch : null,
            replicas: p.replicaNodes,
            isr: p.isrNodes,
            offlineReplicas: p.offlineReplicas,
            error: p.error,
            offsets: fromLeader(p.leaderId, responses.offsetsByBroker, key, 'offsets'),
            sizeBytes: fromLeader(p.leaderId, sizeIndex, key, 'log dir size'),
          };
        })
        .sort((a, b) => a.partition - b.partition),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return {
    clusterKey: responses.clusterKey,
    profileName: responses.profileName,
    kafkaClusterId: responses.metadata.clusterId,
    takenAt: responses.takenAt,
    pollDurationMs: responses.pollDurationMs,
    requestCount: responses.requestCount,
    bootstrap: responses.bootstrap,
    brokers: brokers(responses),
    brokersIncludeFenced: responses.describeCluster.status === 'ok' && responses.describeCluster.value.apiVersion >= 2,
    quorum: responses.quorum.status === 'ok' ? ok(quorumInfo(responses.quorum.value)) : missing(responses.quorum.error),
    topics,
    consumerGroups: responses.consumerGroups,
    brokerErrors: responses.brokerErrors,
    ...(responses.requestLatency === undefined ? {} : { requestLatency: responses.requestLatency }),
  };
}

/** DescribeCluster knows fenced brokers (Kafka 4.0+); Metadata lists only the live ones, so it is the fallback. */
function brokers(responses: PollResponses): BrokerInfo[] {
  const described = responses.describeCluster.status === 'ok' ? responses.describeCluster.value.brokers : null;
  const list = described
    ? described.map((b) => ({ id: b.brokerId, host: b.host, port: b.port, rack: b.rack, fenced: b.isFenced === true }))
    : responses.metadata.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack, fenced: false }));
  return list
    .map((b) => ({ ...b, logDirs: logDirsOf(responses.logDirsByBroker.get(b.id), b.fenced) }))
    .sort((a, b) => a.id - b.id);
}

function logDirsOf(logDirs: Fetched<DescribeLogDirsResult> | undefined, fenced: boolean): Fetched<readonly LogDirInfo[]> {
  if (logDirs === undefined) return missing(fenced ? 'broker is fenced: not asked for its log dirs' : 'broker was not polled');
  if (logDirs.status === 'missing') return missing(logDirs.error);
  return ok(
    logDirs.value.logDirs.map((dir) => {
      let replicaBytes = 0;
      let replicaCount = 0;
      for (const topic of dir.topics) {
        for (const partition of topic.partitions) {
          replicaBytes += partition.size;
          replicaCount += 1;
        }
      }
      return {
        path: dir.path,
        error: dir.errorCode === 0 ? null : dir.errorName,
        totalBytes: dir.totalBytes >= 0 ? dir.totalBytes : null,
        usableBytes: dir.usableBytes >= 0 ? dir.usableBytes : null,
        replicaBytes,
        replicaCount,
      };
    }),
  );
}

/** Size of each current (not future) replica a broker stores, summed over its log dirs. */
function replicaSizes(result: DescribeLogDirsResult): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const dir of result.logDirs) {
    for (const topic of dir.topics) {
      for (const partition of topic.partitions) {
        if (partition.isFutureKey) continue;
        const key = partitionKey(topic.topic, partition.partitionIndex);
        sizes.set(key, (sizes.get(key) ?? 0) + partition.size);
      }
    }
  }
  return sizes;
}

function fromLeader<T>(
  leader: number,
  byBroker: ReadonlyMap<number, Fetched<ReadonlyMap<string, T>>>,
  key: string,
  what: string,
): Fetched<T> {
  if (leader < 0) return missing(`partition has no leader: no ${what}`);
  const answer = byBroker.get(leader);
  if (answer === undefined) return missing(`leader broker ${leader} was not asked for ${what}`);
  if (answer.status === 'missing') return missing(`leader broker ${leader}: ${answer.error}`);
  const value = answer.value.get(key);
  return value === undefined ? missing(`leader broker ${leader} did not report ${what} for this partition`) : ok(value);
}

function topicConfig(responses: PollResponses, topic: string): TopicInfo['config'] {
  if (responses.topicConfigs.status === 'missing') return missing(responses.topicConfigs.error);
  return responses.topicConfigs.value.get(topic) ?? missing('topic config was not returned');
}

function quorumInfo(quorum: { leaderId: number; leaderEpoch: number; highWatermark: number; voters: readonly QuorumReplicaState[]; observers: readonly QuorumReplicaState[] }): QuorumInfo {
  const leaderEnd = quorum.voters.find((v) => v.replicaId === quorum.leaderId)?.logEndOffset ?? quorum.highWatermark;
  const toVoter = (replica: QuorumReplicaState): QuorumVoter => ({
    id: replica.replicaId,
    logEndOffset: replica.logEndOffset,
    lag: replica.logEndOffset >= 0 ? Math.max(0, leaderEnd - replica.logEndOffset) : leaderEnd,
    lastFetchTimestamp: replica.lastFetchTimestamp >= 0 ? replica.lastFetchTimestamp : null,
    lastCaughtUpTimestamp: replica.lastCaughtUpTimestamp >= 0 ? replica.lastCaughtUpTimestamp : null,
  });
  return {
    leaderId: quorum.leaderId,
    leaderEpoch: quorum.leaderEpoch,
    highWatermark: quorum.highWatermark,
    voters: quorum.voters.map(toVoter).sort((a, b) => a.id - b.id),
    observers: quorum.observers.map(toVoter).sort((a, b) => a.id - b.id),
  };
}
